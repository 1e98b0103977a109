// Renders the board's counts, filter options and action list from the /api/plan data.

import { el, field, formatDay, formatInstant, RAG_ORDER, ragWords } from './dom.js';

/** @typedef {import('../browser-types.js').BoardAction} BoardAction */
/** @typedef {import('../browser-types.js').BoardData} BoardData */
/** @typedef {import('../browser-types.js').Rag} Rag */
/** @typedef {BoardData['counts']} Counts */
/** @typedef {{ theme: string, lead: string, rag: string }} Filters */

/**
 * Ratings worth showing: the four settable ones, plus "not yet rated" when any action is.
 * @param {Counts} counts
 */
export function shownRatings(counts) {
  return RAG_ORDER.filter((rag) => rag !== 'UNRATED' || counts.UNRATED > 0);
}

/**
 * The RAG badge: the rating in words, styled per rating (never colour alone).
 * @param {Rag} rag
 */
export function ragBadge(rag) {
  return el('span', { class: `badge rag-${rag.toLowerCase()}`, 'data-testid': 'rag-badge', 'data-rag': rag }, ragWords(rag));
}

/**
 * The counts by rating, e.g. "AMBER 12".
 * @param {HTMLElement} list
 * @param {Counts} counts
 */
export function renderCounts(list, counts) {
  list.replaceChildren(
    ...shownRatings(counts).map((rag) =>
      el(
        'li',
        { class: `count rag-${rag.toLowerCase()}`, 'data-testid': `count-${rag}` },
        el('span', { class: 'count-word' }, ragWords(rag)),
        ' ',
        el('span', { class: 'count-number' }, counts[rag]),
      ),
    ),
  );
}

/**
 * Fills the filter selects, keeping the first "All …" option.
 * @param {HTMLFormElement} form
 * @param {BoardData} data
 */
export function renderFilterOptions(form, data) {
  /**
   * @param {string} name
   * @param {[value: string, text: string][]} options
   */
  const fill = (name, options) => {
    const select = field(form, name, HTMLSelectElement);
    const all = select.options[0];
    select.replaceChildren(...(all ? [all] : []), ...options.map(([value, text]) => el('option', { value }, text)));
  };
  fill(
    'theme',
    data.themes.map((t) => [t, t]),
  );
  fill(
    'lead',
    data.leads.map((l) => [l, l]),
  );
  fill(
    'rag',
    shownRatings(data.counts).map((r) => [r, `${ragWords(r)} (${data.counts[r]})`]),
  );
}

/**
 * The actions matching the filters { theme, lead, rag } (empty string means any).
 * @param {BoardAction[]} actions
 * @param {Filters} filters
 */
export function filterActions(actions, filters) {
  return actions.filter(
    (a) =>
      (!filters.theme || a.theme === filters.theme) &&
      (!filters.lead || a.leads.includes(filters.lead)) &&
      (!filters.rag || a.rag === filters.rag),
  );
}

/**
 * @param {string} term
 * @param {string} value
 * @param {string} testId
 */
function detail(term, value, testId) {
  return [el('dt', {}, term), el('dd', { 'data-testid': testId }, value)];
}

/** @param {BoardAction} action */
function renderAction(action) {
  const deadline = action.dueDate ? `${action.deadlineText} (due ${formatDay(action.dueDate)})` : action.deadlineText;
  const update = action.lastUpdate ? `${action.lastUpdate.by}, ${formatInstant(action.lastUpdate.at)}` : 'No updates yet';
  return el(
    'li',
    { class: 'action', 'data-testid': 'action', 'data-ref': action.ref, 'data-rag': action.rag },
    el(
      'article',
      { 'aria-labelledby': `action-${action.ref}-title` },
      el(
        'header',
        { class: 'action-header' },
        el(
          'h3',
          { id: `action-${action.ref}-title`, class: 'action-title' },
          el('span', { class: 'ref' }, `Action ${action.ref}`),
          ' ',
          el('span', { 'data-testid': 'action-title' }, action.title),
        ),
        ragBadge(action.rag),
      ),
      el(
        'dl',
        { class: 'details' },
        detail('Theme', action.theme, 'action-theme'),
        detail('Deadline', deadline || 'Not set', 'action-deadline'),
        detail('Leads', action.leads.join(', ') || 'No lead yet', 'action-leads'),
        ...(action.owner ? [detail('Owner', action.owner, 'action-owner')] : []),
        detail('Latest note', action.latestNote || 'No notes yet', 'action-note'),
        detail('Last update', update, 'action-last-update'),
      ),
    ),
  );
}

/**
 * Replaces the action list with the given actions.
 * @param {HTMLElement} list
 * @param {BoardAction[]} actions
 */
export function renderActions(list, actions) {
  list.replaceChildren(...actions.map(renderAction));
}
