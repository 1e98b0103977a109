import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportError } from '../errors.js';
import type { Rag } from '../plan/types.js';
import { cleanCell } from './cell-text.js';
import { mapColumns } from './columns.js';
import type { GridRow } from './grid.js';
import { checkRowCount } from './limits.js';
import { ragOfColour } from './colours.js';
import { logger } from '../logger.js';

const log = logger('import');

/** The rows of the first sheet that has a header row naming the action column, and the other sheets that look like plans too. */
export interface XlsxSheet {
  name: string;
  rows: GridRow[];
  otherPlans: string[];
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A cell as text: dates as DD/MM/YYYY (as British spreadsheets show them), formulas by their result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

function fillColour(cell: ExcelJS.Cell): Rag | null {
  const fill = cell.fill;
  if (fill?.type !== 'pattern' || fill.pattern !== 'solid') return null;
  return ragOfColour(fill.fgColor?.argb ?? null);
}

const hasHeader = (rows: GridRow[]): boolean => rows.some((row) => mapColumns(row.cells).title !== undefined);

/**
 * Reads an Excel workbook as a stream (bounded memory): merged cells give their text once, fill colours are kept for RAG.
 * A read that fails for a reason other than what the file holds is tried once more before the file is called unreadable:
 * the streaming reader (which parks a worksheet in a temporary file when it comes before the shared strings) failed
 * once on a valid workbook while the machine was busy, and a coordinator should not be told a good file is bad.
 */
export async function readXlsxRows(bytes: Uint8Array, file: string): Promise<XlsxSheet> {
  try {
    return await readOnce(bytes, file);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    log.warn({ file, reason: reasonOf(error) }, 'Could not read a workbook; reading it once more');
  }
  try {
    return await readOnce(bytes, file);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    log.warn({ file, reason: reasonOf(error) }, 'Could not read a workbook the second time either');
    throw new ImportError('IMPORT_UNREADABLE', file, null, null, 'the file is not an Excel workbook that can be read (.xlsx).');
  }
}

/** What went wrong, without the file's contents: the error's name and code, and its message's first line, cut short. */
function reasonOf(error: unknown): string {
  const { name = 'Error', code = '', message = '' } = (error ?? {}) as { name?: string; code?: string; message?: string };
  return `${name}${code ? ` ${code}` : ''}: ${String(message).split('\n')[0]?.slice(0, 120)}`;
}

async function readOnce(bytes: Uint8Array, file: string): Promise<XlsxSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let chosen: XlsxSheet | null = null;
  const otherPlans: string[] = [];
  let total = 0;
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name?: string }).name ?? `Sheet ${otherPlans.length + 1}`;
    const rows: GridRow[] = [];
    for await (const row of sheet) {
      checkRowCount(file, ++total);
      const cells: string[] = [];
      const colours: (Rag | null)[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cleanCell(cellText(cell.value));
        colours[column - 1] = fillColour(cell);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      if (chosen === null) rows.push({ line: row.number, cells, colours });
      else if (rows.length < 50) rows.push({ line: row.number, cells });
    }
    if (chosen === null && hasHeader(rows)) chosen = { name, rows, otherPlans };
    else if (chosen !== null && hasHeader(rows)) otherPlans.push(name);
  }
  return chosen ?? { name: '', rows: [], otherPlans };
}
