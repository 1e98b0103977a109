// Small DOM helpers shared by the tab's modules (no framework, no build step).

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an HTML element with attributes and children (strings become text). */
export function el(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** Creates an SVG element with attributes and children. */
export function svg(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
    }
  }
  return node;
}

/** RAG ratings in the order the board shows them. */
export const RAG_ORDER = ['RED', 'AMBER', 'GREEN', 'COMPLETE', 'UNRATED'];

/** How a rating is written for people: always in words. */
export function ragWords(rag) {
  return rag === 'UNRATED' ? 'Not yet rated' : rag;
}

/** A UK date, e.g. 31 March 2025, from YYYY-MM-DD. */
export function formatDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A UK date and time in Europe/London, e.g. 3 March 2025 at 14:05. */
export function formatInstant(iso) {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const date = when.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  const time = when.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
  return `${date} at ${time}`;
}
