import type { PlanStatus, PlanSummary } from '../plan/types.js';
import type { AuditActor } from './audit.js';
import { recordAudit } from './audit.js';
import type { Db } from './client.js';
import { LIVE } from './live-plan.js';
import { withBusyRetry } from './retry.js';

type Tx = Db;

/** A partnership's plans, live first, then drafts and archived plans newest first. */
export async function listPartnershipPlans(db: Db, partnership: string): Promise<PlanSummary[]> {
  const rows = await db.plan.findMany({
    where: { partnership: { name: partnership } },
    include: { _count: { select: { actions: true } } },
    orderBy: [{ importedAt: 'desc' }, { id: 'desc' }],
  });
  const order: Record<PlanStatus, number> = { live: 0, draft: 1, archived: 2 };
  return rows
    .map((r) => ({
      id: r.id,
      title: r.title,
      period: r.period,
      status: r.status as PlanStatus,
      actions: r._count.actions,
      importedAt: r.importedAt.toISOString(),
      liveSince: r.liveSince?.toISOString() ?? null,
      archivedAt: r.archivedAt?.toISOString() ?? null,
    }))
    .sort((a, b) => order[a.status] - order[b.status]);
}

/** Inside a transaction: archives the partnership's live plan (if any but `keep`) and makes plan `id` live. */
export async function makeLiveInTransaction(tx: Tx, partnershipId: number, id: number, at: Date): Promise<{ archived: string | null }> {
  const live = await tx.plan.findFirst({ where: { partnershipId, status: LIVE }, select: { id: true, title: true } });
  if (live?.id === id) return { archived: null };
  if (live) await tx.plan.update({ where: { id: live.id }, data: { status: 'archived', archivedAt: at } });
  await tx.plan.update({ where: { id }, data: { status: LIVE, liveSince: at, archivedAt: null } });
  return { archived: live?.title ?? null };
}

/** What making a plan live did: the plan made live and the one archived (null when it already was live or there was none). */
export interface MadeLive {
  title: string;
  period: string;
  alreadyLive: boolean;
  archived: { title: string; period: string } | null;
}

/** Makes one of the partnership's plans the live one, archiving the plan that was live; audited. NOT_FOUND-free: null when no such plan. */
export async function makePlanLive(
  db: Db,
  input: { partnership: string; planId: number; actor: AuditActor; at: Date },
): Promise<MadeLive | null> {
  return withBusyRetry(() =>
    db.$transaction(async (t) => {
      const tx = t as unknown as Tx;
      const plan = await tx.plan.findFirst({ where: { id: input.planId, partnership: { name: input.partnership } } });
      if (!plan) return null;
      if (plan.status === LIVE) return { title: plan.title, period: plan.period, alreadyLive: true, archived: null };
      const live = await tx.plan.findFirst({ where: { partnershipId: plan.partnershipId, status: LIVE } });
      await makeLiveInTransaction(tx, plan.partnershipId, plan.id, input.at);
      await recordAudit(tx, {
        partnershipId: plan.partnershipId,
        at: input.at,
        actor: input.actor,
        action: 'plan.live',
        subject: plan.title,
        detail: { from: live?.title ?? null, to: plan.title, was: plan.status },
      });
      return {
        title: plan.title,
        period: plan.period,
        alreadyLive: false,
        archived: live ? { title: live.title, period: live.period } : null,
      };
    }),
  );
}

/** The plan of the partnership an action belongs to (whatever its status), or null when the action is not the partnership's. */
export async function planOfAction(
  db: Db,
  partnership: string,
  actionId: number,
): Promise<{ id: number; title: string; period: string; status: PlanStatus; label: string } | null> {
  const row = await db.action.findFirst({
    where: { id: actionId, plan: { partnership: { name: partnership } } },
    select: { ref: true, label: true, plan: { select: { id: true, title: true, period: true, status: true } } },
  });
  return row ? { ...row.plan, status: row.plan.status as PlanStatus, label: row.label || String(row.ref) } : null;
}
