import type { ColumnMap, GridRow } from './types.js';

/** A single cell that names an objective or section: "Objective 1: Safeguarding", "Priority 2", "3. Communities". */
const SECTION_WORDS = /^(?:(?:objective|section|theme|priority|strand|workstream|aim|strategic aim)\s*\d*[a-z]?\b|\d+[.)]\s+\S)/i;

const cellOf = (cells: string[], columns: ColumnMap, field: keyof ColumnMap): string =>
  columns[field] === undefined ? '' : (cells[columns[field].index] ?? '');

const tidy = (text: string): string => text.replace(/\s+/g, ' ').replace(/[:;]$/, '').trim();

/**
 * The theme a section row names, or null when the row is an action: a lone cell that reads like an objective, or
 * a whole number with one text and nothing else when the next row's number is under it ("1", then "1.1").
 */
export function isSectionRow(rows: GridRow[], at: number, columns: ColumnMap): string | null {
  const cells = rows[at]?.cells ?? [];
  const filled = cells.filter((c) => c !== '');
  const [only = ''] = filled;
  if (filled.length === 1 && SECTION_WORDS.test(only) && !only.includes('\n') && only.length <= 120) return tidy(only);
  const whole = cellOf(cells, columns, 'ref').match(/^(\d+)\.?$/);
  if (whole === null || filled.length !== 2) return null;
  if (['deadline', 'rag', 'leads'].some((f) => cellOf(cells, columns, f as keyof ColumnMap) !== '')) return null;
  const next = rows[at + 1];
  if (next === undefined || !cellOf(next.cells, columns, 'ref').startsWith(`${whole[1]}.`)) return null;
  return tidy(filled.find((c) => c !== cellOf(cells, columns, 'ref')) ?? '');
}
