import type { PlanView, Rag } from '../../../bot/plan/types.js';
import type { ReportHistoryEntry, ReportSettings } from '../../../bot/plan/report/types.js';
import { demoPlanView } from '../../factories/demo-plan.js';

/** One scripted update: action ref, instant, new RAG, note, progress. */
export type Step = [ref: number, at: string, to: Rag, note: string, progress?: number];

/** Updates on several dates before, during and after the period 1 September – 25 November 2026. */
export const STEPS: Step[] = [
  [3, '2026-08-20T10:00:00Z', 'AMBER', 'Two sessions delivered to Probation.', 2],
  [18, '2026-09-15T09:30:00Z', 'AMBER', 'Met three faith leaders; forum planned for January.'],
  [17, '2026-10-02T14:00:00Z', 'COMPLETE', 'Communications plan agreed by the partnership.'],
  [10, '2026-10-05T11:00:00Z', 'GREEN', 'Forum date set.'],
  [8, '2026-10-20T16:45:00Z', 'RED', 'Stakeholder lead left; recruitment under way.'],
  [1, '2026-11-03T10:15:00Z', 'AMBER', 'Apprentice sessions postponed to January.'],
  [3, '2026-11-10T12:00:00Z', 'AMBER', 'Two more sessions delivered to City Advice partners.', 4],
  [10, '2026-11-12T09:00:00Z', 'AMBER', 'Forum postponed by the venue.'],
  [22, '2026-11-20T15:00:00Z', 'RED', 'Ring 020 7606 3030 to reach the MAPPA lead.'],
  [2, '2026-11-27T10:00:00Z', 'RED', 'After the period: should not appear.'],
];

/** The drafting instant of the scripted report. */
export const DRAFTED_AT = new Date('2026-11-25T12:00:00Z');

export const SETTINGS: ReportSettings = {
  committee: 'Safer City Partnership',
  subject: 'Prevent Update',
  public: true,
  reportOf: 'Chief Officer, Community and Children’s Services',
  author: 'Community Safety Officer (Prevent Coordinator)',
  purpose: 'For Information',
};

/** The demo plan after the scripted steps, with its whole history (the import first). */
export function scriptedPlan(steps: Step[] = STEPS): { plan: PlanView; history: ReportHistoryEntry[] } {
  const plan = demoPlanView();
  const history: ReportHistoryEntry[] = plan.actions.map((a) => ({
    actionId: a.id,
    at: '2026-06-01T09:00:00Z',
    ragFrom: 'UNRATED',
    ragTo: a.rag,
    note: '',
    progress: null,
    source: 'import',
  }));
  for (const [ref, at, to, note, progress] of steps) {
    const action = plan.actions.find((a) => a.ref === ref);
    if (!action) throw new Error(`no action ${ref}`);
    history.push({ actionId: action.id, at, ragFrom: action.rag, ragTo: to, note, progress: progress ?? null, source: 'card' });
    action.rag = to;
    if (progress !== undefined) action.progress = progress;
    action.lastUpdate = { by: 'Ali Burlington', at, note };
  }
  return { plan, history };
}
