import { ImportError } from '../errors.js';
import { parseDeadline } from '../plan/deadlines.js';
import { parseTarget } from '../plan/targets.js';
import type { OrganisationInfo, Rag } from '../plan/types.js';
import { appendText } from './cell-text.js';
import { buildDirectory, knownNameInside, resolveLeads, type Directory } from './leads.js';
import { type AssignedRef, assignRefs } from './numbering.js';
import { parseRag, RAG_WORDS_HELP } from './rag.js';
import { resolveReferences, type Reference } from './references.js';
import type { ImportedAction, ImportedPlan, ImportOptions, SourcePlan, SourceRow } from './types.js';

/** The theme given to actions that come before any section heading. */
export const DEFAULT_THEME = 'General';

interface Draft {
  row: SourceRow;
  rag: Rag;
  text: { title: string; outcome: string; leads: string; notes: string };
  extras: Record<string, string>;
}

const cell = (row: SourceRow, field: keyof SourceRow['cells']): string => row.cells[field]?.trim() ?? '';

function isContinuation(row: SourceRow): boolean {
  const { ref, deadline, rag } = row.columns;
  if (ref === undefined && deadline === undefined && rag === undefined) return false;
  return cell(row, 'ref') === '' && cell(row, 'deadline') === '' && cell(row, 'rag') === '';
}

function readRag(row: SourceRow, file: string, options: ImportOptions, warnings: string[]): Rag {
  const written = cell(row, 'rag');
  const rag = parseRag(written, options.ragWords);
  if (rag !== null && !(rag === 'UNRATED' && written === '' && row.ragColour)) return rag;
  const word = written.replace(/\s+/g, ' ');
  if (row.ragColour) {
    if (written !== '') warnings.push(`Line ${row.line}: "${word}" is not a RAG rating; the cell's colour, ${row.ragColour}, was used.`);
    return row.ragColour;
  }
  throw new ImportError(
    'IMPORT_BAD_RAG',
    file,
    row.line,
    row.columns.rag?.header ?? 'RAG',
    `"${word}" is not a RAG rating; use ${RAG_WORDS_HELP}.`,
  );
}

function draftRows(source: SourcePlan, options: ImportOptions): Draft[] {
  const drafts: Draft[] = [];
  for (const row of source.rows) {
    if (Object.values(row.cells).every((text) => (text ?? '').trim() === '')) continue;
    const previous = drafts.at(-1);
    if (isContinuation(row)) {
      if (previous === undefined) {
        source.warnings.push(`Line ${row.line}: this row continues an action, but no action comes before it; it was not imported.`);
        continue;
      }
      for (const key of ['title', 'outcome', 'leads', 'notes'] as const) {
        previous.text[key] = appendText(previous.text[key], cell(row, key));
      }
      for (const [header, more] of Object.entries(row.extras ?? {}))
        previous.extras[header] = appendText(previous.extras[header] ?? '', more.trim());
      continue;
    }
    const text = { title: cell(row, 'title'), outcome: cell(row, 'outcome'), leads: cell(row, 'leads'), notes: cell(row, 'notes') };
    const extras = Object.fromEntries(
      Object.entries(row.extras ?? {})
        .map(([header, value]) => [header, value.trim()])
        .filter(([, value]) => value !== ''),
    );
    drafts.push({ row, rag: readRag(row, source.file, options, source.warnings), text, extras });
  }
  return drafts;
}

function targetOf(...fields: string[]): number | null {
  for (const line of fields.flatMap((field) => field.split('\n'))) {
    const target = parseTarget(line);
    if (target !== null) return target;
  }
  return null;
}

function toAction(draft: Draft, { ref, label }: AssignedRef, directory: Directory, warnings: string[], today?: string): ImportedAction {
  const { row, text } = draft;
  const deadlineText = cell(row, 'deadline').replace(/\s+/g, ' ');
  const deadline = parseDeadline(deadlineText, today);
  const title = text.title.replace(/\s+/g, ' ');
  if (title === '') warnings.push(`Line ${row.line}: action ${label} has no action text.`);
  const leads = resolveLeads(text.leads, directory);
  for (const lead of leads.filter((l) => !l.known)) {
    const inside = knownNameInside(lead.name, directory);
    if (inside !== null)
      warnings.push(`Line ${row.line}: lead "${lead.name}" was kept as a new organisation, although it mentions "${inside}".`);
  }
  return {
    ref,
    label,
    theme: cell(row, 'theme').replace(/\s+/g, ' ') || row.theme || DEFAULT_THEME,
    title,
    deadlineText,
    dueDate: deadline.dueDate,
    recurrence: deadline.recurrence,
    outcome: text.outcome,
    leads: leads.map((l) => l.name),
    notes: text.notes,
    rag: draft.rag,
    target: targetOf(title, text.outcome, text.notes),
    extras: draft.extras,
    line: row.line,
  };
}

function organisationsNamed(actions: ImportedAction[], directory: Directory): OrganisationInfo[] {
  const spelling = new Map<string, string>();
  const firstSpelling = (name: string): string => {
    const key = name.toLowerCase();
    if (!spelling.has(key)) spelling.set(key, name);
    return spelling.get(key) as string;
  };
  for (const action of actions) action.leads = action.leads.map(firstSpelling);
  return [...spelling.values()].map((name) => {
    const known = directory.byName.get(name);
    return known ? { name, aliases: [...known.aliases] } : { name, aliases: [] };
  });
}

/** Turns the rows a file format read into a plan: continuations joined, numbers given, leads and deadlines read. */
export function assemblePlan(source: SourcePlan, known: OrganisationInfo[], options: ImportOptions = {}): ImportedPlan {
  const directory = buildDirectory(known);
  const warnings = source.warnings;
  const drafts = draftRows(source, options);
  const hasRefs = drafts.some((d) => d.row.columns.ref !== undefined);
  const refs = assignRefs(
    drafts.map((d) => ({ text: hasRefs ? cell(d.row, 'ref') : null, line: d.row.line })),
    warnings,
  );
  const actions = drafts.map((draft, i) =>
    toAction(draft, refs[i] ?? { ref: i + 1, label: String(i + 1) }, directory, warnings, options.today),
  );
  const references: Reference[] = actions.flatMap((action) => {
    const refersTo = parseDeadline(action.deadlineText, options.today).refersTo;
    return refersTo === null ? [] : [{ action, refersTo }];
  });
  resolveReferences(actions, references, warnings);
  return {
    title: source.title,
    period: source.period,
    objectives: source.objectives,
    themes: [...new Set(actions.map((action) => action.theme))],
    actions,
    organisations: organisationsNamed(actions, directory),
    warnings,
  };
}
