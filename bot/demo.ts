import path from 'node:path';
import { appPath } from './app-root.js';
import { readPlanFile } from './import/index.js';
import { DEFAULT_ORGANISATIONS } from './import/known-organisations.js';
import type { Store } from './store/database.js';

/** The bundled demo plan: the City of London Prevent action plan 2020-2024. */
export const DEMO_PLAN_FILE = appPath('prisma', 'demo-plan.md');

/** Loads the demo plan when the database has no plan at all; returns the number of actions loaded (0 if none). */
export async function loadDemoPlanIfEmpty(store: Store, partnership: string, now: Date): Promise<number> {
  if (await store.plans.any()) return 0;
  const plan = await readPlanFile(DEMO_PLAN_FILE, DEFAULT_ORGANISATIONS);
  await store.plans.save({ partnership, plan, sourceFile: path.basename(DEMO_PLAN_FILE), actor: 'Demo plan (first start)', at: now });
  return plan.actions.length;
}
