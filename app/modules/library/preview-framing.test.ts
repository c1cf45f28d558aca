// Only the library's inline preview may be framed, and only by our own pages.
// (Lives here because vitest.config.ts does not collect tests under server/.)
import { describe, expect, it } from "vitest";
import { mayBeFramedBySelf, securityHeadersFor } from "../../../server/security";
import { libraryUrls } from "./library-urls";

describe("frame policy of the library preview", () => {
  const preview = libraryUrls.preview("ws1", "doc1", 3);

  it("lets our own pages frame the preview route, nothing else", () => {
    const h = securityHeadersFor({ path: preview, nonce: "n", dev: false });
    expect(h["X-Frame-Options"]).toBe("SAMEORIGIN");
    expect(h["Content-Security-Policy"]).toContain("frame-ancestors 'self'");
    expect(h["Content-Security-Policy"]).not.toContain("frame-ancestors 'none'");
    expect(h["Content-Security-Policy"]).toContain("default-src 'none'");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
  });

  it.each([
    "/",
    "/pulpit",
    libraryUrls.download("ws1", "doc1", 3),
    libraryUrls.file("ws1", "doc1"),
    `${preview}/x`,
    `/x${preview}`,
    "/przestrzenie/ws1/pliki/doc1/v/abc/podglad",
  ])("keeps %s unframeable", (path) => {
    expect(mayBeFramedBySelf(path)).toBe(false);
    const h = securityHeadersFor({ path, nonce: "n", dev: false });
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(h["Content-Security-Policy"]).toContain("script-src 'self' 'nonce-n'");
  });
});
