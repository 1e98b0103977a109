import { RAGS, ragWords, type Rag } from '../bot/plan/types.js';
import { largestFitting } from './budget.js';
import { adaptiveCard, factSet, heading, text, type CardResult, type Element, flagged } from './elements.js';
import { plural, shorten } from './format.js';

export interface ThemeCounts {
  theme: string;
  total: number;
  byRag: Record<Rag, number>;
}

export interface SummaryCardInput {
  planTitle: string;
  total: number;
  byRag: Record<Rag, number>;
  byTheme: ThemeCounts[];
  overdue: number;
}

/** "2 RED, 5 AMBER, 4 GREEN" (ratings with no actions left out; "none" when all are zero). */
export function ragCountWords(byRag: Record<Rag, number>): string {
  const parts = RAGS.filter((rag) => (byRag[rag] ?? 0) > 0).map((rag) => `${byRag[rag]} ${ragWords(rag)}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

function ragFacts(byRag: Record<Rag, number>): [string, string][] {
  return RAGS.filter((rag) => rag !== 'UNRATED' || (byRag[rag] ?? 0) > 0).map((rag) => [ragWords(rag), plural(byRag[rag] ?? 0, 'action')]);
}

function build(input: SummaryCardInput, themeCount: number): CardResult {
  const title = shorten(input.planTitle, 300);
  const totalLine = `${plural(input.total, 'action')} in total`;
  const overdueLine = input.overdue === 1 ? '1 action is overdue' : `${input.overdue} actions are overdue`;
  const byRag = ragFacts(input.byRag);
  const themes: [string, string][] = input.byTheme
    .slice(0, themeCount)
    .map((t) => [shorten(t.theme, 200), `${plural(t.total, 'action')}: ${ragCountWords(t.byRag)}`]);
  const hidden = input.byTheme.length - themes.length;
  const hiddenLine = hidden > 0 ? `${plural(hidden, 'more theme')} not shown.` : '';

  const body: Element[] = [heading(title), text(totalLine), text('By RAG rating', { weight: 'Bolder' }), factSet(byRag)];
  body.push(flagged(overdueLine, input.overdue > 0 ? 'attention' : 'default'));
  if (themes.length > 0) body.push(text('By theme', { weight: 'Bolder' }), factSet(themes));
  if (hiddenLine) body.push(text(hiddenLine, { isSubtle: true }));

  const lines = [title, totalLine, 'By RAG rating:', ...byRag.map(([r, n]) => `${r}: ${n}`), overdueLine];
  if (themes.length > 0) lines.push('By theme:', ...themes.map(([t, n]) => `${t}: ${n}`));
  if (hiddenLine) lines.push(hiddenLine);
  return { card: adaptiveCard(body), text: lines.join('\n') };
}

/** Counts for a plan: by RAG rating (in words), overdue, and by theme. */
export function buildSummaryCard(input: SummaryCardInput): CardResult {
  return largestFitting(input.byTheme.length, 0, (count) => build(input, count));
}
