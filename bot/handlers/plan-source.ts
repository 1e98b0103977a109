import { requirePlanView } from '../store/plans.js';
import type { PlanView } from '../plan/types.js';
import type { Services } from './context.js';

/** One date formatter per time zone: building an Intl.DateTimeFormat costs far more than using one. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now: Date): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** The partnership's current plan and today's date in its time zone. */
export async function planAndToday(services: Services, partnership: string): Promise<{ plan: PlanView; today: string }> {
  const plan = await requirePlanView(services.store.db, partnership);
  return { plan, today: todayIn(plan.timeZone, services.now()) };
}
