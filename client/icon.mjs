// The extension's icon, drawn with code at build time into dist/icon.png (git-ignored, shipped
// in the .vsix): a red seal-like square holding a plan's outline in white — a title bar, then
// chapters and the tasks beneath them, each task with its lead marked in gold. No image editor,
// no font: rounded rectangles, 4× supersampled, written as a PNG with node:zlib.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 256;
const SS = 4; // samples per pixel per axis

const RED = [183, 28, 28];
const WHITE = [255, 255, 255];
const GOLD = [255, 193, 7];

/** Shapes in 0..256 coordinates, painted in order: [x, y, w, h, radius, colour]. */
const SHAPES = [
  [8, 8, 240, 240, 44, RED],
  // the title
  [52, 46, 152, 22, 11, WHITE],
  // chapter 一, its two tasks (lead in gold)
  [52, 90, 96, 16, 8, WHITE],
  [76, 120, 24, 12, 6, GOLD],
  [106, 120, 98, 12, 6, WHITE],
  [76, 144, 24, 12, 6, GOLD],
  [106, 144, 78, 12, 6, WHITE],
  // chapter 二, one task
  [52, 178, 110, 16, 8, WHITE],
  [76, 208, 24, 12, 6, GOLD],
  [106, 208, 88, 12, 6, WHITE],
];

function inside(px, py, [x, y, w, h, r]) {
  if (px < x || py < y || px > x + w || py > y + h) return false;
  const cx = Math.min(Math.max(px, x + r), x + w - r);
  const cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

function pixels() {
  const out = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    out[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const px = x + (sx + 0.5) / SS;
          const py = y + (sy + 0.5) / SS;
          let colour;
          for (const s of SHAPES) if (inside(px, py, s)) colour = s[5];
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      // Colours averaged over the covered samples; coverage as alpha.
      out[o] = a ? Math.round(r / a) : 0;
      out[o + 1] = a ? Math.round(g / a) : 0;
      out[o + 2] = a ? Math.round(b / a) : 0;
      out[o + 3] = Math.round((255 * a) / (SS * SS));
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function iconPng() {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(pixels(), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

export function writeIcon(path) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, iconPng());
}

if (import.meta.url === `file://${process.argv[1]}`) writeIcon(process.argv[2] ?? 'dist/icon.png');
