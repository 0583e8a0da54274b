// Draws the tray icons (assets/tray/<state>.png 16×16 and <state>@2x.png 32×32) and the installer/app icon
// (build/icon.ico: 16, 32, 48, 256 px; assets/icon.png: 256 px). Only node:zlib: the shapes are simple and the output is committed, so
// no image tool is needed on a developer's machine. Each state differs by shape AND colour (colour-blind users).
// Usage: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// ------------------------------------------------------------------------------------------------ PNG
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
/** rgba: Uint8Array of size*size*4 → PNG bytes (8-bit RGBA, no filter). */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ------------------------------------------------------------------------------------------------ drawing
// A shape is a list of layers { inside(x, y) → boolean, color: [r, g, b] } over the unit square, painted in
// order; 4×4 supersampling gives smooth edges.
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r, w) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
function segment(ax, ay, bx, by, w) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= w / 2;
  };
}
function triangle(ax, ay, bx, by, cx, cy) {
  const side = (px, py, qx, qy, x, y) => (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const d1 = side(ax, ay, bx, by, x, y);
    const d2 = side(bx, by, cx, cy, x, y);
    const d3 = side(cx, cy, ax, ay, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}
const WHITE = [255, 255, 255];

function render(size, layers) {
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let color = null;
          for (const layer of layers) if (layer.inside(x, y)) color = layer.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ icons
const TRAY = {
  // All quiet: a plain green disc.
  idle: [{ inside: circle(0.5, 0.5, 0.44), color: hex('#2e7d32') }],
  // A window within 24 h: amber disc with clock hands.
  upcoming: [
    { inside: circle(0.5, 0.5, 0.44), color: hex('#f9a825') },
    { inside: segment(0.5, 0.5, 0.5, 0.2, 0.12), color: WHITE },
    { inside: segment(0.5, 0.5, 0.72, 0.6, 0.12), color: WHITE },
  ],
  // Window in progress: orange-red square with a white bar ("applications unavailable").
  'in-progress': [
    { inside: roundRect(0.06, 0.06, 0.94, 0.94, 0.16), color: hex('#d84315') },
    { inside: rect(0.2, 0.42, 0.8, 0.58), color: WHITE },
  ],
  // Verification due: blue disc with a check mark.
  'verification-due': [
    { inside: circle(0.5, 0.5, 0.44), color: hex('#1565c0') },
    { inside: segment(0.26, 0.52, 0.43, 0.7, 0.13), color: WHITE },
    { inside: segment(0.43, 0.7, 0.75, 0.32, 0.13), color: WHITE },
  ],
  // Problem reported: red triangle with "!".
  problem: [
    { inside: triangle(0.5, 0.04, 0.97, 0.93, 0.03, 0.93), color: hex('#c62828') },
    { inside: rect(0.44, 0.33, 0.56, 0.66), color: WHITE },
    { inside: circle(0.5, 0.79, 0.07), color: WHITE },
  ],
  // Inventory offline: grey ring with a slash.
  offline: [
    { inside: ring(0.5, 0.5, 0.36, 0.14), color: hex('#616161') },
    { inside: segment(0.22, 0.78, 0.78, 0.22, 0.13), color: hex('#616161') },
  ],
};

// The app icon: a blue rounded square with a white "V" (Vigie).
const APP = [
  { inside: roundRect(0.04, 0.04, 0.96, 0.96, 0.2), color: hex('#0d47a1') },
  { inside: segment(0.27, 0.28, 0.5, 0.74, 0.14), color: WHITE },
  { inside: segment(0.5, 0.74, 0.73, 0.28, 0.14), color: WHITE },
];

/** ICO with PNG-compressed entries (supported since Windows Vista, and by NSIS/electron-builder). */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, index) => {
    const entry = 6 + 16 * index;
    header[entry] = size >= 256 ? 0 : size;
    header[entry + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

function write(relative, bytes) {
  const file = join(root, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  console.log(`${relative} (${bytes.length} octets)`);
}

for (const [state, layers] of Object.entries(TRAY)) {
  write(`assets/tray/${state}.png`, png(16, render(16, layers)));
  write(`assets/tray/${state}@2x.png`, png(32, render(32, layers)));
}
write('build/icon.ico', ico([16, 32, 48, 256].map((size) => ({ size, data: png(size, render(size, APP)) }))));
// The same picture for window and toast icons (assets/ is packaged; build/ is not).
write('assets/icon.png', png(256, render(256, APP)));
