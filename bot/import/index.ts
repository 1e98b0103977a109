import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ImportError } from '../errors.js';
import type { OrganisationInfo } from '../plan/types.js';
import { assemblePlan } from './assemble.js';
import { readCsv } from './csv.js';
import { decodeText, type TextEncoding } from './decode.js';
import { readGrid } from './grid.js';
import { checkFileSize, MAX_ACTIONS, tooLarge } from './limits.js';
import { readMarkdown } from './markdown.js';
import type { ImportedPlan, ImportOptions, SourcePlan } from './types.js';

export { describeImport } from './describe.js';
export { DEFAULT_ORGANISATIONS } from './known-organisations.js';
export type { ImportedAction, ImportedPlan, ImportOptions } from './types.js';

const READERS: Record<string, (text: string, file: string) => SourcePlan> = {
  '.md': readMarkdown,
  '.markdown': readMarkdown,
  '.txt': readMarkdown,
  '.csv': readCsv,
  '.tsv': readCsv,
};

/** The file types the importer reads, for messages. */
export const READABLE_TYPES = 'Excel (.xlsx), Word (.docx), CSV (.csv) and Markdown (.md, .markdown, .txt)';

function finish(source: SourcePlan, fileName: string, known: OrganisationInfo[], options: ImportOptions): ImportedPlan {
  const plan = assemblePlan(source, known, options);
  if (plan.actions.length === 0) throw new ImportError('IMPORT_EMPTY', fileName, null, null, 'the file has no actions.');
  if (plan.actions.length > MAX_ACTIONS) throw tooLarge(fileName, `the file has ${plan.actions.length.toLocaleString('en-GB')} actions`);
  return plan;
}

/** Reads a plan from its text, choosing Markdown or CSV by the file name's extension. */
export function parsePlanText(text: string, fileName: string, known: OrganisationInfo[], options: ImportOptions = {}): ImportedPlan {
  const reader = READERS[extname(fileName).toLowerCase()];
  if (reader === undefined) {
    throw new ImportError(
      'IMPORT_UNREADABLE',
      fileName,
      null,
      null,
      'only Markdown (.md, .markdown, .txt) and CSV (.csv) plans can be read as text; Excel (.xlsx) and Word (.docx) files are read from their bytes.',
    );
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new ImportError('IMPORT_EMPTY', fileName, null, null, 'the file is empty.');
  return finish(reader(text, fileName), fileName, known, options);
}

/** A plan read from a file's bytes, with how it was read (for the report). */
export interface ReadPlan {
  plan: ImportedPlan;
  format: 'xlsx' | 'docx' | 'csv' | 'markdown';
  /** the text encoding detected, for CSV and Markdown */
  encoding: TextEncoding | null;
}

/** Excel's "Unicode text" (.txt): tab-separated lines and no Markdown table. */
function isTabSeparated(text: string): boolean {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return !lines.some((line) => line.trim().startsWith('|')) && lines.some((line) => line.split('\t').length > 2);
}

/** The one import pipeline: Excel, Word, CSV or Markdown bytes (any common text encoding) into a plan; nothing is saved here. */
export async function parsePlanBytes(
  bytes: Uint8Array,
  fileName: string,
  known: OrganisationInfo[],
  options: ImportOptions = {},
): Promise<ReadPlan> {
  checkFileSize(fileName, bytes.length);
  const type = extname(fileName).toLowerCase();
  if (bytes.length === 0) throw new ImportError('IMPORT_EMPTY', fileName, null, null, 'the file is empty.');
  if (type === '.xlsx' || type === '.xlsm') {
    // exceljs and mammoth are loaded when a file of theirs first arrives, not at start-up (memory, start-up time)
    const { readXlsxRows } = await import('./xlsx.js');
    const sheet = await readXlsxRows(bytes, fileName);
    const source = readGrid(sheet.rows, fileName);
    if (sheet.otherPlans.length)
      source.warnings.push(
        `Only the sheet "${sheet.name}" was imported; these sheets look like plans too: ${sheet.otherPlans.join(', ')}.`,
      );
    return { plan: finish(source, fileName, known, options), format: 'xlsx', encoding: null };
  }
  if (type === '.docx') {
    const { readDocxRows } = await import('./docx.js');
    const rows = await readDocxRows(bytes, fileName);
    return { plan: finish(readGrid(rows, fileName), fileName, known, options), format: 'docx', encoding: null };
  }
  if (type === '.xls' || type === '.doc')
    throw new ImportError('IMPORT_UNREADABLE', fileName, null, null, `this is an old Office file; save it as ${type}x and import that.`);
  if (READERS[type] === undefined)
    throw new ImportError('IMPORT_UNREADABLE', fileName, null, null, `only ${READABLE_TYPES} plans can be imported.`);
  const { text, encoding } = decodeText(bytes);
  if (type === '.txt' && isTabSeparated(text)) {
    if (text.trim() === '') throw new ImportError('IMPORT_EMPTY', fileName, null, null, 'the file is empty.');
    return { plan: finish(readCsv(text, fileName), fileName, known, options), format: 'csv', encoding };
  }
  const plan = parsePlanText(text, fileName, known, options);
  return { plan, format: type === '.csv' || type === '.tsv' ? 'csv' : 'markdown', encoding };
}

/** Reads a plan file from disk and imports it (refusing files over the size limit before reading them). */
export async function readPlanFile(path: string, known: OrganisationInfo[], options: ImportOptions = {}): Promise<ImportedPlan> {
  return (await readPlanFileWithInfo(path, known, options)).plan;
}

/** As readPlanFile, with the format and encoding it was read in. */
export async function readPlanFileWithInfo(path: string, known: OrganisationInfo[], options: ImportOptions = {}): Promise<ReadPlan> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isFile()) checkFileSize(path, info.size);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : 'the file could not be read';
    throw new ImportError('IMPORT_UNREADABLE', path, null, null, `${reason}.`);
  }
  return parsePlanBytes(bytes, path, known, options);
}
