// Test clients for the co-editing server: HocuspocusProvider in Node (the `ws` package as its
// WebSocket, carrying the session cookie and an Origin like a browser would) and a raw socket that
// speaks the Hocuspocus/Yjs protocol by hand.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { yDocToProsemirrorJSON } from "@tiptap/y-tiptap";
import WebSocket from "ws";
import * as Y from "yjs";
import { COLLAB_FIELD, draftDocumentName, plainTextOf } from "~/modules/strategy/collab-shared";

export function connectProvider(url: string, draftId: string, headers: { cookie?: string; origin?: string }) {
  class BrowserLikeSocket extends WebSocket {
    constructor(address: string) {
      super(address, { headers: { ...(headers.cookie ? { Cookie: headers.cookie } : {}), ...(headers.origin ? { Origin: headers.origin } : {}) } });
    }
  }
  const websocketProvider = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: BrowserLikeSocket, delay: 100, minDelay: 100, maxDelay: 500 });
  const provider = new HocuspocusProvider({ websocketProvider, name: draftDocumentName(draftId), document: new Y.Doc() });
  provider.attach();
  const close = () => {
    provider.destroy();
    websocketProvider.destroy();
  };
  return { provider, websocketProvider, doc: provider.document, close };
}

/** Appends a paragraph to the body, as the Tiptap editor would. */
export function typeParagraph(doc: Y.Doc, text: string) {
  const fragment = doc.getXmlFragment(COLLAB_FIELD);
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [p]);
}

export function textOf(doc: Y.Doc): string {
  return plainTextOf(yDocToProsemirrorJSON(doc, COLLAB_FIELD));
}

/** The body as a fresh server would load it: compacted state + the update log. */
export function textOfStored(state: Uint8Array | null, updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  for (const u of updates) Y.applyUpdate(doc, u);
  return textOf(doc);
}

export async function waitFor<T>(check: () => T | Promise<T>, { timeout = 5_000, message = "condition" } = {}): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const MSG_SYNC = 0;
const MSG_AUTH = 2;
const MSG_SYNC_STATUS = 8;

/** A raw socket: authenticate for a document, then send anything. Collects the replies. */
export async function rawClient(url: string, draftId: string, headers: Record<string, string>) {
  const name = draftDocumentName(draftId);
  const ws = new WebSocket(url, { headers });
  const replies: { type: number; authScope?: string; authDenied?: string; syncSaved?: boolean }[] = [];
  ws.on("message", (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type === MSG_AUTH) {
      const sub = decoding.readVarUint(d);
      if (sub === 2) replies.push({ type, authScope: decoding.readVarString(d) });
      else if (sub === 1) replies.push({ type, authDenied: decoding.readVarString(d) });
    } else if (type === MSG_SYNC_STATUS) replies.push({ type, syncSaved: decoding.readVarUint(d) === 1 });
    else replies.push({ type });
  });
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  const send = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, name);
    write(e);
    ws.send(encoding.toUint8Array(e));
  };
  return {
    ws,
    replies,
    authenticate() {
      send((e) => {
        encoding.writeVarUint(e, MSG_AUTH);
        encoding.writeVarUint(e, 0);
        encoding.writeVarString(e, "");
      });
    },
    /** A Yjs update message (sync type 2) carrying `update`. */
    sendUpdate(update: Uint8Array) {
      send((e) => {
        encoding.writeVarUint(e, MSG_SYNC);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, update);
      });
    },
  };
}

/** The HTTP status of a refused upgrade (or "open" when it was accepted). */
export function upgradeOutcome(url: string, headers: Record<string, string>): Promise<number | "open"> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("open", () => {
      resolve("open");
      ws.close();
    });
    ws.on("error", () => undefined);
  });
}
