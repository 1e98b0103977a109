import { isOverdue } from './query.js';
import { RAGS, type PlanView, type Rag } from './types.js';

/** Counts for the plan as a whole and for each theme. */
export interface PlanSummary {
  total: number;
  byRag: Record<Rag, number>;
  byTheme: { theme: string; total: number; byRag: Record<Rag, number> }[];
  overdue: number;
}

function zeroes(): Record<Rag, number> {
  return { RED: 0, AMBER: 0, GREEN: 0, COMPLETE: 0, UNRATED: 0 };
}

/** Counts the plan's actions by RAG, by theme (in plan order) and how many are overdue on the given day. */
export function summarisePlan(plan: PlanView, today: string): PlanSummary {
  const summary: PlanSummary = { total: 0, byRag: zeroes(), byTheme: [], overdue: 0 };
  const themes = [...plan.themes, ...plan.actions.map((a) => a.theme).filter((t) => !plan.themes.includes(t))];
  const byTheme = new Map(themes.map((theme) => [theme, { theme, total: 0, byRag: zeroes() }]));
  summary.byTheme.push(...byTheme.values());
  for (const action of plan.actions) {
    summary.total += 1;
    summary.byRag[action.rag] += 1;
    const theme = byTheme.get(action.theme);
    if (theme) {
      theme.total += 1;
      theme.byRag[action.rag] += 1;
    }
    if (isOverdue(action, today)) summary.overdue += 1;
  }
  return summary;
}

function actions(n: number): string {
  return `${n} ${n === 1 ? 'action' : 'actions'}`;
}

/** "2 RED, 12 AMBER and 8 GREEN": the non-zero counts, RAG in words. */
function ragCounts(byRag: Record<Rag, number>, last: string): string {
  const parts = RAGS.filter((rag) => byRag[rag] > 0).map((rag) => `${byRag[rag]} ${rag === 'UNRATED' ? 'not yet rated' : rag}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')}${last}${parts[parts.length - 1]}`;
}

/** The summary as plain text: totals with RAG in words, overdue count, then one line per theme. */
export function summaryText(summary: PlanSummary): string {
  if (summary.total === 0) return 'The plan has no actions yet.';
  const overdue =
    summary.overdue === 0 ? 'No actions are overdue.' : `${actions(summary.overdue)} ${summary.overdue === 1 ? 'is' : 'are'} overdue.`;
  const themes = summary.byTheme.filter((t) => t.total > 0).map((t) => `${t.theme}: ${actions(t.total)} (${ragCounts(t.byRag, ', ')})`);
  return [`The plan has ${actions(summary.total)}: ${ragCounts(summary.byRag, ' and ')}.`, overdue, ...themes].join('\n');
}
