import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrast } from '../cards/teams-themes.js';

// The plan board tab's own colours (bot/tab/public/board.css), per Teams theme, against WCAG 2.1 AA: text 4.5:1 on
// whatever it sits on (1.4.3), and the chart's lines, borders that carry meaning and the focus ring 3:1 (1.4.11).
// The high-contrast theme uses the system's forced colours (Canvas, CanvasText...), which the user's own settings
// decide, so it is not computed here.

const css = readFileSync(new URL('../../bot/tab/public/board.css', import.meta.url), 'utf8');

/** The custom properties each theme block sets. */
function themes(): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const block of css.matchAll(/:root\[data-theme="(\w+)"\]\s*\{([^}]*)\}/g)) {
    const vars: Record<string, string> = {};
    for (const [, name, value] of (block[2] ?? '').matchAll(/--([\w-]+):\s*([^;]+);/g)) vars[name as string] = (value as string).trim();
    out[block[1] as string] = vars;
  }
  return out;
}

const RAGS = ['red', 'amber', 'green', 'complete', 'unrated'];
const TEXT = 4.5;
const NON_TEXT = 3;

/** [what, foreground, background, minimum] for every pairing the stylesheet makes. */
function pairs(v: Record<string, string>): [string, string, string, number][] {
  const get = (name: string) => {
    const value = v[name];
    if (!value) throw new Error(`--${name} is not set`);
    return value;
  };
  return [
    ['text on the page', get('fg'), get('bg'), TEXT],
    ['text on a panel', get('fg'), get('surface'), TEXT],
    ['quiet text (dates, counts, legend) on the page', get('muted'), get('bg'), TEXT],
    ['quiet text on a panel', get('muted'), get('surface'), TEXT],
    ['links on the page', get('accent'), get('bg'), TEXT],
    ['links on a panel', get('accent'), get('surface'), TEXT],
    ['focus ring on a panel', get('focus'), get('surface'), NON_TEXT],
    ['focus ring on the page', get('focus'), get('bg'), NON_TEXT],
    ...RAGS.map((r): [string, string, string, number] => [`${r} badge text on its badge`, get(`${r}-fg`), get(`${r}-bg`), TEXT]),
    ...RAGS.map((r): [string, string, string, number] => [`${r} chart line on a panel`, get(`${r}-line`), get('surface'), NON_TEXT]),
    ['error box border on a panel', get('red-line'), get('surface'), NON_TEXT],
  ];
}

describe('the plan board tab meets WCAG AA contrast in Teams light and dark', () => {
  const all = themes();
  it('has the light, dark and high-contrast themes', () => {
    expect(Object.keys(all).sort()).toEqual(['contrast', 'dark', 'default']);
  });
  for (const theme of ['default', 'dark']) {
    it(`${theme === 'default' ? 'light' : theme}: every text 4.5:1, every line and ring 3:1`, () => {
      const failing = pairs(all[theme] ?? {})
        .map(([what, fg, bg, min]) => ({ what, ratio: Number(contrast(fg, bg).toFixed(2)), min }))
        .filter((p) => p.ratio < p.min);
      expect(failing).toEqual([]);
    });
  }
  it('high contrast uses only the system colours, so the user’s own theme decides', () => {
    const values = Object.values(all.contrast ?? {});
    expect(values.length).toBeGreaterThan(10);
    for (const value of values)
      expect(value).toMatch(/^(?:Canvas|CanvasText|LinkText|Highlight|HighlightText|ButtonText|ButtonFace|GrayText|dark light)$/);
  });
});
