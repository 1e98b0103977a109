import { type CurrentAction, diffImport, type EditedField, type ImportPreview, type Prefer } from '../import/reconcile.js';
import type { ImportedPlan } from '../import/types.js';
import type { PlanStatus, Rag, Recurrence } from '../plan/types.js';
import type { Db } from './client.js';
import { findLivePlan } from './live-plan.js';

/**
 * The plan's actions as the importer compares them with a file: leads by name, and whether a person changed each since an import
 * last set it (its latest history entry that is a person's update or an import that changed the RAG is a person's).
 */
export async function loadCurrentActions(db: Db, planId: number): Promise<CurrentAction[]> {
  const [actions, entries, edits] = await Promise.all([
    db.action.findMany({
      where: { planId },
      include: { theme: true, leads: { orderBy: { position: 'asc' }, include: { organisation: true } } },
      orderBy: { ref: 'asc' },
    }),
    db.$queryRaw<{ actionId: number; source: string }[]>`
      SELECT u."actionId", u."source" FROM "ActionUpdate" u JOIN "Action" a ON a."id" = u."actionId"
      WHERE a."planId" = ${planId} AND (u."source" <> 'import' OR u."ragFrom" <> u."ragTo")
      ORDER BY u."at" ASC, u."id" ASC`,
    db.$queryRaw<{ actionId: number; source: string; changes: string }[]>`
      SELECT u."actionId", u."source", u."changes" FROM "ActionUpdate" u JOIN "Action" a ON a."id" = u."actionId"
      WHERE a."planId" = ${planId} AND u."changes" <> '[]'
      ORDER BY u."at" ASC, u."id" ASC`,
  ]);
  const edited = editedFields(edits);
  const latest = new Map(entries.map((e) => [Number(e.actionId), e.source]));
  const changed = new Set([...latest].filter(([, source]) => source !== 'import').map(([id]) => id));
  return actions.map((a) => ({
    id: a.id,
    ref: a.ref,
    label: a.label || String(a.ref),
    theme: a.theme.name,
    title: a.title,
    deadlineText: a.deadlineText,
    dueDate: a.dueDate,
    recurrence: a.recurrence as Recurrence | null,
    outcome: a.outcome,
    notes: a.notes,
    rag: a.rag as Rag,
    target: a.target,
    leads: a.leads.map((l) => l.organisation.name),
    extras: JSON.parse(a.extras) as Record<string, string>,
    changedSinceImport: changed.has(a.id),
    editedSinceImport: [...(edited.get(a.id) ?? [])],
  }));
}

const EDITED: readonly string[] = ['title', 'deadline', 'leads', 'theme'];

/** Per action, the fields a person edited since an import last set them: a person's edit adds a field, an import's change removes it. */
function editedFields(entries: { actionId: number; source: string; changes: string }[]): Map<number, Set<EditedField>> {
  const out = new Map<number, Set<EditedField>>();
  for (const entry of entries) {
    const id = Number(entry.actionId);
    const fields = new Set<EditedField>();
    for (const change of JSON.parse(entry.changes) as { field: string }[]) {
      // an action added in chat: every field it was given is a person's
      if (change.field === 'created') for (const f of EDITED) fields.add(f as EditedField);
      else if (EDITED.includes(change.field)) fields.add(change.field as EditedField);
    }
    const set = out.get(id) ?? new Set<EditedField>();
    for (const f of fields) entry.source === 'import' ? set.delete(f) : set.add(f);
    out.set(id, set);
  }
  return out;
}

/** What importing the plan would change, worked out without saving anything (a plan not yet in the database: everything is new). */
export async function previewImport(
  db: Db,
  partnership: string,
  plan: ImportedPlan,
  prefer: Prefer = 'plan',
  makeLive = false,
): Promise<ImportPreview> {
  const [existing, live] = await Promise.all([
    db.plan.findFirst({ where: { title: plan.title, partnership: { name: partnership } }, select: { id: true, status: true } }),
    findLivePlan(db, partnership),
  ]);
  const livePeriod = live ? ((await db.plan.findUnique({ where: { id: live.id }, select: { period: true } }))?.period ?? '') : '';
  const current = existing ? await loadCurrentActions(db, existing.id) : [];
  return {
    planExists: existing !== null,
    diff: diffImport(current, plan, prefer),
    livePlan: live?.title ?? null,
    title: plan.title,
    existingStatus: (existing?.status as PlanStatus | undefined) ?? null,
    live: live ? { title: live.title, period: livePeriod } : null,
    period: plan.period,
    makeLive,
  };
}
