import { ImportError } from '../errors.js';

/** The largest plan file the importer reads, in bytes (20 MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The most actions one plan may have. */
export const MAX_ACTIONS = 5000;
/** The most table rows read before giving up: actions, continuation rows, section rows and spacers. */
export const MAX_ROWS = 25_000;

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The one message for a file too large to import; nothing is saved. */
export function tooLarge(file: string, what: string): ImportError {
  return new ImportError(
    'IMPORT_TOO_LARGE',
    file,
    null,
    null,
    `${what}; a plan can have at most ${MAX_ACTIONS.toLocaleString('en-GB')} actions in a file of at most ${megabytes(MAX_FILE_BYTES)}. Nothing was imported: split the plan into smaller files.`,
  );
}

/** Refuses a file larger than the limit, before reading it. */
export function checkFileSize(file: string, bytes: number): void {
  if (bytes > MAX_FILE_BYTES) throw tooLarge(file, `the file is ${megabytes(bytes)}`);
}

/** Refuses more rows than any plan within the limit needs; called as rows are read, so a huge file stops early. */
export function checkRowCount(file: string, rows: number): void {
  if (rows > MAX_ROWS) throw tooLarge(file, `the file has more than ${MAX_ROWS.toLocaleString('en-GB')} rows`);
}
