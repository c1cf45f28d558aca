import { describe, expect, it } from "vitest";
import { formatBytes, formatSpeed } from "./format";
import { contentDisposition, downloadName } from "./library-http.server";

describe("sizes and speeds", () => {
  it("uses the Polish number format", () => {
    expect(formatBytes(532, "pl")).toBe("532 B");
    expect(formatBytes(1536, "pl")).toBe("1,5 KB");
    expect(formatSpeed(2.4 * 1024 * 1024, "pl")).toBe("2,4 MB/s");
    expect(formatBytes(200 * 1024 * 1024, "pl")).toBe("200 MB");
    expect(formatBytes(1536, "en")).toBe("1.5 KB");
  });
});

describe("download headers", () => {
  it("names the file with RFC 5987 for Polish letters and an ASCII fallback", () => {
    expect(contentDisposition("attachment", "Żółw łódź (wersja 2)*.pdf")).toBe(
      `attachment; filename="Zolw lodz (wersja 2)*.pdf"; filename*=UTF-8''%C5%BB%C3%B3%C5%82w%20%C5%82%C3%B3d%C5%BA%20%28wersja%202%29%2A.pdf`,
    );
    expect(contentDisposition("inline", 'a"b\\c\r\n.png')).toBe(`inline; filename="a_b_c  .png"; filename*=UTF-8''a%22b%5Cc%20%20.png`);
  });
  it("marks older versions in the file name", () => {
    expect(downloadName("Raport.pdf", 3, 3)).toBe("Raport.pdf");
    expect(downloadName("Raport.pdf", 1, 3)).toBe("Raport (v1).pdf");
    expect(downloadName("README", 1, 2)).toBe("README (v1)");
  });
});
