import type { Rag } from '../plan/types.js';

/** The RAG a fill colour stands for (ARGB or RGB hex), by hue: red, amber, green, or blue for complete (BRAG); null for others. */
export function ragOfColour(hex: string | null): Rag | null {
  const rgb = hex?.match(/^(?:[0-9a-f]{2})?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  if (!rgb) return null;
  const [r = 0, g = 0, b = 0] = rgb.slice(1).map((part) => parseInt(part, 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.25 || max < 0.3) return null;
  const delta = max - min;
  let hue = max === r ? ((g - b) / delta) % 6 : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4;
  hue = (hue * 60 + 360) % 360;
  if (hue < 15 || hue >= 330) return 'RED';
  if (hue < 65) return 'AMBER';
  if (hue < 170) return 'GREEN';
  if (hue >= 180 && hue < 260) return 'COMPLETE';
  return null;
}
