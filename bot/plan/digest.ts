import { addDays } from './dates.js';
import { isOverdue } from './query.js';
import { STALE_DAYS } from './schedule/lead-reminders.js';
import { RAGS, type PlanAction, type PlanView, type Rag, type UpdateSource } from './types.js';

/** A history entry as the digest reads it. */
export interface DigestChange {
  actionId: number;
  at: string;
  from: Rag;
  to: Rag;
  by: string;
  source: UpdateSource;
}

/** An open update round, counted. */
export interface DigestRound {
  title: string;
  meetingDate: string;
  deadline: string;
  answered: number;
  pending: number;
}

/** Everything a weekly digest is made from; the caller loads it, this module only reads it. */
export interface DigestInput {
  plan: PlanView;
  /** when the digest is for (its local date is "today") */
  at: Date;
  today: string;
  /** every history entry of the plan from a week before `at` */
  changes: DigestChange[];
  /** each action's first history entry (ISO instant), to tell new actions from changed ones */
  firstRecorded: Record<number, string>;
  rounds: DigestRound[];
  /** people with a role the bot cannot reach in personal chat */
  unreachable: string[];
}

/** An action as a digest lists it. */
export interface DigestItem {
  ref: number;
  title: string;
  rag: Rag;
  dueDate: string | null;
  leads: string[];
}

/** The weekly digest's content: counts with last week's, this week's changes, and what needs attention. */
export interface Digest {
  partnership: string;
  planTitle: string;
  today: string;
  /** last week's count is null when the plan did not exist a week ago */
  counts: { rag: Rag; now: number; lastWeek: number | null }[];
  changes: { ref: number; title: string; from: Rag; to: Rag; by: string; at: string }[];
  overdue: DigestItem[];
  dueSoon: DigestItem[];
  stale: (DigestItem & { lastUpdate: string })[];
  rounds: DigestRound[];
  unreachable: string[];
}

const WEEK_MS = 7 * 86_400_000;
/** The digest looks this far ahead for deadlines. */
export const DIGEST_LOOKAHEAD_DAYS = 30;

const item = (a: PlanAction): DigestItem => ({ ref: a.ref, title: a.title, rag: a.rag, dueDate: a.dueDate, leads: a.leads });

function ragsLastWeek(input: DigestInput, weekAgo: number): Map<number, Rag | null> {
  const then = new Map<number, Rag | null>();
  for (const action of input.plan.actions) {
    const first = input.firstRecorded[action.id];
    const existed = first !== undefined && Date.parse(first) < weekAgo;
    const earliest = input.changes
      .filter((c) => c.actionId === action.id && Date.parse(c.at) >= weekAgo)
      .sort((a, b) => a.at.localeCompare(b.at))[0];
    then.set(action.id, existed ? (earliest?.from ?? action.rag) : null);
  }
  return then;
}

/** Builds the digest from a plan and its recent history. Pure: no clock, no database. */
export function buildDigest(input: DigestInput): Digest {
  const { plan, today } = input;
  const weekAgo = input.at.getTime() - WEEK_MS;
  const then = ragsLastWeek(input, weekAgo);
  const planExisted = [...then.values()].some((r) => r !== null);
  const counts = RAGS.map((rag) => ({
    rag,
    now: plan.actions.filter((a) => a.rag === rag).length,
    lastWeek: planExisted ? [...then.values()].filter((r) => r === rag).length : null,
  })).filter((c) => c.rag !== 'UNRATED' || c.now > 0 || (c.lastWeek ?? 0) > 0);
  const byId = new Map(plan.actions.map((a) => [a.id, a]));
  const changes = input.changes
    .filter(
      (c) =>
        Date.parse(c.at) >= weekAgo &&
        Date.parse(c.at) <= input.at.getTime() &&
        c.from !== c.to &&
        input.firstRecorded[c.actionId] !== c.at,
    )
    .sort((a, b) => a.at.localeCompare(b.at))
    .flatMap((c) => {
      const action = byId.get(c.actionId);
      return action ? [{ ref: action.ref, title: action.title, from: c.from, to: c.to, by: c.by, at: c.at }] : [];
    });
  const open = plan.actions.filter((a) => a.rag !== 'COMPLETE');
  const horizon = addDays(today, DIGEST_LOOKAHEAD_DAYS);
  const staleBefore = input.at.getTime() - STALE_DAYS * 86_400_000;
  return {
    partnership: plan.partnership,
    planTitle: plan.title,
    today,
    counts,
    changes,
    overdue: open.filter((a) => isOverdue(a, today)).map(item),
    dueSoon: open
      .filter((a): a is PlanAction & { dueDate: string } => a.dueDate !== null && a.dueDate >= today && a.dueDate <= horizon)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .map(item),
    stale: open.flatMap((a) =>
      a.lastUpdate !== null && Date.parse(a.lastUpdate.at) < staleBefore ? [{ ...item(a), lastUpdate: a.lastUpdate.at }] : [],
    ),
    rounds: input.rounds,
    unreachable: input.unreachable,
  };
}

/** A count with its change in words: "12 AMBER (up 1 since last week)", "2 RED (no change)". */
export function countWords(count: Digest['counts'][number]): string {
  const label = `${count.now} ${count.rag === 'UNRATED' ? 'not yet rated' : count.rag}`;
  if (count.lastWeek === null) return label;
  const diff = count.now - count.lastWeek;
  return `${label} (${diff === 0 ? 'no change' : `${diff > 0 ? 'up' : 'down'} ${Math.abs(diff)} since last week`})`;
}
