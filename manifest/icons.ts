import { PNG } from 'pngjs';

/** The accent colour behind the colour icon (also the manifest's accentColor). */
export const ACCENT = { r: 0x1f, g: 0x5c, b: 0x7a };

const SAMPLES = 4;

function nearSegment(px: number, py: number, [ax, ay, bx, by]: [number, number, number, number], halfWidth: number): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) <= halfWidth;
}

/** The symbol, in a unit square: a shield with a tick cut out of it. */
export function inSymbol(x: number, y: number): boolean {
  if (y < 0.06 || y > 0.96) return false;
  const t = y <= 0.48 ? 0 : (y - 0.48) / 0.48;
  const inShield = Math.abs(x - 0.5) <= 0.42 * (1 - t * t);
  const tick = nearSegment(x, y, [0.29, 0.49, 0.45, 0.65], 0.075) || nearSegment(x, y, [0.45, 0.65, 0.73, 0.33], 0.075);
  return inShield && !tick;
}

/** How much of pixel (px, py) the symbol covers, 0..1, with the symbol drawn in a box. */
function coverage(px: number, py: number, box: { x: number; y: number; size: number }): number {
  let hits = 0;
  for (let i = 0; i < SAMPLES; i++) {
    for (let j = 0; j < SAMPLES; j++) {
      const x = (px + (i + 0.5) / SAMPLES - box.x) / box.size;
      const y = (py + (j + 0.5) / SAMPLES - box.y) / box.size;
      if (inSymbol(x, y)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

function draw(size: number, box: { x: number; y: number; size: number }, pixel: (c: number) => [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      png.data.set(pixel(coverage(px, py, box)), (py * size + px) * 4);
    }
  }
  return PNG.sync.write(png);
}

/** The 192×192 colour icon: a white symbol on the accent colour, inside the central 120×120. */
export function drawColourIcon(): Buffer {
  const mix = (from: number, c: number) => Math.round(from + (255 - from) * c);
  return draw(192, { x: 36, y: 36, size: 120 }, (c) => [mix(ACCENT.r, c), mix(ACCENT.g, c), mix(ACCENT.b, c), 255]);
}

/** The 32×32 outline icon: the white symbol on a transparent background. */
export function drawOutlineIcon(): Buffer {
  return draw(32, { x: 2, y: 2, size: 28 }, (c) => [255, 255, 255, Math.round(255 * c)]);
}
