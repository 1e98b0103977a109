import type { ImportedAction } from './types.js';

/** An action whose deadline says "See N above", with the number it points to. */
export interface Reference {
  action: ImportedAction;
  refersTo: number;
}

/** Gives each "See N above" action the due date (and repeat, if it has none) of the action it points to, found by its written number. */
export function resolveReferences(actions: ImportedAction[], references: Reference[], warnings: string[]): void {
  const byLabel = new Map(actions.map((action) => [action.label, action]));
  const pointers = new Map(references.map((r) => [r.action.label, String(r.refersTo)]));
  for (const { action, refersTo } of references) {
    const seen = new Set<string>([action.label]);
    let target = byLabel.get(String(refersTo));
    while (target !== undefined && pointers.has(target.label) && !seen.has(target.label)) {
      seen.add(target.label);
      target = byLabel.get(pointers.get(target.label) as string);
    }
    if (target === undefined || seen.has(target.label)) {
      const why = target === undefined ? `there is no action ${refersTo}` : 'the references go round in a circle';
      warnings.push(
        `Line ${action.line}: action ${action.label}'s deadline "${action.deadlineText}" points to action ${refersTo}, but ${why}; it has no due date.`,
      );
      continue;
    }
    action.dueDate = target.dueDate;
    action.recurrence = action.recurrence ?? target.recurrence;
  }
}
