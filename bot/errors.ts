/** Stable error codes: logs and tests match on these, users see the message. */
export const ERROR_CODES = [
  'IMPORT_UNREADABLE',
  'IMPORT_EMPTY',
  'IMPORT_NO_ACTION_COLUMN',
  'IMPORT_BAD_RAG',
  'IMPORT_BAD_ROW',
  'IMPORT_TOO_LARGE',
  'CONFIG_INVALID',
  'NOT_FOUND',
  'FORBIDDEN',
  'STALE_VERSION',
  'INVALID_INPUT',
  'DATABASE_BUSY',
  'PERSONAL_DATA_REFUSED',
  'DATABASE_NEWER',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error the user can be told about: a stable code and a British-English message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** A plan file that cannot be imported; the message names the file, line and column. */
export class ImportError extends AppError {
  constructor(
    code: ErrorCode,
    readonly file: string,
    readonly line: number | null,
    readonly column: string | null,
    problem: string,
  ) {
    const where = [file, line === null ? null : `line ${line}`, column === null ? null : `column "${column}"`].filter(Boolean).join(', ');
    super(code, `${where}: ${problem}`, { file, line, column });
    this.name = 'ImportError';
  }
}
