import type { ActionFields, OrganisationInfo } from '../plan/types.js';

/** One action read from a plan file, before it is stored. */
export interface ImportedAction extends ActionFields {
  theme: string;
  /** canonical organisation names */
  leads: string[];
  /** source line where the action starts */
  line: number;
}

/** A whole plan read from a file. */
export interface ImportedPlan {
  title: string;
  period: string;
  objectives: string[];
  /** in document order */
  themes: string[];
  actions: ImportedAction[];
  /** every organisation the leads name: known ones with their aliases, new ones with aliases [] */
  organisations: OrganisationInfo[];
  /** anything that could not be placed, with line numbers */
  warnings: string[];
}

/** The columns an importer understands. */
export const FIELDS = ['ref', 'theme', 'title', 'deadline', 'outcome', 'leads', 'notes', 'rag'] as const;
export type Field = (typeof FIELDS)[number];

/** Which cell index holds each field, and the header as written (for error messages). */
export type ColumnMap = Partial<Record<Field, { index: number; header: string }>>;

/** One table row as text, cleaned of markup; list cells keep one item per line. */
export interface SourceRow {
  line: number;
  theme: string;
  cells: Partial<Record<Field, string>>;
  columns: ColumnMap;
}

/** What a file format gives the shared assembler. */
export interface SourcePlan {
  file: string;
  title: string;
  period: string;
  objectives: string[];
  rows: SourceRow[];
  warnings: string[];
}
