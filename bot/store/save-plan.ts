import type { ImportedAction, ImportedPlan } from '../import/types.js';
import type { OrganisationInfo, Rag } from '../plan/types.js';
import type { Db } from './client.js';
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

type Tx = Db;
type SaveInput = { partnership: string; plan: ImportedPlan; sourceFile: string; actor: string; at: Date };

/** Saves an imported plan in one transaction, in a handful of batched statements: a re-import updates in place and keeps the history. */
export async function savePlan(db: Db, input: SaveInput): Promise<SaveResult> {
  return withBusyRetry(() =>
    db.$transaction(async (tx) => saveInTransaction(tx as unknown as Tx, input), { timeout: 30_000, maxWait: 10_000 }),
  );
}

async function saveInTransaction(tx: Tx, input: SaveInput): Promise<SaveResult> {
  const { plan, at } = input;
  const partnership = await tx.partnership.upsert({ where: { name: input.partnership }, create: { name: input.partnership }, update: {} });
  const orgIds = await saveOrganisations(tx, partnership.id, plan.organisations);
  const planId = await savePlanRow(tx, partnership.id, input);
  const themeIds = new Map<string, number>();
  for (const [position, name] of plan.themes.entries()) {
    const theme = await tx.theme.upsert({
      where: { planId_name: { planId: planId.id, name } },
      create: { planId: planId.id, name, position },
      update: { position },
    });
    themeIds.set(name, theme.id);
  }
  const existing = new Map(
    (await tx.action.findMany({ where: { planId: planId.id }, include: { leads: { orderBy: { position: 'asc' } } } })).map((a) => [
      a.ref,
      a,
    ]),
  );
  const fieldsOf = (a: ImportedAction) => ({
    themeId: themeIds.get(a.theme)!,
    title: a.title,
    deadlineText: a.deadlineText,
    dueDate: a.dueDate,
    recurrence: a.recurrence,
    outcome: a.outcome,
    notes: a.notes,
    rag: a.rag,
    target: a.target,
  });
  const leadIdsOf = (a: ImportedAction) => [...new Set(a.leads.map((l) => orgIds.get(l.toLowerCase())!))];
  const result: SaveResult = {
    planId: planId.id,
    planCreated: planId.created,
    actionsCreated: 0,
    actionsUpdated: 0,
    ragChanges: 0,
    missingRefs: [],
  };
  const history: { actionId: number; ragFrom: Rag; ragTo: Rag; note: string }[] = [];
  const leads: { actionId: number; leadIds: number[] }[] = [];

  const fresh = plan.actions.filter((a) => !existing.has(a.ref));
  const created = fresh.length
    ? await tx.action.createManyAndReturn({
        data: fresh.map((a) => ({ ...fieldsOf(a), planId: planId.id, ref: a.ref, updatedAt: at })),
        select: { id: true, ref: true },
      })
    : [];
  const createdIds = new Map(created.map((c) => [c.ref, c.id]));
  for (const a of fresh) {
    const actionId = createdIds.get(a.ref)!;
    history.push({ actionId, ragFrom: 'UNRATED', ragTo: a.rag, note: `Imported from ${input.sourceFile}` });
    leads.push({ actionId, leadIds: leadIdsOf(a) });
  }
  result.actionsCreated = fresh.length;

  for (const a of plan.actions) {
    const before = existing.get(a.ref);
    if (!before) continue;
    const fields = fieldsOf(a);
    const leadIds = leadIdsOf(a);
    const sameLeads = before.leads.map((l) => l.organisationId).join() === leadIds.join();
    if (sameLeads && Object.entries(fields).every(([k, v]) => before[k as keyof typeof before] === v)) continue;
    await tx.action.update({ where: { id: before.id }, data: { ...fields, version: { increment: 1 }, updatedAt: at } });
    result.actionsUpdated++;
    if (before.rag !== a.rag) {
      result.ragChanges++;
      history.push({ actionId: before.id, ragFrom: before.rag as Rag, ragTo: a.rag, note: `Re-imported from ${input.sourceFile}` });
    }
    if (!sameLeads) leads.push({ actionId: before.id, leadIds });
  }

  if (history.length)
    await tx.actionUpdate.createMany({ data: history.map((h) => ({ ...h, actorName: input.actor, at, source: 'import' })) });
  if (leads.length) {
    await tx.actionLead.deleteMany({ where: { actionId: { in: leads.map((l) => l.actionId) } } });
    await tx.actionLead.createMany({
      data: leads.flatMap((l) => l.leadIds.map((organisationId, position) => ({ actionId: l.actionId, organisationId, position }))),
    });
  }
  const imported = new Set(plan.actions.map((a) => a.ref));
  result.missingRefs = [...existing.keys()].filter((r) => !imported.has(r)).sort((x, y) => x - y);
  return result;
}

/** Creates the plan, or updates it in place (a file without a period or objectives, such as a CSV export, keeps the plan's). */
async function savePlanRow(tx: Tx, partnershipId: number, input: SaveInput): Promise<{ id: number; created: boolean }> {
  const { plan, at } = input;
  const existing = await tx.plan.findUnique({ where: { partnershipId_title: { partnershipId, title: plan.title } } });
  if (!existing) {
    const row = await tx.plan.create({
      data: {
        partnershipId,
        title: plan.title,
        period: plan.period,
        objectives: JSON.stringify(plan.objectives),
        sourceFile: input.sourceFile,
        importedAt: at,
      },
    });
    return { id: row.id, created: true };
  }
  await tx.plan.update({
    where: { id: existing.id },
    data: {
      period: plan.period || existing.period,
      objectives: plan.objectives.length ? JSON.stringify(plan.objectives) : existing.objectives,
      sourceFile: input.sourceFile,
      importedAt: at,
    },
  });
  return { id: existing.id, created: false };
}

/** Creates new organisations and merges new aliases into known ones; returns ids by lower-cased name. */
async function saveOrganisations(tx: Tx, partnershipId: number, organisations: OrganisationInfo[]): Promise<Map<string, number>> {
  const known = new Map((await tx.organisation.findMany({ where: { partnershipId } })).map((o) => [o.name, o]));
  const fresh = organisations.filter((o) => !known.has(o.name));
  if (fresh.length)
    await tx.organisation.createMany({
      data: fresh.map((o) => ({ partnershipId, name: o.name, aliases: JSON.stringify([...new Set(o.aliases)]) })),
    });
  for (const org of organisations) {
    const row = known.get(org.name);
    if (!row) continue;
    const had = JSON.parse(row.aliases) as string[];
    const merged = [...new Set([...had, ...org.aliases])];
    if (merged.length !== had.length) await tx.organisation.update({ where: { id: row.id }, data: { aliases: JSON.stringify(merged) } });
  }
  const all = fresh.length ? await tx.organisation.findMany({ where: { partnershipId } }) : [...known.values()];
  return new Map(all.map((o) => [o.name.toLowerCase(), o.id]));
}
