import { basename, extname } from 'node:path';
import { ImportError } from '../errors.js';
import { cellsFor, mapColumns } from './columns.js';
import { extraColumns, type Extras, unmappedColumnWarnings } from './extra-columns.js';
import { isPeriod, looksLikeHeading } from './plain-lines.js';
import { isSectionRow } from './sections.js';
import type { ColumnMap, GridRow, SourcePlan } from './types.js';

export type { GridRow } from './types.js';

function readPreamble(plan: SourcePlan, cells: string[]): void {
  const filled = cells.filter((c) => c !== '');
  const [key = '', value = ''] = filled;
  if (filled.length === 2 && /^(?:plan\s*)?title:?$/i.test(key)) plan.title = value;
  else if (filled.length === 2 && /^period:?$/i.test(key)) plan.period = value;
  else if (filled.length !== 1) return;
  else if (/^\d+[.)]\s/.test(key)) plan.objectives.push(key.replace(/^\d+[.)]\s+/, ''));
  else if (plan.period === '' && isPeriod(key)) plan.period = key;
  else if (plan.title === '') plan.title = key;
}

/**
 * A second header row under the first (merged header cells above, e.g. "Timescale" over "Start" and "Target date"):
 * nothing under the action column, and every filled cell a short name of which at least one is a column we know.
 */
function subHeader(row: GridRow | undefined, columns: ColumnMap): boolean {
  if (row === undefined || columns.title === undefined || (row.cells[columns.title.index] ?? '') !== '') return false;
  const filled = row.cells.filter((c) => c !== '');
  if (filled.length === 0 || filled.some((c) => c.length > 40 || c.includes('\n'))) return false;
  return Object.keys(mapColumns(row.cells)).length > 0 || extraColumns(row.cells, {}).notes !== undefined;
}

function combineHeaders(top: string[], sub: string[]): string[] {
  const width = Math.max(top.length, sub.length);
  return Array.from({ length: width }, (_, i) => (sub[i] ?? '') || (top[i] ?? ''));
}

interface Header {
  columns: ColumnMap;
  extras: Extras;
}

function headerFrom(cells: string[], plan: SourcePlan, line: number): Header {
  const flat = cells.map((c) => c.replace(/\n/g, ' '));
  const columns = mapColumns(flat);
  const extras = extraColumns(flat, columns);
  if (extras.notes !== undefined) {
    columns.notes = extras.notes;
    plan.warnings.push(`Line ${line}: the column "${extras.notes.header}" was read as each action's notes (its latest update).`);
  }
  if (extras.fromHistory.length)
    plan.warnings.push(
      `Line ${line}: the columns ${extras.fromHistory.map((e) => `"${e.header}"`).join(' and ')} come from the plan's history (as the bot exports them) and were not imported.`,
    );
  plan.warnings.push(...unmappedColumnWarnings(line, extras));
  return { columns, extras };
}

/** A Word heading just above the first table's header names the first theme. */
function sectionAbove(rows: GridRow[], headerAt: number, title: string): string {
  const filled = rows[headerAt - 1]?.cells.filter((c) => c !== '') ?? [];
  const [only = ''] = filled;
  if (headerAt < 2 || filled.length !== 1 || only === title) return '';
  return looksLikeHeading(only) && !isPeriod(only) ? only : '';
}

/** Reads rows of a table (CSV, an Excel sheet, a Word document's tables): title rows, one or two header rows, section rows, actions. */
export function readGrid(input: GridRow[], file: string): SourcePlan {
  const plan: SourcePlan = { file, title: '', period: '', objectives: [], rows: [], warnings: [] };
  const rows = input.filter((r) => r.cells.some((c) => c !== ''));
  const headerAt = rows.findIndex((r) => mapColumns(r.cells).title !== undefined);
  const headerRow = rows[headerAt];
  if (headerRow === undefined) {
    throw new ImportError(
      'IMPORT_NO_ACTION_COLUMN',
      file,
      rows[0]?.line ?? null,
      null,
      'no row names a column for the action (such as "Key Actions", "Action" or "Description").',
    );
  }
  for (const row of rows.slice(0, headerAt)) readPreamble(plan, row.cells);
  if (plan.title === '') plan.title = basename(file, extname(file));
  let theme = rows[headerAt - 1]?.paragraph ? sectionAbove(rows, headerAt, plan.title) : '';
  let start = headerAt + 1;
  let headerCells = headerRow.cells;
  const below = rows[start];
  if (below !== undefined && subHeader(below, mapColumns(headerCells))) {
    headerCells = combineHeaders(headerCells, below.cells);
    start++;
  }
  let header = headerFrom(headerCells, plan, headerRow.line);
  for (let i = start; i < rows.length; i++) {
    const row = rows[i];
    if (row === undefined) continue;
    const { line, cells, colours } = row;
    const again = mapColumns(cells);
    if (again.title !== undefined && cells[again.title.index] === again.title.header) {
      const next = rows[i + 1];
      const twoRows = next !== undefined && subHeader(next, again);
      if (twoRows) i++;
      header = headerFrom(twoRows ? combineHeaders(cells, next.cells) : cells, { ...plan, warnings: [] }, line);
      continue;
    }
    const { columns, extras } = header;
    const filled = cells.filter((c) => c !== '');
    const [first = ''] = filled;
    if (row.paragraph) {
      if (looksLikeHeading(first)) theme = first;
      else plan.warnings.push(`Line ${line}: text outside a table was not imported: "${first.slice(0, 60)}".`);
      continue;
    }
    if (columns.theme === undefined && filled.length === 1 && cells[0] === first && looksLikeHeading(first)) {
      theme = first;
      continue;
    }
    const section = isSectionRow(rows, i, columns);
    if (section !== null) {
      theme = section;
      continue;
    }
    const ragColour = columns.rag === undefined ? null : (colours?.[columns.rag.index] ?? null);
    const kept = Object.fromEntries(extras.kept.map((e) => [e.header, cells[e.index] ?? '']).filter(([, text]) => text !== ''));
    plan.rows.push({ line, theme, cells: cellsFor(columns, cells), columns, extras: kept, ragColour });
  }
  return plan;
}
