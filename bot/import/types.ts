import type { ActionFields, OrganisationInfo, Rag } from '../plan/types.js';

/** One action read from a plan file, before it is stored. */
export interface ImportedAction extends ActionFields {
  /** the action's number as the plan writes it ("1.1", "2.3a", "7"); ref is its place in the plan's order */
  label: string;
  theme: string;
  /** columns the importer does not map, by header as written, in column order */
  extras: Record<string, string>;
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
  /** unmapped columns by header as written (formats that keep them) */
  extras?: Record<string, string>;
  /** the RAG the RAG cell's fill colour stands for, when the format has colours */
  ragColour?: Rag | null;
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

/** Choices for one import: extra RAG words, and the date that deadlines without a year are read against. */
export interface ImportOptions {
  /** extra words for RAG ratings, in lower case ("delayed" -> AMBER), from `--map "Delayed=AMBER"` */
  ragWords?: Record<string, Rag>;
  /** YYYY-MM-DD: "end of March" means the next end of March on or after this day */
  today?: string;
}

/** One row of a table as text cells (merged cells: the text in the first, the rest empty), with the line or row it came from. */
export interface GridRow {
  line: number;
  cells: string[];
  /** the RAG a cell's fill colour stands for, where the format has colours (Excel) */
  colours?: (Rag | null)[];
  /** a paragraph outside any table (Word): a heading names a theme, other text is reported, never read as an action */
  paragraph?: boolean;
}
