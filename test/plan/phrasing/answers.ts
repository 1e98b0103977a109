import { parseQuestion, type Speaker } from '../../../bot/plan/questions/index.js';
import { findActions } from '../../../bot/plan/query.js';
import type { PlanView } from '../../../bot/plan/types.js';
import { demoPlanView } from '../../factories/demo-plan.js';

/** Today for every phrasing table: 22 November 2026. */
export const TODAY = '2026-11-22';

/** The demo plan's answers, by hand from prisma/demo-plan.md. */
export const RED = [18, 22];
export const AMBER = [3, 6, 8, 10, 11, 15, 17, 19, 20, 21, 23, 24];
export const GREEN = [1, 2, 4, 5, 7, 9, 14, 16];
export const COMPLETE = [12, 13];
export const RED_OR_AMBER = [3, 6, 8, 10, 11, 15, 17, 18, 19, 20, 21, 22, 23, 24];
export const NOT_COMPLETE = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];
export const ALL = Array.from({ length: 24 }, (_, i) => i + 1);
export const OVERDUE = [5, 9, 10, 11, 14, 22];
export const DUE_2021 = [5, 9, 10, 14, 22];
export const TRAINING = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
export const POLICY = [12, 13, 14, 15];
export const AWARENESS = [16, 17, 18, 19, 20];
export const OTHER = [21, 22, 23, 24];
export const COLP = [1, 2, 3, 4, 5, 8, 9, 10, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];
export const CST = [1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24];
export const ALL_STAKEHOLDERS = [3, 6, 15, 16];
/** Actions whose text says "referral(s)": action 13, the referrals action, is the best match. */
export const REFERRALS = [13, 1, 2, 3, 6, 9, 15, 16, 18, 19];
/** "Prevent referrals": the referrals action first, then "Prevent" in a title, then the rest in ref order. */
export const PREVENT_REFERRALS = [13, 9, 15, 1, 2, 3, 6, 16, 18, 19];
/** Actions whose text says "training", in ref order. */
export const TRAINING_WORD = [1, 2, 3, 4, 5, 6, 8, 10, 15, 16, 19, 20, 21, 23];

/** An answer as a partner would judge it. */
export type Answer = number[] | { show: string } | { noLead: string } | 'summary' | 'help' | 'smalltalk' | 'mine-unknown' | 'unknown';

export type { Speaker } from '../../../bot/plan/questions/index.js';

const plan: PlanView = demoPlanView();

/** What the bot answers on the demo plan, reduced to what a partner would notice. */
export function answerOf(text: string, speaker?: Speaker, today = TODAY): Answer {
  const q = parseQuestion(text, plan, today, speaker);
  switch (q.kind) {
    case 'list':
      return findActions(plan, q.filter, today).map((a) => a.ref);
    case 'show':
      return { show: String(q.ref) };
    case 'noLead':
      return { noLead: q.sector };
    case 'summary':
    case 'help':
    case 'smalltalk':
    case 'mine-unknown':
      return q.kind;
    default:
      return 'unknown';
  }
}

/** Whether two answers are the same; lists compare as sets when `ordered` is false. */
export function sameAnswer(got: Answer, want: Answer, ordered = true): boolean {
  if (Array.isArray(got) && Array.isArray(want) && !ordered) {
    return JSON.stringify([...got].sort((a, b) => a - b)) === JSON.stringify([...want].sort((a, b) => a - b));
  }
  return JSON.stringify(got) === JSON.stringify(want);
}
