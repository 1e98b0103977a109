import { type CurrentAction, diffImport, type ImportDiff, type Prefer } from '../import/reconcile.js';
import type { ImportedAction, ImportedPlan } from '../import/types.js';
import { loadCurrentActions } from './current-actions.js';
import type { OrganisationInfo, PlanStatus, Rag } from '../plan/types.js';
import type { Db } from './client.js';
import { LIVE } from './live-plan.js';
import { makeLiveInTransaction } from './plan-status.js';
import { recordAudit } from './audit.js';
import { withBusyRetry } from './retry.js';

/** What saving an imported plan changed. */
export interface SaveResult {
  planId: number;
  planCreated: boolean;
  /** the plan's status after the import: a plan with a new title becomes live only when the partnership had none, or when asked */
  status: PlanStatus;
  /** the title of the plan this import archived by making its plan live, or null */
  archived: string | null;
  actionsCreated: number;
  actionsUpdated: number;
  ragChanges: number;
  /** refs in the database that the file no longer has (kept, not deleted) */
  missingRefs: number[];
  /** what the import did against the plan as it was: conflicts with newer chat changes, and each change */
  diff: ImportDiff;
}

type Tx = Db;
type SaveInput = {
  partnership: string;
  plan: ImportedPlan;
  sourceFile: string;
  actor: string;
  at: Date;
  prefer?: Prefer;
  /** make the imported plan the live one (archiving the live plan); without it a plan with a new title waits as a draft */
  makeLive?: boolean;
};

/** Saves an imported plan in one transaction, in a handful of batched statements: a re-import updates in place and keeps the history. */
export async function savePlan(db: Db, input: SaveInput): Promise<SaveResult> {
  return withBusyRetry(() =>
    db.$transaction(async (tx) => saveInTransaction(tx as unknown as Tx, input), { timeout: 30_000, maxWait: 10_000 }),
  );
}

/** Rows per statement: well inside SQLite's and PostgreSQL's limits on bound parameters, for plans of thousands of actions. */
const BATCH = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Moves actions whose place in the order changes out of the way first, so the unique (plan, ref) never clashes mid-way. */
async function clearRefs(tx: Tx, ids: number[]): Promise<void> {
  for (const id of ids) await tx.action.update({ where: { id }, data: { ref: -id } });
}

