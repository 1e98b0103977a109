import { basename, extname } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { ImportError } from '../errors.js';
import { cleanCell } from './cell-text.js';
import { cellsFor, mapColumns } from './columns.js';
import { isPeriod, looksLikeHeading } from './plain-lines.js';
import type { ColumnMap, SourcePlan } from './types.js';

interface CsvRecord {
  line: number;
  cells: string[];
}

function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const count = (ch: string): number => first.split(ch).length - 1;
  return [';', '\t'].find((ch) => count(ch) > count(',')) ?? ',';
}

function records(text: string, file: string): CsvRecord[] {
  try {
    const parsed = parse(text, { bom: true, info: true, relax_column_count: true, delimiter: delimiterOf(text) }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return parsed.map(({ record, info }) => ({
      line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
      cells: record.map(cleanCell),
    }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : null;
    const problem = error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted cell is never closed' : `the file is not valid CSV (${error.code})`;
    throw new ImportError('IMPORT_BAD_ROW', file, line, null, `${problem}.`);
  }
}

function readPreamble(plan: SourcePlan, cells: string[]): void {
  const filled = cells.filter((c) => c !== '');
  const [key, value] = filled;
  if (filled.length === 2 && /^(?:plan\s*)?title:?$/i.test(key)) plan.title = value;
  else if (filled.length === 2 && /^period:?$/i.test(key)) plan.period = value;
  else if (filled.length !== 1) return;
  else if (/^\d+[.)]\s/.test(key)) plan.objectives.push(key.replace(/^\d+[.)]\s+/, ''));
  else if (plan.period === '' && isPeriod(key)) plan.period = key;
  else if (plan.title === '') plan.title = key;
}

/** Reads a CSV plan: optional title rows, a header row with flexible names, then one row per action. */
export function readCsv(text: string, file: string): SourcePlan {
  const plan: SourcePlan = { file, title: '', period: '', objectives: [], rows: [], warnings: [] };
  const rows = records(text, file).filter((r) => r.cells.some((c) => c !== ''));
  const headerAt = rows.findIndex((r) => mapColumns(r.cells).title !== undefined);
  if (headerAt < 0) {
    throw new ImportError(
      'IMPORT_NO_ACTION_COLUMN',
      file,
      rows[0]?.line ?? null,
      null,
      'no row names a column for the action (such as "Key Actions", "Action" or "Description").',
    );
  }
  rows.slice(0, headerAt).forEach((r) => readPreamble(plan, r.cells));
  if (plan.title === '') plan.title = basename(file, extname(file));
  let columns: ColumnMap = mapColumns(rows[headerAt].cells);
  let theme = '';
  for (const { line, cells } of rows.slice(headerAt + 1)) {
    const again = mapColumns(cells);
    if (again.title !== undefined && cells[again.title.index] === again.title.header) {
      columns = again;
      continue;
    }
    const filled = cells.filter((c) => c !== '');
    if (columns.theme === undefined && filled.length === 1 && cells[0] !== '' && looksLikeHeading(cells[0])) {
      theme = cells[0];
      continue;
    }
    plan.rows.push({ line, theme, cells: cellsFor(columns, cells), columns });
  }
  return plan;
}
