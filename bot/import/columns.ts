import type { ColumnMap, Field } from './types.js';

/** Header names each field answers to, compared in lower case with punctuation and spaces removed. */
const HEADER_NAMES: Record<Field, string[]> = {
  ref: ['no', 'ref', 'refno', 'number', 'reference', 'actionno', 'actionnumber', 'actionref', 'id'],
  theme: [
    'theme',
    'section',
    'themes',
    'area',
    'workstream',
    'category',
    'objective',
    'objectives',
    'strategicobjective',
    'priority',
    'priorityarea',
  ],
  title: ['keyactions', 'keyaction', 'description', 'action', 'actions', 'actiondescription'],
  deadline: ['deadline', 'bynotlaterthan', 'due', 'duedate', 'deadlines', 'timescale', 'timescales', 'bywhen', 'targetdate'],
  outcome: ['outcome', 'outcomes', 'milestonesoutcomes', 'milestones', 'expectedoutcome', 'expectedoutcomes'],
  leads: ['responsibilitylead', 'partnersandresources', 'lead', 'leads', 'responsibility', 'owner', 'leadorganisation', 'leadagency'],
  notes: ['notes', 'note', 'comments', 'commentary', 'progressnotes', 'updates', 'progressupdate'],
  rag: ['ragrating', 'rag', 'status', 'ragstatus', 'brag', 'bragrating', 'bragstatus'],
};

const LOOKUP = new Map<string, Field>(
  Object.entries(HEADER_NAMES).flatMap(([field, names]) => names.map((name) => [name, field as Field] as const)),
);

/** The field a header cell names, or null when it is not one we know. */
export function fieldForHeader(header: string): Field | null {
  if (header.length > 80) return null;
  const trimmed = header.trim();
  if (trimmed === '#') return 'ref';
  return LOOKUP.get(trimmed.toLowerCase().replace(/[^a-z0-9]/g, '')) ?? null;
}

/** Maps a header row to fields; the first column wins when two headers name the same field. */
export function mapColumns(headers: string[]): ColumnMap {
  const map: ColumnMap = {};
  headers.forEach((header, index) => {
    const field = fieldForHeader(header);
    if (field !== null && map[field] === undefined) map[field] = { index, header: header.trim() };
  });
  return map;
}

/** Picks each mapped field's text out of a row of cells. */
export function cellsFor(columns: ColumnMap, cells: string[]): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const [field, column] of Object.entries(columns) as [Field, { index: number }][]) {
    out[field] = cells[column.index] ?? '';
  }
  return out;
}
