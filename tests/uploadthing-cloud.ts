// A stand-in for UploadThing's cloud on 127.0.0.1, for tests of the UploadThing path without the
// internet: the only thing these tests replace. It speaks the endpoints the uploadthing package
// (7.7) calls, as read in its source:
//   ingest  PUT  /<key>?expires&x-ut-…&signature=hmac-sha256=…   (multipart "file"; UTApi.uploadFiles)
//           POST /route-metadata                                   (route handler, after middleware)
//           POST /callback-result                                  (route handler, after onUploadComplete)
//   api     POST /v6/deleteFiles                                   (UTApi.deleteFiles)
//   ufs     GET  /a/<appId>/<key>?expires&signature               (signed file URL, "path" app id location)
// Every request must carry our API key (header, or a URL signature made with it).
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import busboy from "busboy";

export const FAKE_API_KEY = "sk_test_razem_0123456789abcdef";
export const FAKE_APP_ID = "razemtestapp";

/** A token the package accepts: base64 of {apiKey, appId, regions}. */
export function fakeToken(overrides: Partial<{ apiKey: string; appId: string; regions: string[] }> = {}): string {
  return Buffer.from(JSON.stringify({ apiKey: FAKE_API_KEY, appId: FAKE_APP_ID, regions: ["fra1"], ...overrides })).toString("base64");
}

/** What UploadThing puts in `x-uploadthing-signature`: HMAC-SHA256 of the body under the API key. */
export function signBody(body: string, apiKey = FAKE_API_KEY): string {
  return `hmac-sha256=${crypto.createHmac("sha256", apiKey).update(body).digest("hex")}`;
}

/** Checks a URL signed by the package (generateSignedURL: HMAC of the whole URL before `&signature=`, not expired). */
function validSignedUrl(fullUrl: string): boolean {
  const at = fullUrl.lastIndexOf("&signature=");
  if (at < 0) return false;
  const signed = fullUrl.slice(0, at);
  const given = decodeURIComponent(fullUrl.slice(at + "&signature=".length));
  const expires = Number(new URL(signed).searchParams.get("expires"));
  return expires > Date.now() && given === signBody(signed);
}

export type CloudRequest = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string };

export class FakeUploadThingCloud {
  readonly files = new Map<string, { name: string; type: string; content: Buffer }>();
  readonly requests: CloudRequest[] = [];
  private server: http.Server | null = null;
  origin = "";

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /** `ufsHost` for the package: contains "local", so it builds http:// URLs. */
  get ufsHost(): string {
    return `localhost:${new URL(this.origin).port}`;
  }

  reset(): void {
    this.files.clear();
    this.requests.length = 0;
  }

  requestsTo(path: string): CloudRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", this.origin);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const keyHeaderOk = req.headers["x-uploadthing-api-key"] === FAKE_API_KEY;
    /** The package signed the URL with its own view of our origin (ingest: this.origin; ufs: ufsHost). */
    const signatureOk = (origin: string) => validSignedUrl(`${origin}${req.url ?? ""}`);

    if (req.method === "PUT") {
      // An upload to a presigned URL: the signature proves it was made with our key.
      const key = url.pathname.slice(1);
      if (!signatureOk(this.origin)) {
        req.resume();
        this.requests.push({ method: "PUT", path: url.pathname, headers: req.headers, body: "" });
        return send(403, { error: "bad signature" });
      }
      const chunks: Buffer[] = [];
      const parser = busboy({ headers: req.headers });
      parser.on("file", (_field, stream) => stream.on("data", (c: Buffer) => chunks.push(c)));
      parser.on("close", () => {
        const content = Buffer.concat(chunks);
        const name = decodeURIComponent(url.searchParams.get("x-ut-file-name") ?? "blob");
        const type = decodeURIComponent(url.searchParams.get("x-ut-file-type") ?? "");
        this.files.set(key, { name, type, content });
        this.requests.push({ method: "PUT", path: url.pathname, headers: req.headers, body: `${content.length} bytes` });
        const ufsUrl = `http://${this.ufsHost}/a/${FAKE_APP_ID}/${key}`;
        send(200, { url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: crypto.createHash("md5").update(content).digest("hex") });
      });
      req.pipe(parser);
      return;
    }

    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    this.requests.push({ method: req.method ?? "", path: url.pathname, headers: req.headers, body });

    if (req.method === "GET" && url.pathname.startsWith(`/a/${FAKE_APP_ID}/`)) {
      if (!signatureOk(`http://${this.ufsHost}`)) return send(403, { error: "bad signature" });
      const file = this.files.get(url.pathname.split("/").pop() ?? "");
      if (!file) return send(404, { error: "not found" });
      res.writeHead(200, { "Content-Type": file.type || "application/octet-stream", "Content-Length": String(file.content.length) });
      res.end(file.content);
      return;
    }
    if (req.method !== "POST") return send(405, { error: "method" });
    if (!keyHeaderOk) return send(401, { error: "bad api key" });
    const json = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    switch (url.pathname) {
      case "/route-metadata":
      case "/callback-result":
        return send(200, { ok: true });
      case "/v6/deleteFiles": {
        const keys = (json.fileKeys as string[]) ?? [];
        let deletedCount = 0;
        for (const key of keys) if (this.files.delete(key)) deletedCount++;
        return send(200, { success: true, deletedCount });
      }
      default:
        return send(404, { error: `no such endpoint ${url.pathname}` });
    }
  }
}
