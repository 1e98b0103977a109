// Small DOM helpers shared by the tab's modules (no framework, no build step).

/** @typedef {import('../browser-types.js').Rag} Rag */
/** @typedef {string | number | boolean | null | undefined} AttrValue */
/** @typedef {Record<string, AttrValue>} Attrs */
/** @typedef {string | number | Node | null | undefined | false} Child */
/** @typedef {Child | Children[]} Children */

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Creates an HTML element with attributes and children (strings become text).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...Children} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/**
 * Creates an SVG element with attributes and children.
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...Children} children
 * @returns {SVGElementTagNameMap[K]}
 */
export function svg(tag, attrs = {}, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/**
 * @template {Element} E
 * @param {E} node
 * @param {Attrs} attrs
 * @param {Children[]} children
 * @returns {E}
 */
function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
  }
  for (const child of /** @type {Child[]} */ (/** @type {unknown[]} */ (children).flat(Infinity))) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
    }
  }
  return node;
}

/**
 * The element with this id, checked to be of the expected kind; throws if the page has none.
 * @template {Element} T
 * @param {string} id
 * @param {{ new (): T, prototype: T }} kind
 * @returns {T}
 */
export function byId(id, kind) {
  const node = document.getElementById(id);
  if (!(node instanceof kind)) throw new Error(`The page has no ${kind.name} with id "${id}".`);
  return node;
}

/**
 * The form control with this name, checked to be of the expected kind; throws if the form has none.
 * @template {Element} T
 * @param {HTMLFormElement} form
 * @param {string} name
 * @param {{ new (): T, prototype: T }} kind
 * @returns {T}
 */
export function field(form, name, kind) {
  const node = form.elements.namedItem(name);
  if (!(node instanceof kind)) throw new Error(`The form has no ${kind.name} named "${name}".`);
  return node;
}

/**
 * RAG ratings in the order the board shows them.
 * @type {readonly Rag[]}
 */
export const RAG_ORDER = ['RED', 'AMBER', 'GREEN', 'COMPLETE', 'UNRATED'];

/**
 * How a rating is written for people: always in words.
 * @param {Rag} rag
 */
export function ragWords(rag) {
  return rag === 'UNRATED' ? 'Not yet rated' : rag;
}

/**
 * A UK date, e.g. 31 March 2025, from YYYY-MM-DD.
 * @param {string} day
 */
export function formatDay(day) {
  const [y = Number.NaN, m = Number.NaN, d = Number.NaN] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * A UK date and time in Europe/London, e.g. 3 March 2025 at 14:05.
 * @param {string} iso
 */
export function formatInstant(iso) {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  const date = when.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  const time = when.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
  return `${date} at ${time}`;
}
