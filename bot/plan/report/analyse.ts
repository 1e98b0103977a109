import { addDays, dateIn } from '../dates.js';
import { isOverdue } from '../query.js';
import { resolveLocal } from '../schedule/local-time.js';
import { RAGS, type PlanAction, type Rag } from '../types.js';
import { checkReportText } from './guard.js';
import { baselineAt, compareRags, entriesIn, historyByAction, progressAt, ragAt } from './history.js';
import type { Highlight, ListedAction, Movement, RagPoint, ReportHistoryEntry, ReportInput, TargetProgress, Withheld } from './types.js';

/** The period as instants: from local midnight of `since` to the drafting instant. */
export interface Window {
  start: number;
  end: number;
  today: string;
}

/** What the report finds in the plan and its history for a period (before any wording). */
export interface Findings {
  ragCounts: { rag: Rag; atStart: number; now: number }[];
  movements: Movement[];
  targets: TargetProgress[];
  highlights: { theme: string; items: Highlight[] }[];
  overdue: ListedAction[];
  slipped: ListedAction[];
  dueBeforeNext: ListedAction[];
  series: RagPoint[];
  withheld: Withheld[];
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** The thing a target counts ("sessions", "businesses"), read from the words after the number; "" when none is found. */
export function targetUnit(action: PlanAction, target: number): string {
  const number = `(?:${target}${NUMBER_WORDS[target] ? `|${NUMBER_WORDS[target]}` : ''})`;
  const match = new RegExp(`\\b${number}\\s+(?:[a-z-]+\\s+)?([a-z]+s)\\b`, 'i').exec(`${action.title} ${action.outcome} ${action.notes}`);
  return match?.[1]?.toLowerCase() ?? '';
}

/** Keeps a note the confidentiality check accepts; a refused one is recorded as withheld and replaced by ''. */
function guarded(ref: number, note: string, withheld: Withheld[]): string {
  if (!note.trim()) return '';
  const check = checkReportText(note);
  if (check.ok) return note.trim();
  if (!withheld.some((w) => w.ref === ref && w.reason === check.reason)) withheld.push({ ref, reason: check.reason });
  return '';
}

function listed(action: PlanAction, note: { text: string; withheld: boolean }): ListedAction {
  return {
    ref: action.ref,
    title: action.title,
    rag: action.rag,
    dueDate: action.dueDate,
    leads: action.leads,
    latestNote: note.text,
    ...(note.withheld ? { noteWithheld: true } : {}),
  };
}

function direction(from: Rag, to: Rag): Movement['direction'] | null {
  if (from === to) return null;
  if (to === 'COMPLETE') return 'completed';
  if (to === 'RED') return 'newly red';
  const cmp = compareRags(from, to);
  return cmp > 0 ? 'improved' : cmp < 0 ? 'worsened' : null;
}

/** Days the chart samples: the period's first day, every seventh day after it, and its last day. */
function sampleDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day < to; day = addDays(day, 7)) days.push(day);
  days.push(to);
  return days;
}

/** Reads the period: counts, movements, targets, highlights, overdue and slipped actions, what is due, the RAG series. */
export function analysePeriod(input: Pick<ReportInput, 'plan' | 'history'>, window: Window, nextMeeting: string): Findings {
  const { plan } = input;
  const byAction = historyByAction(input.history);
  const entriesOf = (a: PlanAction): ReportHistoryEntry[] => byAction.get(a.id) ?? [];
  const withheld: Withheld[] = [];
  const latestNote = (a: PlanAction): { text: string; withheld: boolean } => {
    const notes = entriesOf(a).filter((e) => Date.parse(e.at) <= window.end && e.note.trim());
    const raw = notes.at(-1)?.note ?? '';
    const text = guarded(a.ref, raw, withheld);
    return { text, withheld: raw.trim() !== '' && text === '' };
  };
  const movements: Movement[] = [];
  const slipped: ListedAction[] = [];
  const highlightsByTheme = new Map<string, Highlight[]>();
  for (const action of plan.actions) {
    const entries = entriesOf(action);
    const inPeriod = entriesIn(entries, window.start, window.end);
    const from = baselineAt(action, entries, window.start - 1);
    const to = ragAt(action, entries, window.end);
    const notes = inPeriod
      .map((e) => ({ on: dateIn(new Date(e.at), plan.timeZone), text: guarded(action.ref, e.note, withheld) }))
      .filter((n) => n.text);
    const moved = direction(from, to);
    const last = inPeriod.at(-1);
    if (moved && last) {
      movements.push({
        ref: action.ref,
        title: action.title,
        theme: action.theme,
        from,
        to,
        direction: moved,
        note: notes.at(-1)?.text ?? '',
        on: dateIn(new Date(last.at), plan.timeZone),
      });
      if (moved === 'worsened' || moved === 'newly red') slipped.push(listed({ ...action, rag: to }, latestNote(action)));
    }
    if (notes.length) {
      const list = highlightsByTheme.get(action.theme) ?? [];
      list.push({ ref: action.ref, title: action.title, notes });
      highlightsByTheme.set(action.theme, list);
    }
  }
  const atStart = new Map(plan.actions.map((a) => [a.id, baselineAt(a, entriesOf(a), window.start - 1)]));
  const atEnd = new Map(plan.actions.map((a) => [a.id, ragAt(a, entriesOf(a), window.end)]));
  const count = (m: Map<number, Rag>, rag: Rag) => [...m.values()].filter((r) => r === rag).length;
  const ragCounts = RAGS.map((rag) => ({ rag, atStart: count(atStart, rag), now: count(atEnd, rag) })).filter(
    (c) => c.rag !== 'UNRATED' || c.atStart > 0 || c.now > 0,
  );
  const open = plan.actions.filter((a) => atEnd.get(a.id) !== 'COMPLETE');
  const targets = plan.actions
    .filter((a) => a.target !== null)
    .map((a) => {
      const target = a.target ?? 0;
      return {
        ref: a.ref,
        title: a.title,
        target,
        progress: progressAt(a, entriesOf(a), window.end) ?? 0,
        progressAtStart: progressAt(a, entriesOf(a), window.start - 1),
        unit: targetUnit(a, target),
      };
    });
  const firstDay = dateIn(new Date(window.start), plan.timeZone);
  const series = sampleDays(firstDay, window.today).map((date) => {
    const instant = date === window.today ? window.end : resolveLocal(addDays(date, 1), '00:00', plan.timeZone).getTime() - 1;
    const counts = Object.fromEntries(RAGS.map((r) => [r, 0])) as Record<Rag, number>;
    for (const a of plan.actions) counts[ragAt(a, entriesOf(a), instant)]++;
    return { date, counts };
  });
  return {
    ragCounts,
    movements: movements.sort((a, b) => a.ref - b.ref),
    targets,
    highlights: plan.themes.filter((t) => highlightsByTheme.has(t)).map((theme) => ({ theme, items: highlightsByTheme.get(theme) ?? [] })),
    overdue: open.filter((a) => isOverdue(a, window.today)).map((a) => listed(a, latestNote(a))),
    slipped,
    dueBeforeNext: open
      .filter((a) => a.dueDate !== null && a.dueDate >= window.today && a.dueDate <= nextMeeting)
      .sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''))
      .map((a) => listed(a, latestNote(a))),
    series,
    withheld,
  };
}
