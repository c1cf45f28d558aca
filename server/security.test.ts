import { describe, expect, it } from "vitest";
import { isCrossOriginMutation, securityHeadersFor } from "./security";

const host = "razem.example.pl";
const cases: [string, string, Record<string, string>, boolean][] = [
  ["GET from anywhere", "GET", { origin: "https://evil.example" }, false],
  ["POST same origin", "POST", { origin: "https://razem.example.pl" }, false],
  ["POST other origin", "POST", { origin: "https://evil.example" }, true],
  ["POST other port", "POST", { origin: "https://razem.example.pl:8443" }, true],
  ["POST opaque origin", "POST", { origin: "null" }, true],
  ["POST no origin, cross-site fetch metadata", "POST", { "sec-fetch-site": "cross-site" }, true],
  ["POST no origin, same-origin fetch metadata", "POST", { "sec-fetch-site": "same-origin" }, false],
  ["POST from a non-browser client", "POST", {}, false],
  ["DELETE other origin", "DELETE", { origin: "http://localhost:9999" }, true],
];

describe("cross-origin mutation check", () => {
  it.each(cases)("%s", (_name, method, headers, rejected) => {
    expect(isCrossOriginMutation({ method, headers, host })).toBe(rejected);
  });
});

describe("connect-src", () => {
  it("allows only our own origin, plus UploadThing's ingest hosts when browsers upload there", () => {
    const csp = (connectSrc?: string[]) => securityHeadersFor({ path: "/", nonce: "n", dev: false, connectSrc })["Content-Security-Policy"];
    expect(csp()).toContain("connect-src 'self';");
    expect(csp(["https://fra1.ingest.uploadthing.com"])).toContain("connect-src 'self' https://fra1.ingest.uploadthing.com;");
  });
});
