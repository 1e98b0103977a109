import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ImportError } from '../errors.js';
import type { OrganisationInfo } from '../plan/types.js';
import { assemblePlan } from './assemble.js';
import { readCsv } from './csv.js';
import { readMarkdown } from './markdown.js';
import type { ImportedPlan, SourcePlan } from './types.js';

export { describeImport } from './describe.js';
export { DEFAULT_ORGANISATIONS } from './known-organisations.js';
export type { ImportedAction, ImportedPlan } from './types.js';

const READERS: Record<string, (text: string, file: string) => SourcePlan> = {
  '.md': readMarkdown,
  '.markdown': readMarkdown,
  '.txt': readMarkdown,
  '.csv': readCsv,
};

/** Reads a plan from its text, choosing Markdown or CSV by the file name's extension. */
export function parsePlanText(text: string, fileName: string, known: OrganisationInfo[]): ImportedPlan {
  const reader = READERS[extname(fileName).toLowerCase()];
  if (reader === undefined) {
    throw new ImportError(
      'IMPORT_UNREADABLE',
      fileName,
      null,
      null,
      'only Markdown (.md, .markdown, .txt) and CSV (.csv) plans can be imported.',
    );
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new ImportError('IMPORT_EMPTY', fileName, null, null, 'the file is empty.');
  const plan = assemblePlan(reader(text, fileName), known);
  if (plan.actions.length === 0) throw new ImportError('IMPORT_EMPTY', fileName, null, null, 'the file has no actions.');
  return plan;
}

/** Reads a plan file from disk and imports it. */
export async function readPlanFile(path: string, known: OrganisationInfo[]): Promise<ImportedPlan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : 'the file could not be read';
    throw new ImportError('IMPORT_UNREADABLE', path, null, null, `${reason}.`);
  }
  return parsePlanText(text, path, known);
}
