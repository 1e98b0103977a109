import { fieldForHeader } from './columns.js';
import type { ColumnMap } from './types.js';

/** A column the importer has no field for, by position and header as written. */
export interface ExtraColumn {
  index: number;
  header: string;
}

/** Columns beyond the mapped fields: one progress-like column read as the notes (when there is no notes column), the rest kept. */
export interface Extras {
  notes?: ExtraColumn;
  kept: ExtraColumn[];
  /** "Latest update" and "Latest update on", as the bot's own exports write them: read from the history, not the file */
  fromHistory: ExtraColumn[];
  /** "Named owner", as the bot's own exports write it: owners are people named in chat, never read from a file */
  fromChat: ExtraColumn[];
}

/** The columns the bot's exports add from the history (bot/plan/export-table.ts); recognised only as the pair. */
const FROM_HISTORY = ['latestupdate', 'latestupdateon'];

/** The column the bot's exports add for a named owner (bot/plan/export-table.ts OWNER_HEADER). */
const FROM_CHAT = 'namedowner';

/** Header names that hold an action's latest progress: read as the notes when the plan has no notes column. */
const NOTES_LIKE = new Set([
  'update',
  'latestupdate',
  'progress',
  'progresstodate',
  'currentposition',
  'position',
  'comment',
  'updatecomments',
  'commentsupdate',
  'statusupdate',
  'ragcomments',
  'evidence',
  'evidenceofprogress',
  'progressandevidence',
]);

const squash = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Whether a header names a progress-like column (Update, Progress, Evidence...). */
export function isNotesLike(header: string): boolean {
  return NOTES_LIKE.has(squash(header));
}

/** The header cells that no field took: the first progress-like one becomes the notes if there are none; the others are kept. */
export function extraColumns(headers: string[], columns: ColumnMap): Extras {
  const taken = new Set(Object.values(columns).map((c) => c.index));
  const extras: Extras = { kept: [], fromHistory: [], fromChat: [] };
  const exported = FROM_HISTORY.every((name) => headers.some((h) => squash(h) === name));
  headers.forEach((raw, index) => {
    const header = raw.replace(/\s+/g, ' ').trim();
    if (header === '' || taken.has(index)) return;
    if (exported && FROM_HISTORY.includes(squash(header))) extras.fromHistory.push({ index, header });
    else if (squash(header) === FROM_CHAT) extras.fromChat.push({ index, header });
    else if (columns.notes === undefined && extras.notes === undefined && isNotesLike(header) && fieldForHeader(header) === null)
      extras.notes = { index, header };
    else extras.kept.push({ index, header });
  });
  return extras;
}

/** What the importer says about the columns it did not read as a field: the bot's own owner column, and each column kept as an extra field. */
export function unmappedColumnWarnings(line: number, extras: Pick<Extras, 'fromChat' | 'kept'>): string[] {
  return [
    ...extras.fromChat.map(
      (e) =>
        `Line ${line}: the column "${e.header}" comes from the bot (owners are named in chat, by who they are, not by a name in a file) and was not imported.`,
    ),
    ...extras.kept.map(
      (e) => `Line ${line}: the column "${e.header}" is not one the importer maps; it was kept with each action as an extra field.`,
    ),
  ];
}
