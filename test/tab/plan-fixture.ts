import type { PlanAction, PlanView, Rag } from '../../bot/plan/types.js';

/** A small plan action with overrides, for the tab's tests. */
export function makeAction(overrides: Partial<PlanAction> = {}): PlanAction {
  const ref = overrides.ref ?? 1;
  return {
    id: ref,
    ref,
    theme: 'Training and engagement',
    title: `Action ${ref}`,
    deadlineText: 'Ongoing',
    dueDate: null,
    recurrence: null,
    outcome: '',
    notes: '',
    rag: 'GREEN',
    leads: ['CoLC CST'],
    target: null,
    progress: null,
    version: 1,
    lastUpdate: null,
    ...overrides,
  };
}

/** A small hand-made plan: one action per rating given, refs from 1. */
export function makePlan(rags: Rag[], overrides: Partial<PlanView> = {}): PlanView {
  return {
    partnership: 'City of London',
    timeZone: 'Europe/London',
    title: 'Prevent Action Plan 2020–2024',
    period: '2020–2024',
    themes: ['Training and engagement', 'Policy/Processes'],
    organisations: [],
    actions: rags.map((rag, i) => makeAction({ ref: i + 1, rag, theme: i % 2 ? 'Policy/Processes' : 'Training and engagement' })),
    ...overrides,
  };
}
