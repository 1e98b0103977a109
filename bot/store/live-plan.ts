import type { PlanStatus } from '../plan/types.js';
import type { Db } from './client.js';

/** The status of the one plan people ask about and update (a partial unique index allows one per partnership). */
export const LIVE: PlanStatus = 'live';

/**
 * The one choice of "the partnership's plan" every reader makes: the live plan. Stamp, cache, view, history, reports,
 * digests, rounds and the tab all come here (or, in SQL, ask for status = LIVE), never to "the plan imported last".
 */
export function livePlanWhere(partnership: string) {
  return { partnership: { name: partnership }, status: LIVE };
}

/** The id and title of the partnership's live plan, or null when it has none. */
export async function findLivePlan(db: Db, partnership: string): Promise<{ id: number; title: string } | null> {
  return db.plan.findFirst({ where: livePlanWhere(partnership), select: { id: true, title: true } });
}
