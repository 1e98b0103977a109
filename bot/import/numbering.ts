/** A number cell as read (null when the plan has no number column) and the line it is on. */
export interface RefCell {
  text: string | null;
  line: number;
}

/** Gives every action its number: the plan's own where valid and unique, otherwise the next free one. */
export function assignRefs(cells: RefCell[], warnings: string[]): number[] {
  const used = new Set<number>();
  const refs: (number | null)[] = cells.map((cell) => {
    const match = cell.text?.trim().match(/^(?:no\.?\s*)?(\d+)\.?$/i);
    const ref = match ? Number(match[1]) : null;
    if (ref === null || ref < 1 || used.has(ref)) return null;
    used.add(ref);
    return ref;
  });
  let next = 0;
  return refs.map((ref, i) => {
    if (ref !== null) return ref;
    next = Math.max(next, ...used) + 1;
    used.add(next);
    const cell = cells[i];
    if (cell.text !== null) {
      const problem =
        cell.text.trim() === ''
          ? 'has no number'
          : `has the number "${cell.text.trim()}", which is missing, not a whole number or already used`;
      warnings.push(`Line ${cell.line}: the action ${problem}; it was numbered ${next}.`);
    }
    return next;
  });
}
