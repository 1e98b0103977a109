import type { PlanView } from '../plan/types.js';
import type { Db } from './client.js';
import { readPlanStamp } from './plan-stamp.js';
import { readPlanView } from './plan-view.js';

/** Per database, per partnership: the last PlanView read and the stamp it was read under. */
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
 * The partnership's current plan: one small stamp query, then the cached view when the stamp is unchanged,
 * else a fresh read. The stamp is read first, so a change made meanwhile (here or in another instance) shows next time.
 */
export async function cachedPlanView(db: Db, partnership: string): Promise<PlanView | null> {
  const stamp = await readPlanStamp(db, partnership);
  let views = cached.get(db);
  if (!views) {
    views = new Map();
    cached.set(db, views);
  }
  if (!stamp?.plan) {
    views.delete(partnership);
    return null;
  }
  const hit = views.get(partnership);
  if (hit && hit.stamp === stamp.stamp) return hit.view;
  const view = deepFreeze(await readPlanView(db, partnership, { ...stamp, plan: stamp.plan }));
  views.set(partnership, { stamp: stamp.stamp, view });
  return view;
}
