import type { Rag } from '../../bot/plan/types.js';
import { buildBoardData, type BoardData, type RagChange } from '../../bot/tab/board-data.js';
import { makeAction, makePlan } from '../tab/plan-fixture.js';

const THEMES = ['Training and engagement', 'Policy/Processes', 'Awareness', 'Other'];
const LEADS = ['CoLC CST', 'CoLP Prevent team', 'All stakeholders', 'Schools', 'Health'];
/** The same mix of ratings as the City of London plan: 8 GREEN, 12 AMBER, 2 RED, 2 COMPLETE. */
const RATINGS: Rag[] = [...Array(8).fill('GREEN'), ...Array(12).fill('AMBER'), 'RED', 'RED', 'COMPLETE', 'COMPLETE'];

/** A hand-made 24-action board with some history, for the browser tests. */
export function handMadeBoard(today: string): BoardData {
  const plan = makePlan([], { themes: THEMES });
  plan.actions = RATINGS.map((rag, i) =>
    makeAction({
      ref: i + 1,
      rag,
      theme: THEMES[i % THEMES.length],
      title: `Key action number ${i + 1} for the partnership`,
      leads: [LEADS[i % LEADS.length], ...(i % 3 === 0 ? ['All stakeholders'] : [])].filter((l, j, all) => all.indexOf(l) === j),
      notes: i % 2 ? `Progress noted at the board on item ${i + 1}.` : '',
      deadlineText: i % 4 ? 'Ongoing' : 'March 2025',
      dueDate: i % 4 ? null : '2025-03-31',
      lastUpdate: i % 5 ? null : { by: 'Sam Lead', at: '2025-02-01T10:00:00Z' },
    }),
  );
  const history: RagChange[] = [
    ...plan.actions.map((a) => ({ at: '2024-11-01T09:00:00Z', actionRef: a.ref, ragFrom: 'UNRATED' as const, ragTo: 'AMBER' as const })),
    { at: '2025-01-10T09:00:00Z', actionRef: 1, ragFrom: 'AMBER', ragTo: 'GREEN' },
    { at: '2025-02-01T10:00:00Z', actionRef: 21, ragFrom: 'AMBER', ragTo: 'RED' },
  ];
  return buildBoardData(plan, history, today);
}
