// The kind and pixel size of an image read from its first bytes (no decoder, no dependency): PNG's
// IHDR chunk, JPEG's SOF0/1/2 frame header, GIF's logical screen. Anything else (WebP, SVG, a
// damaged file) is null, and the exports then print the image's placeholder instead.

export type ImageKind = "png" | "jpg" | "gif";
export type ImageInfo = { type: ImageKind; width: number; height: number };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Beyond any real picture; a header claiming more is treated as damaged. */
const MAX_SIDE = 65_535 * 4;

function sized(type: ImageKind, width: number, height: number): ImageInfo | null {
  return width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE ? { type, width, height } : null;
}

function png(b: Uint8Array): ImageInfo | null {
  if (b.length < 24 || !PNG_SIGNATURE.every((byte, i) => b[i] === byte)) return null;
  // The first chunk must be IHDR: length (4), "IHDR" (4), width (4, big-endian), height (4).
  if (String.fromCharCode(b[12], b[13], b[14], b[15]) !== "IHDR") return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return sized("png", view.getUint32(16), view.getUint32(20));
}

function gif(b: Uint8Array): ImageInfo | null {
  if (b.length < 10) return null;
  const magic = String.fromCharCode(...b.subarray(0, 6));
  if (magic !== "GIF87a" && magic !== "GIF89a") return null;
  return sized("gif", b[6] | (b[7] << 8), b[8] | (b[9] << 8));
}

function jpeg(b: Uint8Array): ImageInfo | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null; // every segment starts with a marker
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1; // fill byte before a marker
      continue;
    }
    // Markers without a length: TEM and RST0–7.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / start of scan before any frame
    const length = (b[i + 2] << 8) | b[i + 3];
    if (length < 2) return null;
    if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
      // SOFn: length (2), precision (1), height (2), width (2).
      if (i + 8 >= b.length) return null;
      return sized("jpg", (b[i + 7] << 8) | b[i + 8], (b[i + 5] << 8) | b[i + 6]);
    }
    i += 2 + length;
  }
  return null;
}

/** The image's kind and size in pixels, or null when it is not a PNG, JPEG or GIF we can read. */
export function imageInfo(bytes: Uint8Array): ImageInfo | null {
  return png(bytes) ?? jpeg(bytes) ?? gif(bytes);
}
