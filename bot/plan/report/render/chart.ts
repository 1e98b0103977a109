import { PNG } from 'pngjs';
import type { Rag } from '../../types.js';
import type { RagPoint } from '../types.js';

/** Colours of the stacked bars, bottom to top; the caption and table say the same in words. */
export const CHART_LAYERS: { rag: Rag; rgb: [number, number, number] }[] = [
  { rag: 'COMPLETE', rgb: [46, 84, 150] },
  { rag: 'GREEN', rgb: [0, 128, 60] },
  { rag: 'AMBER', rgb: [230, 150, 0] },
  { rag: 'RED', rgb: [200, 30, 30] },
  { rag: 'UNRATED', rgb: [150, 150, 150] },
];

export const CHART_SIZE = { width: 600, height: 240 };
const MARGIN = 12;

function fill(png: PNG, x0: number, y0: number, x1: number, y1: number, [r, g, b]: [number, number, number]): void {
  for (let y = Math.max(0, y0); y < Math.min(png.height, y1); y++)
    for (let x = Math.max(0, x0); x < Math.min(png.width, x1); x++) {
      const i = (png.width * y + x) << 2;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
}

/** A stacked bar chart of RAG counts at each sampled day of the period, as a PNG. */
export function ragChartPng(series: readonly RagPoint[]): Buffer {
  const { width, height } = CHART_SIZE;
  const png = new PNG({ width, height });
  fill(png, 0, 0, width, height, [255, 255, 255]);
  const total = Math.max(1, ...series.map((p) => Object.values(p.counts).reduce((n, c) => n + c, 0)));
  const plotHeight = height - 2 * MARGIN;
  const slot = (width - 2 * MARGIN) / Math.max(1, series.length);
  const barWidth = Math.max(4, Math.floor(slot * 0.7));
  series.forEach((point, i) => {
    const x = Math.round(MARGIN + i * slot + (slot - barWidth) / 2);
    let y = height - MARGIN;
    for (const layer of CHART_LAYERS) {
      const h = Math.round((point.counts[layer.rag] / total) * plotHeight);
      fill(png, x, y - h, x + barWidth, y, layer.rgb);
      y -= h;
    }
  });
  fill(png, MARGIN - 2, height - MARGIN, width - MARGIN + 2, height - MARGIN + 1, [60, 60, 60]);
  return PNG.sync.write(png);
}

/** What the chart shows, in words (its caption and alternative text). */
export function chartCaption(series: readonly RagPoint[]): string {
  const first = series[0];
  const last = series[series.length - 1];
  if (!first || !last) return 'RAG ratings over the period: no data.';
  const words = (p: RagPoint) =>
    CHART_LAYERS.filter((l) => l.rag !== 'UNRATED' || p.counts.UNRATED > 0)
      .map((l) => `${p.counts[l.rag]} ${l.rag === 'UNRATED' ? 'not yet rated' : l.rag}`)
      .join(', ');
  return `RAG ratings each week of the period, stacked from the bottom: COMPLETE (blue), GREEN, AMBER, RED. At the start: ${words(first)}; at the end: ${words(last)}.`;
}
