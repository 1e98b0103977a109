import { CsvError, parse } from 'csv-parse/sync';
import { ImportError } from '../errors.js';
import { cleanCell } from './cell-text.js';
import { type GridRow, readGrid } from './grid.js';
import { checkRowCount, MAX_ROWS } from './limits.js';
import type { SourcePlan } from './types.js';

/** The delimiter the first lines use most: comma, semicolon (Excel in much of Europe) or tab (Excel's "Unicode text"). */
function delimiterOf(text: string): string {
  const first = text
    .slice(0, 20_000)
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 10)
    .join('\n');
  const count = (ch: string): number => first.split(ch).length - 1;
  return [';', '\t'].find((ch) => count(ch) > count(',')) ?? ',';
}

function records(text: string, file: string): GridRow[] {
  try {
    const options = { bom: true, info: true, relax_column_count: true, delimiter: delimiterOf(text), to: MAX_ROWS + 1 };
    const parsed = parse(text, options) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    checkRowCount(file, parsed.length);
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

/** Reads a CSV plan: optional title rows, a header row with flexible names, then one row per action. */
export function readCsv(text: string, file: string): SourcePlan {
  return readGrid(records(text, file), file);
}
