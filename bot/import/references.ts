import type { ImportedAction } from './types.js';

/** An action whose deadline says "See N above", with the number it points to. */
export interface Reference {
  action: ImportedAction;
  refersTo: number;
}

/** Gives each "See N above" action the due date (and repeat, if it has none) of the action it points to. */
export function resolveReferences(actions: ImportedAction[], references: Reference[], warnings: string[]): void {
  const byRef = new Map(actions.map((action) => [action.ref, action]));
  const pointers = new Map(references.map((r) => [r.action.ref, r.refersTo]));
  for (const { action, refersTo } of references) {
    const seen = new Set<number>([action.ref]);
    let target = byRef.get(refersTo);
    while (target !== undefined && pointers.has(target.ref) && !seen.has(target.ref)) {
      seen.add(target.ref);
      target = byRef.get(pointers.get(target.ref) as number);
    }
    if (target === undefined || seen.has(target.ref)) {
      const why = target === undefined ? `there is no action ${refersTo}` : 'the references go round in a circle';
      warnings.push(
        `Line ${action.line}: action ${action.ref}'s deadline "${action.deadlineText}" points to action ${refersTo}, but ${why}; it has no due date.`,
      );
      continue;
    }
    action.dueDate = target.dueDate;
    action.recurrence = action.recurrence ?? target.recurrence;
  }
}
