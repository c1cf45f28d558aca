import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { imageInfo } from "./images-size";

// ——— Tiny real files, built here ———

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A valid RGB PNG of `width` × `height` pixels, all one colour. */
function makePng(width: number, height: number, rgb: [number, number, number] = [32, 96, 160]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, not interlaced
  const row = Buffer.from([0, ...Array.from({ length: width }, () => rgb).flat()]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];

/**
 * A decodable greyscale JPEG of `width` × `height` (every 8×8 block mid-grey: DC difference 0, then
 * end of block, each coded as a single 0 bit), with an Exif-like APP1 segment before the frame.
 * `sof` 0xc0 is baseline, 0xc2 progressive (header only).
 */
function makeJpeg(width: number, height: number, sof = 0xc0): Buffer {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const bits = "00".repeat(blocks).padEnd(Math.ceil((blocks * 2) / 8) * 8, "1");
  const scan = (bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)).flatMap((b) => (b === 0xff ? [0xff, 0x00] : [b]));
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // JFIF
    ...segment(0xe1, [0x45, 0x78, 0x69, 0x66, 0, 0, 0xff, 0xc0, 0, 0]), // "Exif": a fake SOF inside is never read
    ...segment(0xdb, [0x00, ...Array.from({ length: 64 }, () => 1)]), // quantisation table 0
    ...segment(sof, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0x00, 1, ...Array.from({ length: 15 }, () => 0), 0x00]), // DC table: "0" → category 0
    ...segment(0xc4, [0x10, 1, ...Array.from({ length: 15 }, () => 0), 0x00]), // AC table: "0" → end of block
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...scan,
    0xff,
    0xd9,
  ]);
}

/** The classic 1×1 GIF89a. */
const GIF_1x1 = Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64");
/** A common 1×1 RGBA PNG. */
const PNG_1x1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

describe("imageInfo", () => {
  it("reads a PNG's size from its IHDR chunk", () => {
    expect(imageInfo(Buffer.from(PNG_1x1, "base64"))).toEqual({ type: "png", width: 1, height: 1 });
    expect(imageInfo(makePng(640, 360))).toEqual({ type: "png", width: 640, height: 360 });
  });

  it("reads a JPEG's size from the baseline or progressive frame, past the APP segments", () => {
    expect(imageInfo(makeJpeg(3, 2))).toEqual({ type: "jpg", width: 3, height: 2 });
    expect(imageInfo(makeJpeg(1920, 1080, 0xc2))).toEqual({ type: "jpg", width: 1920, height: 1080 });
    expect(imageInfo(makeJpeg(300, 200, 0xc1))).toEqual({ type: "jpg", width: 300, height: 200 });
  });

  it("reads a GIF's logical screen", () => {
    expect(imageInfo(GIF_1x1)).toEqual({ type: "gif", width: 1, height: 1 });
    const wide = Buffer.from(GIF_1x1);
    wide.writeUInt16LE(500, 6);
    wide.writeUInt16LE(20, 8);
    expect(imageInfo(wide)).toEqual({ type: "gif", width: 500, height: 20 });
  });

  it("is null for WebP, garbage, truncated headers and zero sizes", () => {
    const webp = Buffer.concat([Buffer.from("RIFF"), Buffer.from([0x24, 0, 0, 0]), Buffer.from("WEBPVP8 "), Buffer.alloc(20)]);
    expect(imageInfo(webp)).toBeNull();
    expect(imageInfo(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(imageInfo(Buffer.from("%PDF-1.7 not an image at all"))).toBeNull();
    expect(imageInfo(Buffer.alloc(0))).toBeNull();
    expect(imageInfo(makePng(10, 10).subarray(0, 20))).toBeNull();
    expect(imageInfo(makeJpeg(10, 10).subarray(0, 30))).toBeNull(); // cut before the frame header
    expect(imageInfo(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toBeNull(); // JPEG without a frame
    expect(imageInfo(makePng(0, 5))).toBeNull();
    expect(imageInfo(GIF_1x1.subarray(0, 8))).toBeNull();
  });
});
