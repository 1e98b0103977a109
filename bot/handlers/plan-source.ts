import { dateIn } from '../plan/dates.js';
import type { PlanView } from '../plan/types.js';
import type { Services } from '../core/context.js';

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now: Date): string {
  return dateIn(now, timeZone);
}

/** The partnership's current plan and today's date in its time zone. */
export async function planAndToday(services: Services, partnership: string): Promise<{ plan: PlanView; today: string }> {
  const plan = await services.store.plans.require(partnership);
  return { plan, today: todayIn(plan.timeZone, services.now()) };
}
