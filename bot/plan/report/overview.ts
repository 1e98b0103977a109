import { addDays, dateParts, formatDate, isoDate } from '../dates.js';
import { resolveLocal } from '../schedule/local-time.js';
import type { PlanView, Rag } from '../types.js';
import { analysePeriod } from './analyse.js';
import type { Movement, ReportHistoryEntry, TargetProgress, TypedCounts } from './types.js';
import { listWords, movementSummary, ragCountWords } from './wording.js';

/** A quarter or a year at a glance: for "how did we do this quarter?" and the annual assurance return. */
export interface Overview {
  label: string;
  from: string;
  to: string;
  ragCounts: { rag: Rag; atStart: number; now: number }[];
  movements: Movement[];
  completed: Movement[];
  targets: TargetProgress[];
  /** training counts typed into the approved reports whose periods end inside this one */
  training: { sessions: number; attendees: number; reports: number };
}

/** The calendar quarter holding a date ("this") or the one before it ("last"): first and last days and a label. */
export function quarterOf(today: string, which: 'this' | 'last'): { from: string; to: string; label: string } {
  const { year, month } = dateParts(today);
  const start = isoDate(year, Math.floor((month - 1) / 3) * 3 + 1 - (which === 'last' ? 3 : 0), 1);
  const end = addDays(isoDate(Number(start.slice(0, 4)), Number(start.slice(5, 7)) + 3, 1), -1);
  const [a, b] = [formatDate(start).split(' '), formatDate(end).split(' ')];
  return { from: start, to: end, label: `${a[1]} to ${b[1]} ${b[2]}` };
}

/** Builds the overview of a period from the plan, its history and the approved reports' typed-in counts. Pure. */
export function buildOverview(input: {
  plan: PlanView;
  history: ReportHistoryEntry[];
  from: string;
  to: string;
  at: Date;
  label: string;
  reports: { periodTo: string; counts: TypedCounts }[];
}): Overview {
  const { plan } = input;
  const start = resolveLocal(input.from, '00:00', plan.timeZone).getTime();
  const endOfPeriod = resolveLocal(addDays(input.to, 1), '00:00', plan.timeZone).getTime() - 1;
  const end = Math.min(endOfPeriod, input.at.getTime());
  const f = analysePeriod({ plan, history: input.history }, { start, end, today: input.to }, input.to);
  const inside = input.reports.filter((r) => r.periodTo >= input.from && r.periodTo <= input.to);
  return {
    label: input.label,
    from: input.from,
    to: input.to,
    ragCounts: f.ragCounts,
    movements: f.movements,
    completed: f.movements.filter((m) => m.direction === 'completed'),
    targets: f.targets,
    training: {
      sessions: inside.reduce((n, r) => n + (r.counts.trainingSessions ?? 0), 0),
      attendees: inside.reduce((n, r) => n + (r.counts.trainingAttendees ?? 0), 0),
      reports: inside.length,
    },
  };
}

/** The overview in lines of plain British English. */
export function overviewLines(o: Overview): string[] {
  const counts = (key: 'atStart' | 'now') => ragCountWords(o.ragCounts.map((c) => ({ rag: c.rag, n: c[key] })));
  const lines = [
    `RAG ratings: ${counts('now')} (at the start: ${counts('atStart')}).`,
    movementSummary(o.movements),
    o.completed.length
      ? `Completed: ${listWords(o.completed.map((m) => `action ${m.ref} (${m.title})`))}.`
      : 'No action was completed in the period.',
    ...o.movements
      .filter((m) => m.direction !== 'completed')
      .map((m) => `Action ${m.ref} ${m.direction === 'newly red' ? 'became RED' : m.direction}: ${m.from} → ${m.to}.`),
    ...o.targets.map((t) => `Action ${t.ref}: ${t.progress} of ${t.target}${t.unit ? ` ${t.unit}` : ''}.`),
    o.training.reports
      ? `Training delivered (from ${o.training.reports} approved board report${o.training.reports === 1 ? '' : 's'}): ${o.training.sessions} sessions, ${o.training.attendees} people trained.`
      : 'No approved board report in the period gives training counts.',
  ];
  return lines;
}
