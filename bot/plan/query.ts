import { rankByWords } from './questions/search-words.js';
import type { ActionFilter } from './questions/types.js';
import type { PlanAction, PlanView } from './types.js';

export { describeFilter } from './questions/describe.js';

const refKey = (ref: string): string =>
  ref
    .trim()
    .replace(/^(?:action\s*)?(?:no\.?\s*)?#?\s*/i, '')
    .replace(/\.$/, '')
    .toLowerCase();

/** The action with this number as the plan writes it ("2.2", "2.3a", "18"; "#18", "action 18" and any case too), or undefined. */
export function actionByRef<A extends { label: string }>(actions: readonly A[], ref: string): A | undefined {
  const key = refKey(ref);
  return actions.find((action) => action.label.toLowerCase() === key);
}

/** Whether an action is past its due date and not complete. */
export function isOverdue(action: PlanAction, today: string): boolean {
  return action.dueDate !== null && action.dueDate < today && action.rag !== 'COMPLETE';
}

function sameName(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/**
 * Due-date filters: "overdue" as isOverdue; a range needs a due date inside it, and leaves out COMPLETE
 * actions (nothing is still due on them) unless the question asked for COMPLETE ones.
 */
function dueMatches(action: PlanAction, filter: ActionFilter, today: string): boolean {
  const { due } = filter;
  if (!due) return true;
  if (due.overdue && !isOverdue(action, today)) return false;
  if (!due.from && !due.before) return true;
  if (action.dueDate === null) return false;
  if (action.rag === 'COMPLETE' && !filter.rags?.includes('COMPLETE')) return false;
  return (!due.from || action.dueDate >= due.from) && (!due.before || action.dueDate < due.before);
}

function matches(action: PlanAction, filter: ActionFilter, today: string): boolean {
  if (filter.rags && !filter.rags.includes(action.rag)) return false;
  const led = filter.leads?.some((lead) => action.leads.some((l) => sameName(l, lead))) ?? false;
  const owned = filter.ownedBy !== undefined && action.owner?.id === filter.ownedBy;
  if ((filter.leads || filter.ownedBy !== undefined) && !led && !owned) return false;
  if (filter.themes && !filter.themes.some((theme) => sameName(action.theme, theme))) return false;
  return dueMatches(action, filter, today);
}

/** The plan's actions that pass every part of the filter: in ref order, or best match first when it searches words. */
export function findActions(plan: PlanView, filter: ActionFilter, today: string): PlanAction[] {
  const passing = plan.actions.filter((action) => matches(action, filter, today)).sort((a, b) => a.ref - b.ref);
  return filter.text && filter.text.length > 0 ? rankByWords(passing, plan.actions, filter.text, filter.rankBy) : passing;
}
