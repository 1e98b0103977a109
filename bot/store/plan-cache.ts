import type { PlanView } from '../plan/types.js';
import type { Db } from './client.js';
import { readPlanStamp, withoutActions, type PlanStamp } from './plan-stamp.js';
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
