import { AppError } from '../errors.js';
import { suggestToolkitSections, TOOLKIT_SECTIONS, type ToolkitSection } from '../plan/toolkit.js';
import type { Db } from './client.js';
import { requirePlanView } from './plans.js';

/** Stored for an action a coordinator has cleared of every section, so suggestions do not come back. */
const CLEARED = 'none';

const isSection = (s: string): s is ToolkitSection => (TOOLKIT_SECTIONS as readonly string[]).includes(s);

/** Each action's toolkit sections (by action id): a coordinator's choice where one was made, else the suggestion from its words. */
export async function loadToolkitTags(db: Db, partnership: string): Promise<Record<number, ToolkitSection[]>> {
  const plan = await requirePlanView(db, partnership);
  const rows = await db.actionToolkitTag.findMany({ where: { actionId: { in: plan.actions.map((a) => a.id) } } });
  const stored = new Map<number, string[]>();
  for (const row of rows) stored.set(row.actionId, [...(stored.get(row.actionId) ?? []), row.section]);
  return Object.fromEntries(
    plan.actions.map((a) => {
      const chosen = stored.get(a.id);
      return [a.id, chosen ? TOOLKIT_SECTIONS.filter((s) => chosen.includes(s)) : suggestToolkitSections(a)];
    }),
  );
}

/** Adds or removes one section on an action (by its number); the action's sections become the coordinator's choice. */
export async function setToolkitTag(
  db: Db,
  input: { partnership: string; ref: number; section: ToolkitSection; on: boolean },
): Promise<{ ref: number; title: string; sections: ToolkitSection[] }> {
  const plan = await requirePlanView(db, input.partnership);
  const action = plan.actions.find((a) => a.ref === input.ref);
  if (!action) throw new AppError('NOT_FOUND', `There is no action ${input.ref} in ${plan.title}.`);
  const current = (await loadToolkitTags(db, input.partnership))[action.id] ?? [];
  const next = TOOLKIT_SECTIONS.filter((s) => (s === input.section ? input.on : current.includes(s)));
  const rows = (next.length ? next : [CLEARED]).map((section) => ({ actionId: action.id, section, source: 'coordinator' }));
  await db.$transaction([
    db.actionToolkitTag.deleteMany({ where: { actionId: action.id } }),
    db.actionToolkitTag.createMany({ data: rows }),
  ]);
  return { ref: action.ref, title: action.title, sections: next.filter(isSection) };
}
