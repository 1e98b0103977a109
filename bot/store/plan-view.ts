import type { OrganisationInfo, PlanAction, PlanView, Rag, Recurrence } from '../plan/types.js';
import type { Db } from './database.js';
import type { PlanStamp } from './plan-stamp.js';

/** Each action's latest history entry (by time, then id): one indexed probe per action, never the whole history. */
async function latestUpdates(db: Db, planId: number) {
  const ids = await db.$queryRaw<{ id: number | bigint | null }[]>`
    SELECT (SELECT u."id" FROM "ActionUpdate" u WHERE u."actionId" = a."id" ORDER BY u."at" DESC, u."id" DESC LIMIT 1) AS "id"
    FROM "Action" a WHERE a."planId" = ${planId}`;
  const wanted = ids.flatMap((r) => (r.id === null ? [] : [Number(r.id)]));
  if (!wanted.length) return new Map<number, { actorName: string; at: Date; note: string; source: string }>();
  const rows = await db.actionUpdate.findMany({ where: { id: { in: wanted } }, select: { actionId: true, actorName: true, at: true, note: true, source: true } });
  return new Map(rows.map((r) => [r.actionId, r]));
}

/** Reads a plan as plain data, given its stamp (which names the partnership and plan). */
export async function readPlanView(db: Db, partnership: string, stamp: PlanStamp & { plan: NonNullable<PlanStamp['plan']> }): Promise<PlanView> {
  const planId = stamp.plan.id;
  const [themes, actions, organisations, latest] = await Promise.all([
    db.theme.findMany({ where: { planId }, orderBy: { position: 'asc' }, select: { name: true } }),
    db.action.findMany({
      where: { planId },
      orderBy: { ref: 'asc' },
      include: { theme: { select: { name: true } }, leads: { orderBy: { position: 'asc' }, include: { organisation: { select: { name: true } } } } },
    }),
    db.organisation.findMany({ where: { partnershipId: stamp.partnershipId }, orderBy: { name: 'asc' }, select: { name: true, aliases: true } }),
    latestUpdates(db, planId),
  ]);
  return {
    partnership,
    timeZone: stamp.timeZone,
    title: stamp.plan.title,
    period: stamp.plan.period,
    themes: themes.map((t) => t.name),
    organisations: organisations.map((o): OrganisationInfo => ({ name: o.name, aliases: JSON.parse(o.aliases) as string[] })),
    actions: actions.map((a): PlanAction => {
      const last = latest.get(a.id);
      return {
        id: a.id,
        ref: a.ref,
        theme: a.theme.name,
        title: a.title,
        deadlineText: a.deadlineText,
        dueDate: a.dueDate,
        recurrence: a.recurrence as Recurrence | null,
        outcome: a.outcome,
        notes: a.notes,
        rag: a.rag as Rag,
        leads: a.leads.map((l) => l.organisation.name),
        target: a.target,
        progress: a.progress,
        version: a.version,
        lastUpdate: last ? { by: last.actorName, at: last.at.toISOString(), note: last.source === 'import' ? '' : last.note } : null,
      };
    }),
  };
}
