/**
 * npm run icons — draws the add-in's icons (a table on a blue tile, one cell marked) into assets/ as PNG.
 * Drawn in code so that the icons need no image tools and can be redrawn at any size.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

type Rgba = [number, number, number, number];
const BLUE: Rgba = [15, 108, 189, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const MARK: Rgba = [232, 72, 85, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), Buffer.from(data)]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) rows.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", new Uint8Array()),
  ]);
}

function icon(size: number): Buffer {
  const radius = size * 0.18;
  const inset = size * 0.2;
  const span = size - 2 * inset;
  const line = Math.max(1, Math.round(size / 16));
  return png(size, (x, y) => {
    const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
    const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
    if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > radius ** 2) return CLEAR;
    const u = (x + 0.5 - inset) / span;
    const v = (y + 0.5 - inset) / span;
    if (u < 0 || u > 1 || v < 0 || v > 1) return BLUE;
    const onLine = [0, 1 / 3, 2 / 3, 1].some((at) => Math.abs(u - at) * span < line / 2 + 0.5 || Math.abs(v - at) * span < line / 2 + 0.5);
    if (onLine) return WHITE;
    if (u > 2 / 3 && v > 2 / 3) return MARK;
    return BLUE;
  });
}

const assets = join(process.cwd(), "assets");
for (const size of [16, 32, 64, 80, 128]) writeFileSync(join(assets, `icon-${size}.png`), icon(size));
console.log("assets/icon-{16,32,64,80,128}.png");
