import type { PlanAction, PlanView } from '../plan/types.js';
import type { Db } from './client.js';
import { actionsPart, readPlanStamp, withActions, withoutActions, type PlanStamp } from './plan-stamp.js';
import { readPlanView, refreshPlanActions } from './plan-view.js';

/** Per database, per partnership (and plan, for a plan other than the live one): the last PlanView read and the stamp it was read under. */
const cached = new WeakMap<Db, Map<string, { stamp: string; view: PlanView }>>();

/** Freezes a view all the way down: a cached view is shared by every turn, so no caller may change it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The partnership's live plan (or, given an id, that plan of the partnership): one small stamp query, then the cached view when the stamp is unchanged,
 * the cached view with its changed actions read again when only actions changed, else a fresh read. The stamp is read first, so a change made meanwhile (here or in another instance) shows next time.
 * A turn that read the live plan's stamp with its sender (see openTurn) passes it as `known`: no second read.
 */
export async function cachedPlanView(db: Db, partnership: string, planId?: number, known?: PlanStamp | null): Promise<PlanView | null> {
  const stamp = known !== undefined ? known : await readPlanStamp(db, partnership, planId);
  const key = planId === undefined ? partnership : `${partnership}\u0000${planId}`;
  let views = cached.get(db);
  if (!views) {
    views = new Map();
    cached.set(db, views);
  }
  if (!stamp?.plan) {
    views.delete(key);
    return null;
  }
  const hit = views.get(key);
  if (hit && hit.stamp === stamp.stamp) return hit.view;
  // only actions changed (an update, an edit): read those again, not the whole plan
  const refreshed = hit && withoutActions(hit.stamp) === withoutActions(stamp.stamp) ? await refreshPlanActions(db, hit.view) : null;
  const view = deepFreeze(refreshed ?? (await readPlanView(db, partnership, { ...stamp, plan: stamp.plan })));
  views.set(key, { stamp: stamp.stamp, view });
  return view;
}

/**
 * After this process saved an update to an action of the partnership's live plan: the cached view takes the action as
 * it now is, under the stamp the update produced, so the next turn need not read the plan again. Only when the cached
 * view is the plan the update changed: its stamp's actions part is the one the update's statement saw just before the
 * change, and it holds the very action the update started from, whose latest entry is not later than the new one.
 * Otherwise (another change came first, here or in another instance) nothing is kept and the next turn reads again.
 */
export function keepUpdatedAction(
  db: Db,
  partnership: string,
  planActions: { before: string; after: string },
  before: PlanAction,
  after: PlanAction,
): boolean {
  const views = cached.get(db);
  const hit = views?.get(partnership);
  if (!views || !hit || actionsPart(hit.stamp) !== planActions.before) return false;
  const at = hit.view.actions.indexOf(before);
  if (at < 0 || after.id !== before.id || (before.lastUpdate && after.lastUpdate && before.lastUpdate.at > after.lastUpdate.at))
    return false;
  const actions = [...hit.view.actions];
  actions[at] = after;
  views.set(partnership, { stamp: withActions(hit.stamp, planActions.after), view: deepFreeze({ ...hit.view, actions }) });
  return true;
}
