#!/usr/bin/env node
/*
 * Draws the CE Ledger icon (a green rounded square with a white check mark) at every size the
 * manifest and the store need, and writes them to assets/icon-<size>.png.
 *
 * Only Node built-ins: the shapes are rasterised by hand with 4x4 supersampling for smooth edges,
 * and the PNG is encoded here (RGBA, 8 bits, filter 0, zlib) so no image library is needed.
 * Run again after changing the drawing: `node scripts/make-icons.js`.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, '..', 'assets');

const GREEN = [0x10, 0x7c, 0x41]; // Excel-like green
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4;

// ---------------------------------------------------------------- PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
}

/** rgba: Uint8Array of width*height*4 bytes, rows top to bottom. */
function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

// ---------------------------------------------------------------- drawing (unit square 0..1)

function insideRoundedSquare(x, y, inset, radius) {
  const lo = inset;
  const hi = 1 - inset;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + radius), hi - radius);
  const cy = Math.min(Math.max(y, lo + radius), hi - radius);
  const dx = x - cx;
  const dy = y - cy;
  return dx * dx + dy * dy <= radius * radius;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  const dx = px - (ax + t * vx);
  const dy = py - (ay + t * vy);
  return Math.sqrt(dx * dx + dy * dy);
}

// The check mark: two strokes with round caps meeting at the bottom point.
const CHECK = { a: [0.27, 0.53], b: [0.44, 0.7], c: [0.74, 0.33] };

function onCheckMark(x, y, halfWidth) {
  const { a, b, c } = CHECK;
  return (
    distanceToSegment(x, y, a[0], a[1], b[0], b[1]) <= halfWidth ||
    distanceToSegment(x, y, b[0], b[1], c[0], c[1]) <= halfWidth
  );
}

function drawIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  // Small icons get a relatively thicker stroke and a smaller inset so the mark stays legible.
  const inset = size <= 16 ? 0 : 1 / 32;
  const radius = 0.2;
  const halfWidth = size <= 16 ? 0.1 : size <= 32 ? 0.085 : 0.07;
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let mark = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (insideRoundedSquare(x, y, inset, radius)) {
            bg++;
            if (onCheckMark(x, y, halfWidth)) mark++;
          }
        }
      }
      const total = n * n;
      const alpha = bg / total;
      const i = (py * size + px) * 4;
      if (alpha === 0) continue; // transparent outside the square
      const m = bg === 0 ? 0 : mark / bg; // share of the covered area that is white
      for (let ch = 0; ch < 3; ch++) rgba[i + ch] = Math.round(GREEN[ch] * (1 - m) + WHITE[ch] * m);
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    const png = encodePng(size, size, drawIcon(size));
    fs.writeFileSync(file, png);
    console.log(`wrote ${path.relative(process.cwd(), file)} (${png.length} bytes)`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, drawIcon, SIZES };
