import type { PlanAction, Rag } from '../types.js';
import type { ReportHistoryEntry } from './types.js';

/** Better ratings rank higher: RED < AMBER < GREEN < COMPLETE; UNRATED has no rank. */
const RANK: Record<Rag, number | null> = { UNRATED: null, RED: 0, AMBER: 1, GREEN: 2, COMPLETE: 3 };

/** Whether a history entry is a real change someone made (a plan's first import is where it came from, not a change). */
export function isChange(entry: ReportHistoryEntry): boolean {
  return !(entry.source === 'import' && entry.ragFrom === 'UNRATED');
}

/** The history of each action, oldest first. */
export function historyByAction(history: readonly ReportHistoryEntry[]): Map<number, ReportHistoryEntry[]> {
  const byAction = new Map<number, ReportHistoryEntry[]>();
  for (const entry of [...history].sort((a, b) => a.at.localeCompare(b.at))) {
    const list = byAction.get(entry.actionId) ?? [];
    list.push(entry);
    byAction.set(entry.actionId, list);
  }
  return byAction;
}

/** An action's RAG at an instant: the rating before the first change after it, else its rating now. */
export function ragAt(action: PlanAction, entries: readonly ReportHistoryEntry[], instant: number): Rag {
  const later = entries.find((e) => Date.parse(e.at) > instant);
  return later ? later.ragFrom : action.rag;
}

/** An action's RAG at the start of a period, or, for an action first imported later, the rating it was imported with. */
export function baselineAt(action: PlanAction, entries: readonly ReportHistoryEntry[], instant: number): Rag {
  const rag = ragAt(action, entries, instant);
  if (rag !== 'UNRATED') return rag;
  const imported = entries.find((e) => Date.parse(e.at) > instant && !isChange(e));
  return imported ? imported.ragTo : rag;
}

/** An action's recorded progress at an instant (null when none was recorded by then). */
export function progressAt(action: PlanAction, entries: readonly ReportHistoryEntry[], instant: number): number | null {
  const before = entries.filter((e) => Date.parse(e.at) <= instant && e.progress !== null);
  const last = before.at(-1);
  if (last) return last.progress;
  return entries.some((e) => Date.parse(e.at) > instant && e.progress !== null) ? null : action.progress;
}

/** Whether a move from one rating to another is better (1), worse (-1) or neither (0). */
export function compareRags(from: Rag, to: Rag): -1 | 0 | 1 {
  const a = RANK[from];
  const b = RANK[to];
  if (a === null || b === null || a === b) return 0;
  return b > a ? 1 : -1;
}

/** The changes that fall inside a period (start inclusive, end inclusive). */
export function entriesIn(entries: readonly ReportHistoryEntry[], start: number, end: number): ReportHistoryEntry[] {
  return entries.filter((e) => {
    const t = Date.parse(e.at);
    return t >= start && t <= end && isChange(e);
  });
}
