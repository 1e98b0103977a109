/** A number cell as read (null when the plan has no number column) and the line it is on. */
export interface RefCell {
  text: string | null;
  line: number;
}

/** An action's place in the plan's order, and its number as the plan writes it. */
export interface AssignedRef {
  ref: number;
  label: string;
}

const WHOLE = /^(?:no\.?\s*)?(\d+)\.?$/i;
/** Numbers with parts or a letter, as plans write them: "1.1", "2.3a", "4b", "3.2.1". */
const LABEL = /^(?:no\.?\s*)?(\d+(?:\.\d+)*[a-z]?)\.?$/i;

const isLabel = (text: string | null): boolean => text !== null && !WHOLE.test(text.trim()) && LABEL.test(text.trim());

function wholeNumbers(cells: RefCell[], warnings: string[]): AssignedRef[] {
  const used = new Set<number>();
  const refs: (number | null)[] = cells.map((cell) => {
    const match = cell.text?.trim().match(WHOLE);
    const ref = match ? Number(match[1]) : null;
    if (ref === null || ref < 1 || used.has(ref)) return null;
    used.add(ref);
    return ref;
  });
  let next = 0;
  return refs.map((ref, i) => {
    if (ref !== null) return { ref, label: String(ref) };
    next = Math.max(next, ...used) + 1;
    used.add(next);
    const cell = cells[i];
    if (cell !== undefined && cell.text !== null) {
      const problem =
        cell.text.trim() === ''
          ? 'has no number'
          : `has the number "${cell.text.trim()}", which is missing, not a whole number or already used`;
      warnings.push(`Line ${cell.line}: the action ${problem}; it was numbered ${next}.`);
    }
    return { ref: next, label: String(next) };
  });
}

function labels(cells: RefCell[], warnings: string[]): AssignedRef[] {
  const used = new Set<string>();
  return cells.map((cell, i) => {
    const ref = i + 1;
    const written = (cell.text ?? '').trim().match(LABEL)?.[1] ?? null;
    if (written !== null && !used.has(written.toLowerCase())) {
      used.add(written.toLowerCase());
      return { ref, label: written };
    }
    let label = `#${ref}`;
    for (let n = 2; used.has(label.toLowerCase()); n++) label = `#${ref}-${n}`;
    used.add(label.toLowerCase());
    const problem =
      written === null ? `has no number${cell.text ? ` ("${cell.text.trim()}")` : ''}` : `has the number "${written}", already used`;
    warnings.push(`Line ${cell.line}: the action ${problem}; it was numbered ${label}.`);
    return { ref, label };
  });
}

/**
 * Gives every action its number. Plans numbered in whole numbers keep them where valid and unique (others get the next free one).
 * Plans with numbers like "1.1" or "2.3a" keep those as written, and are ordered as the file lists them.
 */
export function assignRefs(cells: RefCell[], warnings: string[]): AssignedRef[] {
  return cells.some((cell) => isLabel(cell.text)) ? labels(cells, warnings) : wholeNumbers(cells, warnings);
}
