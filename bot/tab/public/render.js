// Renders the board's counts, filter options and action list from the /api/plan data.

import { el, formatDay, formatInstant, RAG_ORDER, ragWords } from './dom.js';

/** Ratings worth showing: the four settable ones, plus "not yet rated" when any action is. */
export function shownRatings(counts) {
  return RAG_ORDER.filter((rag) => rag !== 'UNRATED' || counts.UNRATED > 0);
}

/** The RAG badge: the rating in words, styled per rating (never colour alone). */
export function ragBadge(rag) {
  return el('span', { class: `badge rag-${rag.toLowerCase()}`, 'data-testid': 'rag-badge', 'data-rag': rag }, ragWords(rag));
}

/** The counts by rating, e.g. "AMBER 12". */
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

/** Fills the filter selects, keeping the first "All …" option. */
export function renderFilterOptions(form, data) {
  const fill = (select, options) => {
    select.replaceChildren(select.options[0], ...options.map(([value, text]) => el('option', { value }, text)));
  };
  fill(
    form.elements.theme,
    data.themes.map((t) => [t, t]),
  );
  fill(
    form.elements.lead,
    data.leads.map((l) => [l, l]),
  );
  fill(
    form.elements.rag,
    shownRatings(data.counts).map((r) => [r, `${ragWords(r)} (${data.counts[r]})`]),
  );
}

/** The actions matching the filters { theme, lead, rag } (empty string means any). */
export function filterActions(actions, filters) {
  return actions.filter(
    (a) =>
      (!filters.theme || a.theme === filters.theme) &&
      (!filters.lead || a.leads.includes(filters.lead)) &&
      (!filters.rag || a.rag === filters.rag),
  );
}

function detail(term, value, testId) {
  return [el('dt', {}, term), el('dd', { 'data-testid': testId }, value)];
}

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
        detail('Latest note', action.latestNote || 'No notes yet', 'action-note'),
        detail('Last update', update, 'action-last-update'),
      ),
    ),
  );
}

/** Replaces the action list with the given actions. */
export function renderActions(list, actions) {
  list.replaceChildren(...actions.map(renderAction));
}
