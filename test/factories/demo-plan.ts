import { readFileSync } from 'node:fs';
import { DEFAULT_ORGANISATIONS } from '../../bot/import/known-organisations.js';
import { parsePlanText } from '../../bot/import/index.js';
import type { PlanAction, PlanView } from '../../bot/plan/types.js';

const DEMO_PLAN = new URL('../../prisma/demo-plan.md', import.meta.url);

/** An action with sensible defaults; pass only what a test cares about. */
export function makeAction(overrides: Partial<PlanAction> = {}): PlanAction {
  const ref = overrides.ref ?? 1;
  return {
    id: ref,
    ref,
    label: String(overrides.label ?? ref),
    theme: 'Training',
    title: `Action ${ref}`,
    deadlineText: 'Ongoing',
    dueDate: null,
    recurrence: null,
    outcome: '',
    notes: '',
    rag: 'AMBER',
    leads: [],
    target: null,
    progress: null,
    version: 1,
    lastUpdate: null,
    ...overrides,
  };
}

/** A plan around the given actions; themes and organisations default to those the actions use. */
export function makePlan(actions: PlanAction[], overrides: Partial<PlanView> = {}): PlanView {
  const themes = [...new Set(actions.map((a) => a.theme))];
  const organisations = [...new Set(actions.flatMap((a) => a.leads))].map((name) => ({ name, aliases: [] }));
  return {
    partnership: 'Test partnership',
    timeZone: 'Europe/London',
    title: 'Test plan',
    period: '2026-2027',
    themes,
    organisations,
    actions,
    ...overrides,
  };
}

/** The real demo plan (prisma/demo-plan.md) read through the importer, as the plan core sees it. */
export function demoPlanView(): PlanView {
  const imported = parsePlanText(readFileSync(DEMO_PLAN, 'utf8'), 'demo-plan.md', DEFAULT_ORGANISATIONS);
  const actions: PlanAction[] = imported.actions.map((a) => ({
    id: a.ref,
    ref: a.ref,
    label: a.label,
    theme: a.theme,
    title: a.title,
    deadlineText: a.deadlineText,
    dueDate: a.dueDate,
    recurrence: a.recurrence,
    outcome: a.outcome,
    notes: a.notes,
    rag: a.rag,
    leads: a.leads,
    target: a.target,
    progress: null,
    version: 1,
    lastUpdate: null,
  }));
  return {
    partnership: 'City of London',
    timeZone: 'Europe/London',
    title: imported.title,
    period: imported.period,
    themes: imported.themes,
    organisations: imported.organisations,
    actions,
  };
}
