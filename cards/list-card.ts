import { ragWords, type PlanAction } from '../bot/plan/types.js';
import { largestFitting } from './budget.js';
import { actionLabel } from './describe.js';
import { actionSet, adaptiveCard, button, heading, ragText, text, type CardResult, type Element } from './elements.js';
import { shorten } from './format.js';
import { VERBS } from './verbs.js';

export interface ListCardInput {
  /** e.g. "12 actions are AMBER" */
  heading: string;
  /** the whole result; the card shows one page of it */
  actions: PlanAction[];
  offset: number;
  /** default 10 */
  pageSize?: number;
  /** opaque, echoed in the Show more data with the next offset */
  moreToken: string;
  canUpdate: (action: PlanAction) => boolean;
}

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 25;
const HEADING_LIMIT = 300;
/** A list shows each action's title and RAG only; Show gives the rest (deadline, leads, outcome, notes, history). */
const TITLE_LIMIT = 120;

interface Item {
  element: Element;
  line: string;
}

function listItem(action: PlanAction, canUpdate: boolean): Item {
  const label = actionLabel({ ref: action.ref, label: action.label, title: shorten(action.title, TITLE_LIMIT) });
  const buttons = [button('Show', VERBS.showAction, { actionId: action.id })];
  if (canUpdate) buttons.push(button('Update', VERBS.openUpdate, { actionId: action.id }));
  const element: Element = {
    type: 'Container',
    separator: true,
    items: [text(label, { weight: 'Bolder' }), ragText(action.rag, { spacing: 'None' }), actionSet(buttons, { spacing: 'Small' })],
  };
  return { element, line: `${label} · RAG: ${ragWords(action.rag)}` };
}

function showingWords(start: number, count: number, total: number): string {
  return count === 1 ? `Showing ${start + 1} of ${total}` : `Showing ${start + 1}–${start + count} of ${total}`;
}

function buildPage(input: ListCardInput, start: number, count: number): CardResult {
  const total = input.actions.length;
  const items = input.actions.slice(start, start + count).map((action) => listItem(action, input.canUpdate(action)));
  const title = shorten(input.heading, HEADING_LIMIT);
  const body: Element[] = [heading(title)];
  const lines = [title];
  if (total === 0 || count === 0) {
    const none = total === 0 ? 'There are no actions to show.' : 'There are no more actions to show.';
    body.push(text(none));
    lines.push(none);
  } else {
    const showing = showingWords(start, count, total);
    body.push(text(showing, { isSubtle: true, spacing: 'None' }), ...items.map((item) => item.element));
    lines.push(showing, ...items.map((item) => item.line));
  }
  const next = start + count;
  const actions: Element[] = [];
  if (count > 0 && next < total) {
    actions.push(button('Show more', VERBS.showMore, { token: input.moreToken, offset: next }));
    lines.push(`${total - next} more: use Show more to see them.`);
  }
  return { card: adaptiveCard(body, actions), text: lines.join('\n') };
}

/** A page of actions, compact (each action's title and RAG, with Show and, where the person may, Update), and Show more when more remain. */
export function buildListCard(input: ListCardInput): CardResult {
  const total = input.actions.length;
  const pageSize = Math.min(Math.max(1, Math.floor(input.pageSize ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
  const start = Math.min(Math.max(0, Math.floor(input.offset) || 0), total);
  const onPage = Math.min(pageSize, total - start);
  return largestFitting(onPage, Math.min(1, onPage), (count) => buildPage(input, start, count));
}