async function saveInTransaction(tx: Tx, input: SaveInput): Promise<SaveResult> {
  const { plan, at } = input;
  const partnership = await tx.partnership.upsert({ where: { name: input.partnership }, create: { name: input.partnership }, update: {} });
  const orgIds = await saveOrganisations(tx, partnership.id, plan.organisations);
  const previous = await tx.plan.findUnique({ where: { partnershipId_title: { partnershipId: partnership.id, title: plan.title } } });
  const current = previous ? await loadCurrentActions(tx, previous.id) : [];
  const diff = diffImport(current, plan, input.prefer);
  const planId = await savePlanRow(tx, partnership.id, input);
  const hasLive = await tx.plan.count({ where: { partnershipId: partnership.id, status: LIVE } });
  const { archived } =
    input.makeLive || hasLive === 0 ? await makeLiveInTransaction(tx, partnership.id, planId.id, at) : { archived: null };
  if (archived)
    await recordAudit(tx, {
      partnershipId: partnership.id,
      at,
      actor: { label: input.actor },
      action: 'plan.live',
      subject: plan.title,
      detail: { from: archived, to: plan.title, how: `import of ${input.sourceFile}` },
    });
  const status = (await tx.plan.findUniqueOrThrow({ where: { id: planId.id }, select: { status: true } })).status as PlanStatus;
  const themeIds = new Map<string, number>();
  for (const [position, name] of plan.themes.entries()) {
    const theme = await tx.theme.upsert({
      where: { planId_name: { planId: planId.id, name } },
      create: { planId: planId.id, name, position },
      update: { position },
    });
    themeIds.set(name, theme.id);
  }
  // A theme kept from the plan (edited in chat since the last import) that the file no longer has stays, after the file's.
  for (const change of diff.changed)
    if (!themeIds.has(change.after.theme)) {
      const theme = await tx.theme.upsert({
        where: { planId_name: { planId: planId.id, name: change.after.theme } },
        create: { planId: planId.id, name: change.after.theme, position: themeIds.size },
        update: { position: themeIds.size },
      });
      themeIds.set(change.after.theme, theme.id);
    }
  const themeOf = (a: ImportedAction): number => themeIds.get(a.theme) as number;
  const fieldsOf = (a: ImportedAction) => ({
    themeId: themeOf(a),
    ref: a.ref,
    label: a.label,
    title: a.title,
    deadlineText: a.deadlineText,
    dueDate: a.dueDate,
    recurrence: a.recurrence,
    outcome: a.outcome,
    notes: a.notes,
    rag: a.rag,
    target: a.target,
    extras: JSON.stringify(a.extras),
  });
  const leadIdsOf = (a: ImportedAction) => [...new Set(a.leads.map((l) => orgIds.get(l.toLowerCase()) as number))];
  const result: SaveResult = {
    planId: planId.id,
    planCreated: planId.created,
    status,
    archived,
    actionsCreated: diff.created.length,
    actionsUpdated: diff.changed.length,
    ragChanges: 0,
    missingRefs: [],
    diff,
  };
  const history: { actionId: number; ragFrom: Rag; ragTo: Rag; note: string; changes?: string }[] = [];
  /** leads of actions this import creates, and of existing actions whose leads change (replaced) */
  const fresh: { actionId: number; leadIds: number[] }[] = [];
  const leads: { actionId: number; leadIds: number[] }[] = [];

  const fileRefs = new Set(plan.actions.map((a) => a.ref));
  const missing = current.filter((a) => diff.missing.includes(a.label));
  let nextFree = Math.max(0, ...fileRefs, ...current.map((a) => a.ref));
  const moved = missing.filter((a) => fileRefs.has(a.ref)).map((a) => ({ id: a.id, ref: ++nextFree }));
  await clearRefs(tx, [...diff.changed.filter((c) => c.before.ref !== c.after.ref).map((c) => c.before.id), ...moved.map((m) => m.id)]);
  for (const m of moved) await tx.action.update({ where: { id: m.id }, data: { ref: m.ref } });

  const created = diff.created.length
    ? await tx.action.createManyAndReturn({
        data: diff.created.map((a) => ({ ...fieldsOf(a), planId: planId.id, updatedAt: at })),
        select: { id: true, ref: true },
      })
    : [];
  const createdIds = new Map(created.map((c) => [c.ref, c.id]));
  for (const a of diff.created) {
    const actionId = createdIds.get(a.ref) as number;
    history.push({ actionId, ragFrom: 'UNRATED', ragTo: a.rag, note: `Imported from ${input.sourceFile}` });
    fresh.push({ actionId, leadIds: leadIdsOf(a) });
  }

  for (const change of diff.changed) {
    const { before, after } = change;
    await tx.action.update({
      where: { id: before.id },
      data: { ...fieldsOf(after), rag: change.rag, notes: change.notes, version: { increment: 1 }, updatedAt: at },
    });
    const others = change.described.filter((d) => !d.startsWith('RAG '));
    const note = `Re-imported from ${input.sourceFile}${others.length ? `: ${others.join('; ')}` : ''}`;
    if (before.rag !== change.rag) result.ragChanges++;
    if (before.rag !== change.rag || others.length)
      history.push({
        actionId: before.id,
        ragFrom: before.rag,
        ragTo: change.rag,
        note,
        changes: JSON.stringify(fieldChanges(before, after)),
      });
    if (change.leadsChanged) leads.push({ actionId: before.id, leadIds: leadIdsOf(after) });
  }

  for (const part of chunks(history, BATCH))
    await tx.actionUpdate.createMany({ data: part.map((h) => ({ ...h, actorName: input.actor, at, source: 'import' })) });
  for (const part of chunks(leads, BATCH)) await tx.actionLead.deleteMany({ where: { actionId: { in: part.map((l) => l.actionId) } } });
  const leadRows = [...fresh, ...leads].flatMap((l) =>
    l.leadIds.map((organisationId, position) => ({ actionId: l.actionId, organisationId, position })),
  );
  for (const part of chunks(leadRows, BATCH)) await tx.actionLead.createMany({ data: part });
  result.missingRefs = missing.map((a) => a.ref).sort((x, y) => x - y);
  return result;
}

/** The fields a re-import changes, from what to what, as chat edits record them (so later imports know which fields a person set last). */
function fieldChanges(before: CurrentAction, after: ImportedAction): { field: string; from: unknown; to: unknown }[] {
  const out: { field: string; from: unknown; to: unknown }[] = [];
  if (before.title !== after.title) out.push({ field: 'title', from: before.title, to: after.title });
  if (before.deadlineText !== after.deadlineText || before.dueDate !== after.dueDate || before.recurrence !== after.recurrence)
    out.push({
      field: 'deadline',
      from: { text: before.deadlineText, dueDate: before.dueDate, recurrence: before.recurrence },
      to: { text: after.deadlineText, dueDate: after.dueDate, recurrence: after.recurrence },
    });
  if (before.leads.join('\n').toLowerCase() !== after.leads.join('\n').toLowerCase())
    out.push({ field: 'leads', from: before.leads, to: after.leads });
  if (before.theme !== after.theme) out.push({ field: 'theme', from: before.theme, to: after.theme });
  return out;
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
        // made live, when it is to be, once it exists (at most one plan is live: a unique index)
        status: 'draft',
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
