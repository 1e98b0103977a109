import type { ImportedPlan } from '../import/types.js';
import type { OrganisationInfo, PlanView, Rag } from '../plan/types.js';
import { AppError } from '../errors.js';
import type { Db } from './database.js';
import { cachedPlanView } from './plan-cache.js';
import { withBusyRetry } from './retry.js';

/** What saving an imported plan changed. */
export interface SaveResult {
  planId: number;
  planCreated: boolean;
  actionsCreated: number;
  actionsUpdated: number;
  ragChanges: number;
  /** refs in the database that the file no longer has (kept, not deleted) */
  missingRefs: number[];
}

/** Saves an imported plan in one transaction: a re-import updates in place and keeps the history. */
export async function savePlan(
  db: Db,
  input: { partnership: string; plan: ImportedPlan; sourceFile: string; actor: string; at: Date },
): Promise<SaveResult> {
  const { plan, at } = input;
  return withBusyRetry(() =>
    db.$transaction(
      async (tx) => {
        const partnership = await tx.partnership.upsert({ where: { name: input.partnership }, create: { name: input.partnership }, update: {} });
        const orgIds = await saveOrganisations(tx as unknown as Db, partnership.id, plan.organisations);
        const existingPlan = await tx.plan.findUnique({ where: { partnershipId_title: { partnershipId: partnership.id, title: plan.title } } });
        const planRow = existingPlan
          ? await tx.plan.update({
              where: { id: existingPlan.id },
              // a file without a period or objectives (e.g. a CSV export) keeps the ones the plan has
              data: {
                period: plan.period || existingPlan.period,
                objectives: plan.objectives.length ? JSON.stringify(plan.objectives) : existingPlan.objectives,
                sourceFile: input.sourceFile,
                importedAt: at,
              },
            })
          : await tx.plan.create({ data: { partnershipId: partnership.id, title: plan.title, period: plan.period, objectives: JSON.stringify(plan.objectives), sourceFile: input.sourceFile, importedAt: at } });
        const themeIds = new Map<string, number>();
        for (const [position, name] of plan.themes.entries()) {
          const theme = await tx.theme.upsert({ where: { planId_name: { planId: planRow.id, name } }, create: { planId: planRow.id, name, position }, update: { position } });
          themeIds.set(name, theme.id);
        }
        const existing = new Map((await tx.action.findMany({ where: { planId: planRow.id } })).map((a) => [a.ref, a]));
        const result: SaveResult = { planId: planRow.id, planCreated: !existingPlan, actionsCreated: 0, actionsUpdated: 0, ragChanges: 0, missingRefs: [] };
        for (const a of plan.actions) {
          const fields = {
            themeId: themeIds.get(a.theme)!,
            title: a.title,
            deadlineText: a.deadlineText,
            dueDate: a.dueDate,
            recurrence: a.recurrence,
            outcome: a.outcome,
            notes: a.notes,
            rag: a.rag,
            target: a.target,
          };
          const before = existing.get(a.ref);
          const beforeLeads = before ? (await tx.actionLead.findMany({ where: { actionId: before.id }, orderBy: { position: 'asc' } })).map((l) => l.organisationId) : [];
          const leadIds = [...new Set(a.leads.map((l) => orgIds.get(l.toLowerCase())!))];
          const changed = !before || Object.entries(fields).some(([k, v]) => before[k as keyof typeof before] !== v) || beforeLeads.join() !== leadIds.join();
          if (!changed) continue;
          const row = before
            ? await tx.action.update({ where: { id: before.id }, data: { ...fields, version: { increment: 1 }, updatedAt: at } })
            : await tx.action.create({ data: { ...fields, planId: planRow.id, ref: a.ref, updatedAt: at } });
          if (before) result.actionsUpdated++;
          else result.actionsCreated++;
          const ragFrom = (before?.rag ?? 'UNRATED') as Rag;
          if (!before || ragFrom !== a.rag) {
            if (before) result.ragChanges++;
            await tx.actionUpdate.create({
              data: { actionId: row.id, actorName: input.actor, at, ragFrom, ragTo: a.rag, note: before ? `Re-imported from ${input.sourceFile}` : `Imported from ${input.sourceFile}`, source: 'import' },
            });
          }
          await tx.actionLead.deleteMany({ where: { actionId: row.id } });
          if (leadIds.length) await tx.actionLead.createMany({ data: leadIds.map((organisationId, position) => ({ actionId: row.id, organisationId, position })) });
        }
        const imported = new Set(plan.actions.map((a) => a.ref));
        result.missingRefs = [...existing.keys()].filter((r) => !imported.has(r)).sort((x, y) => x - y);
        return result;
      },
      { timeout: 30_000, maxWait: 10_000 },
    ),
  );
}

async function saveOrganisations(tx: Db, partnershipId: number, organisations: OrganisationInfo[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const org of organisations) {
    const existing = await tx.organisation.findUnique({ where: { partnershipId_name: { partnershipId, name: org.name } } });
    const aliases = [...new Set([...(existing ? (JSON.parse(existing.aliases) as string[]) : []), ...org.aliases])];
    const row = existing
      ? await tx.organisation.update({ where: { id: existing.id }, data: { aliases: JSON.stringify(aliases) } })
      : await tx.organisation.create({ data: { partnershipId, name: org.name, aliases: JSON.stringify(aliases) } });
    ids.set(org.name.toLowerCase(), row.id);
  }
  return ids;
}

/** The organisations a partnership knows, with aliases (for matching leads on import and in questions). */
export async function loadOrganisations(db: Db, partnership: string): Promise<OrganisationInfo[]> {
  const rows = await db.organisation.findMany({ where: { partnership: { name: partnership } }, orderBy: { name: 'asc' } });
  return rows.map((r) => ({ name: r.name, aliases: JSON.parse(r.aliases) as string[] }));
}

/**
 * The partnership's current plan (the most recently imported) as plain data, or null when it has none.
 * Served from a per-process cache checked against a stamp read on every call, so it is never stale (see plan-cache.ts).
 * The view is frozen: copy before changing anything.
 */
export async function loadPlanView(db: Db, partnership: string): Promise<PlanView | null> {
  return cachedPlanView(db, partnership);
}

/** Like loadPlanView, but a partnership without a plan is a NOT_FOUND error. */
export async function requirePlanView(db: Db, partnership: string): Promise<PlanView> {
  const view = await loadPlanView(db, partnership);
  if (!view) throw new AppError('NOT_FOUND', `There is no plan for ${partnership} yet. A coordinator can import one with: npm run cli -- import <file>`);
  return view;
}

/** Every partnership with its plans and action counts, for `cli plans`. */
export async function listPlans(db: Db): Promise<{ partnership: string; title: string; period: string; actions: number; importedAt: Date }[]> {
  const plans = await db.plan.findMany({ include: { partnership: true, _count: { select: { actions: true } } }, orderBy: [{ partnershipId: 'asc' }, { id: 'asc' }] });
  return plans.map((p) => ({ partnership: p.partnership.name, title: p.title, period: p.period, actions: p._count.actions, importedAt: p.importedAt }));
}

/** Names of every partnership that has a plan. */
export async function listPartnerships(db: Db): Promise<string[]> {
  return (await db.partnership.findMany({ where: { plans: { some: {} } }, orderBy: { name: 'asc' }, select: { name: true } })).map((p) => p.name);
}
