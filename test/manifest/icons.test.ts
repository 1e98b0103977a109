import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { drawColourIcon, drawOutlineIcon } from '../../manifest/icons.js';

const read = (name: string) => PNG.sync.read(readFileSync(new URL(`../../manifest/${name}`, import.meta.url)));

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const out = [];
  for (let i = 0; i < png.data.length; i += 4)
    out.push({ r: png.data.readUInt8(i), g: png.data.readUInt8(i + 1), b: png.data.readUInt8(i + 2), a: png.data.readUInt8(i + 3) });
  return out;
}

describe('the committed icons', () => {
  it('color.png is 192×192, opaque and in colour', () => {
    const png = read('color.png');
    expect([png.width, png.height]).toEqual([192, 192]);
    const all = pixels(png);
    expect(all.every((p) => p.a === 255)).toBe(true);
    expect(all.some((p) => p.r !== p.g || p.g !== p.b)).toBe(true);
  });

  it('outline.png is 32×32, white on a transparent background', () => {
    const png = read('outline.png');
    expect([png.width, png.height]).toEqual([32, 32]);
    const all = pixels(png);
    expect(all.filter((p) => p.a > 0).every((p) => p.r === 255 && p.g === 255 && p.b === 255)).toBe(true);
    expect(all.filter((p) => p.a === 0).length).toBeGreaterThan(all.length / 3);
    expect(all.filter((p) => p.a === 255).length).toBeGreaterThan(50);
    expect([0, 31, 32 * 31, 32 * 32 - 1].map((i) => all[i]?.a)).toEqual([0, 0, 0, 0]);
  });

  it('match what manifest/make-icons.ts draws (regenerate them if this fails)', () => {
    expect(PNG.sync.read(drawColourIcon()).data.equals(read('color.png').data)).toBe(true);
    expect(PNG.sync.read(drawOutlineIcon()).data.equals(read('outline.png').data)).toBe(true);
  });
});
