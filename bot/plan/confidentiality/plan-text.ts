import { guardText, type GuardOptions } from './index.js';

/** One field of an imported action that looked like personal data: where, and what it looked like (never the text). */
export interface PlanTextFinding {
  ref: number;
  field: 'title' | 'outcome' | 'notes';
  words: string[];
}

/** The fields of a plan's actions that hold personal data, so an import can be refused before anything is saved. */
export function personalDataInPlan(
  actions: readonly { ref: number; title: string; outcome: string; notes: string }[],
  options: GuardOptions,
): PlanTextFinding[] {
  const found: PlanTextFinding[] = [];
  for (const action of actions) {
    for (const field of ['title', 'outcome', 'notes'] as const) {
      const result = guardText(action[field], options);
      if (!result.ok) found.push({ ref: action.ref, field, words: result.words });
    }
  }
  return found;
}
