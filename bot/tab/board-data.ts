import { dateIn } from '../plan/dates.js';
import { RAGS, type PlanView, type Rag } from '../plan/types.js';

/** One action as the board shows it. */
export interface BoardAction {
  ref: number;
  theme: string;
  title: string;
  deadlineText: string;
  dueDate: string | null;
  leads: string[];
  /** the named owner's name, or null */
  owner: string | null;
  rag: Rag;
  latestNote: string;
  lastUpdate: { by: string; at: string } | null;
}

/** Everything the plan board page needs, as served by GET /api/plan. */
export interface BoardData {
  partnership: string;
  planTitle: string;
  period: string;
  themes: string[];
  leads: string[];
  actions: BoardAction[];
  counts: Record<Rag, number>;
  timeline: { date: string; counts: Record<Rag, number> }[];
}

/** A change of RAG rating, as the board needs it. */
export interface RagChange {
  at: string;
  actionRef: number;
  ragFrom: Rag;
  ragTo: Rag;
}

/** Zero counts for every rating. */
export function emptyCounts(): Record<Rag, number> {
  return Object.fromEntries(RAGS.map((r) => [r, 0])) as Record<Rag, number>;
}

function countRatings(ratings: Iterable<Rag>): Record<Rag, number> {
  const counts = emptyCounts();
  for (const rag of ratings) counts[rag] += 1;
  return counts;
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(instant: string, timeZone: string): string {
  return dateIn(new Date(instant), timeZone);
}

/**
 * RAG counts at the end of each day on which a rating changed, plus today,
 * worked out backwards from the current ratings by undoing the history.
 */
export function buildTimeline(plan: PlanView, history: RagChange[], today: string): BoardData['timeline'] {
  const state = new Map(plan.actions.map((a) => [a.ref, a.rag]));
  const byDay = new Map<string, RagChange[]>();
  for (const change of history) {
    if (!state.has(change.actionRef)) continue;
    const day = dayIn(change.at, plan.timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), change]);
  }
  const days = [...new Set([...byDay.keys(), today])].sort().reverse();
  const points: BoardData['timeline'] = [];
  for (const day of days) {
    points.push({ date: day, counts: countRatings(state.values()) });
    const changes = [...(byDay.get(day) ?? [])].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    for (const change of changes) state.set(change.actionRef, change.ragFrom);
  }
  return points.reverse();
}

/** Turns a plan and its RAG history into the board's data; pure, with today passed in. */
export function buildBoardData(plan: PlanView, history: RagChange[], today: string): BoardData {
  const leads = [...new Set(plan.actions.flatMap((a) => a.leads))].sort((a, b) => a.localeCompare(b, 'en-GB'));
  const themes = [...plan.themes];
  for (const a of plan.actions) if (!themes.includes(a.theme)) themes.push(a.theme);
  return {
    partnership: plan.partnership,
    planTitle: plan.title,
    period: plan.period,
    themes,
    leads,
    actions: plan.actions.map((a) => ({
      ref: a.ref,
      theme: a.theme,
      title: a.title,
      deadlineText: a.deadlineText,
      dueDate: a.dueDate,
      leads: [...a.leads],
      owner: a.owner?.name ?? null,
      rag: a.rag,
      latestNote: a.lastUpdate?.note?.trim() || a.notes.trim(),
      lastUpdate: a.lastUpdate ? { by: a.lastUpdate.by, at: a.lastUpdate.at } : null,
    })),
    counts: countRatings(plan.actions.map((a) => a.rag)),
    timeline: buildTimeline(plan, history, today),
  };
}
