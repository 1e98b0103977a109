import type { OrganisationInfo, PlanView } from '../plan/types.js';
import { AppError } from '../errors.js';
import type { Db } from './client.js';
import { cachedPlanView } from './plan-cache.js';
import { queryRows } from './direct-sql.js';
import { sqltag } from '@prisma/client/runtime/client';

export { savePlan, type SaveResult } from './save-plan.js';

/** The organisations a partnership knows, with aliases (for matching leads on import and in questions). */
export async function loadOrganisations(db: Db, partnership: string): Promise<OrganisationInfo[]> {
  const rows = await db.organisation.findMany({ where: { partnership: { name: partnership } }, orderBy: { name: 'asc' } });
  return rows.map((r) => ({ name: r.name, aliases: JSON.parse(r.aliases) as string[] }));
}

/**
 * The partnership's live plan as plain data (or, given a plan id, that plan of the partnership), or null when it has none.
 * Served from a per-process cache checked against a stamp read on every call, so it is never stale (see plan-cache.ts).
 * The view is frozen: copy before changing anything.
 */
export async function loadPlanView(db: Db, partnership: string, planId?: number): Promise<PlanView | null> {
  return cachedPlanView(db, partnership, planId);
}

/** Like loadPlanView, but a partnership without a plan is a NOT_FOUND error. */
export async function requirePlanView(db: Db, partnership: string): Promise<PlanView> {
  return planOrNotFound(await loadPlanView(db, partnership), partnership);
}

/** The plan view, or NOT_FOUND saying the partnership has no plan yet. */
export function planOrNotFound(view: PlanView | null, partnership: string): PlanView {
  if (!view)
    throw new AppError(
      'NOT_FOUND',
      `There is no plan for ${partnership} yet. A coordinator can import one with: npm run cli -- import <file>`,
    );
  return view;
}

/** Every partnership with its plans, their status and action counts, for `cli plans`. */
export async function listPlans(
  db: Db,
): Promise<{ partnership: string; title: string; period: string; status: string; actions: number; importedAt: Date }[]> {
  const plans = await db.plan.findMany({
    include: { partnership: true, _count: { select: { actions: true } } },
    orderBy: [{ partnershipId: 'asc' }, { id: 'asc' }],
  });
  return plans.map((p) => ({
    partnership: p.partnership.name,
    title: p.title,
    period: p.period,
    status: p.status,
    actions: p._count.actions,
    importedAt: p.importedAt,
  }));
}

/** Names of every partnership that has a plan, by name (one plain statement: start-up's rehearsal asks it). */
export async function listPartnerships(db: Db): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sqltag`SELECT p."name" FROM "Partnership" p WHERE EXISTS (SELECT 1 FROM "Plan" pl WHERE pl."partnershipId" = p."id") ORDER BY p."name" ASC`,
  );
  return rows.map((p) => p.name);
}

/** Whether the database holds any plan at all (one plain statement: every start asks it, see loadDemoPlanIfEmpty). */
export async function hasAnyPlan(db: Db): Promise<boolean> {
  return (await queryRows<{ id: unknown }>(db, sqltag`SELECT pl."id" FROM "Plan" pl LIMIT 1`)).length > 0;
}
