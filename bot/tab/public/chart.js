// The chart of RAG counts over time: inline SVG, a text legend and a table of the same figures.

import { el, formatDay, RAG_ORDER, ragWords, svg } from './dom.js';

/** @typedef {import('../browser-types.js').Rag} Rag */
/** @typedef {import('../browser-types.js').BoardData['timeline']} Timeline */
/** @typedef {Timeline[number]} TimelinePoint */
/** @typedef {'circle' | 'square' | 'triangle' | 'diamond'} MarkerKind */

const W = 640;
const H = 260;
const M = { top: 16, right: 120, bottom: 36, left: 40 };
/**
 * Each rating has its own line pattern and marker, so colour is never the only cue.
 * @type {Record<Rag, { dash: string, marker: MarkerKind, pattern: string }>}
 */
const STYLE = {
  RED: { dash: '', marker: 'circle', pattern: 'solid line, circles' },
  AMBER: { dash: '8 4', marker: 'square', pattern: 'dashed line, squares' },
  GREEN: { dash: '2 3', marker: 'triangle', pattern: 'dotted line, triangles' },
  COMPLETE: { dash: '12 3 2 3', marker: 'diamond', pattern: 'dash-dot line, diamonds' },
  UNRATED: { dash: '1 5', marker: 'circle', pattern: 'sparse dotted line, circles' },
};

/**
 * @param {MarkerKind} kind
 * @param {number} x
 * @param {number} y
 */
function marker(kind, x, y) {
  const r = 4;
  if (kind === 'square') return svg('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r });
  if (kind === 'triangle') return svg('polygon', { points: `${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}` });
  if (kind === 'diamond') return svg('polygon', { points: `${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}` });
  return svg('circle', { cx: x, cy: y, r });
}

/** @param {string} day */
function shortDay(day) {
  return formatDay(day).replace(/ (\w{3})\w* /, ' $1 ');
}

/**
 * @param {TimelinePoint} first
 * @param {TimelinePoint} last
 * @param {Timeline} timeline every point, first to last
 * @param {Rag[]} ratings
 */
function drawSvg(first, last, timeline, ratings) {
  /** @param {TimelinePoint} p */
  const time = (p) => Date.parse(`${p.date}T00:00:00Z`);
  const [t0, t1] = [time(first), time(last)];
  const max = Math.max(1, ...timeline.flatMap((p) => ratings.map((r) => p.counts[r])));
  /** @param {number} t */
  const x = (t) => (t1 === t0 ? M.left + (W - M.left - M.right) / 2 : M.left + ((t - t0) / (t1 - t0)) * (W - M.left - M.right));
  /** @param {number} v */
  const y = (v) => H - M.bottom - (v / max) * (H - M.top - M.bottom);
  const grid = [0, Math.round(max / 2), max].filter((v, i, all) => all.indexOf(v) === i);
  const labels = ratings.map((r) => ({ r, y: y(last.counts[r]) })).sort((a, b) => a.y - b.y);
  let above = Number.NEGATIVE_INFINITY;
  for (const l of labels) {
    if (l.y - above < 14) l.y = above + 14;
    above = l.y;
  }
  return svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart-svg', role: 'img', 'aria-labelledby': 'chart-title chart-desc', 'data-testid': 'chart-svg' },
    svg('title', { id: 'chart-title' }, 'RAG ratings over time'),
    svg(
      'desc',
      { id: 'chart-desc' },
      `From ${formatDay(first.date)} to ${formatDay(last.date)}. Now: ${ratings.map((r) => `${ragWords(r)} ${last.counts[r]}`).join(', ')}. The table below has every figure.`,
    ),
    grid.map((v) => [
      svg('line', { class: 'grid', x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }),
      svg('text', { class: 'axis-label', x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, v),
    ]),
    svg('text', { class: 'axis-label', x: x(t0), y: H - 12, 'text-anchor': t1 === t0 ? 'middle' : 'start' }, shortDay(first.date)),
    t1 === t0 ? null : svg('text', { class: 'axis-label', x: x(t1), y: H - 12, 'text-anchor': 'end' }, shortDay(last.date)),
    ratings.map((r) =>
      svg(
        'g',
        { class: `series rag-${r.toLowerCase()}`, 'data-rag': r },
        svg('polyline', {
          points: timeline.map((p) => `${x(time(p))},${y(p.counts[r])}`).join(' '),
          'stroke-dasharray': STYLE[r].dash || null,
        }),
        timeline.map((p) => marker(STYLE[r].marker, x(time(p)), y(p.counts[r]))),
      ),
    ),
    labels.map((l) =>
      svg('text', { class: `end-label rag-${l.r.toLowerCase()}`, x: W - M.right + 10, y: l.y + 4 }, `${ragWords(l.r)} ${last.counts[l.r]}`),
    ),
  );
}

/** @param {Rag[]} ratings */
function legend(ratings) {
  return el(
    'ul',
    { class: 'legend', 'data-testid': 'chart-legend' },
    ratings.map((r) =>
      el(
        'li',
        { class: `rag-${r.toLowerCase()}` },
        svg(
          'svg',
          { viewBox: '0 0 36 12', width: 36, height: 12, 'aria-hidden': 'true', class: 'legend-sample' },
          svg(
            'g',
            { class: `series rag-${r.toLowerCase()}` },
            svg('line', { x1: 1, x2: 35, y1: 6, y2: 6, 'stroke-dasharray': STYLE[r].dash || null }),
            marker(STYLE[r].marker, 18, 6),
          ),
        ),
        ` ${ragWords(r)}: ${STYLE[r].pattern}`,
      ),
    ),
  );
}

/**
 * @param {Timeline} timeline
 * @param {Rag[]} ratings
 */
function table(timeline, ratings) {
  return el(
    'details',
    { class: 'chart-table' },
    el('summary', {}, 'Show these figures as a table'),
    el(
      'table',
      { 'data-testid': 'chart-table' },
      el('caption', {}, 'Number of actions at each RAG rating, at the end of each day on which a rating changed'),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, 'Date'),
          ratings.map((r) => el('th', { scope: 'col' }, ragWords(r))),
        ),
      ),
      el(
        'tbody',
        {},
        timeline.map((p) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, formatDay(p.date)),
            ratings.map((r) => el('td', {}, p.counts[r])),
          ),
        ),
      ),
    ),
  );
}

/**
 * Draws the timeline into the container: chart, legend and table.
 * @param {HTMLElement} container
 * @param {Timeline} timeline
 */
export function renderChart(container, timeline) {
  const first = timeline[0];
  const last = timeline[timeline.length - 1];
  if (!first || !last) {
    container.replaceChildren(el('p', {}, 'No ratings have been recorded yet.'));
    return;
  }
  const ratings = RAG_ORDER.filter((r) => r !== 'UNRATED' || timeline.some((p) => p.counts.UNRATED > 0));
  container.replaceChildren(drawSvg(first, last, timeline, ratings), legend(ratings), table(timeline, ratings));
}
