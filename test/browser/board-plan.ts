import type { Rag } from '../../bot/plan/types.js';
import { buildBoardData, type BoardData, type RagChange } from '../../bot/tab/board-data.js';
import { demoPlanView } from '../factories/demo-plan.js';

/** Two later changes: [ref picked by current rating, rating before the change, day]. */
const LATER: [Rag, Rag, string][] = [
  ['GREEN', 'AMBER', '2025-01-10T09:00:00Z'],
  ['RED', 'AMBER', '2025-02-01T10:00:00Z'],
];

/** The real demo plan (24 actions) with an import day and two later RAG changes. */
export function demoBoard(today: string): BoardData {
  const plan = demoPlanView();
  const history: RagChange[] = [];
  const before = new Map(plan.actions.map((a) => [a.ref, a.rag]));
  for (const [now, was, at] of LATER) {
    const action = plan.actions.find((a) => a.rag === now);
    if (!action) continue;
    before.set(action.ref, was);
    history.push({ at, actionRef: action.ref, ragFrom: was, ragTo: now });
  }
  for (const a of plan.actions)
    history.push({ at: '2024-11-01T09:00:00Z', actionRef: a.ref, ragFrom: 'UNRATED', ragTo: before.get(a.ref) ?? a.rag });
  return buildBoardData(plan, history, today);
}
