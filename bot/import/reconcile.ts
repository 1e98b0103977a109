import type { PlanStatus, Rag, Recurrence } from '../plan/types.js';
import type { ImportedAction, ImportedPlan } from './types.js';

/** An action as the plan holds it now, with whether a person changed it (in chat or on a card) since an import last set it. */
export interface CurrentAction {
  id: number;
  ref: number;
  label: string;
  theme: string;
  title: string;
  deadlineText: string;
  dueDate: string | null;
  recurrence: Recurrence | null;
  outcome: string;
  notes: string;
  rag: Rag;
  target: number | null;
  leads: string[];
  extras: Record<string, string>;
  changedSinceImport: boolean;
  /** fields a person edited in chat or on the card since an import last set them (wording, target date, leads, theme) */
  editedSinceImport?: EditedField[];
}

/** The fields of an action a person can edit in chat that an import also sets. */
export type EditedField = 'title' | 'deadline' | 'leads' | 'theme';

/** A field edited in chat since the last import that the file says otherwise: whose value the import keeps. */
export interface EditConflict {
  label: string;
  field: EditedField;
  plan: string;
  file: string;
  kept: 'plan' | 'file';
}

/** An action changed in chat since the last import whose RAG or notes the file says otherwise. */
export interface Conflict {
  label: string;
  title: string;
  plan: { rag: Rag; notes: string };
  file: { rag: Rag; notes: string };
  /** whose RAG and notes the import keeps */
  kept: 'plan' | 'file';
}

/** One existing action the file changes: the values to save and what people should read in its history. */
export interface ActionChange {
  before: CurrentAction;
  after: ImportedAction;
  /** the RAG and notes to save (the plan's, when it was changed in chat since and the coordinator did not prefer the file) */
  rag: Rag;
  notes: string;
  leadsChanged: boolean;
  /** "target date moved from … to …", "reworded (was "…")", "leads changed from … to …", "RAG AMBER to GREEN" */
  described: string[];
}

/** What importing a file would do to the plan, worked out before anything is saved. */
export interface ImportDiff {
  created: ImportedAction[];
  changed: ActionChange[];
  unchanged: number;
  conflicts: Conflict[];
  /** fields edited in chat since the last import that the file says otherwise */
  editConflicts: EditConflict[];
  /** labels of actions in the plan that the file does not have (kept) */
  missing: string[];
}

/** Whether the coordinator keeps newer chat changes (the default) or takes the file's RAG and notes. */
export type Prefer = 'plan' | 'file';

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const sameLeads = (a: string[], b: string[]): boolean =>
  sameJson(
    a.map((l) => l.toLowerCase()),
    b.map((l) => l.toLowerCase()),
  );
const quote = (text: string): string => `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
const deadlineOf = (text: string): string => (text === '' ? 'none' : quote(text));

function describe(before: CurrentAction, after: ImportedAction, rag: Rag): string[] {
  const out: string[] = [];
  if (before.rag !== rag) out.push(`RAG ${before.rag} to ${rag}`);
  if (before.deadlineText !== after.deadlineText || before.dueDate !== after.dueDate)
    out.push(`target date moved from ${deadlineOf(before.deadlineText)} to ${deadlineOf(after.deadlineText)}`);
  if (before.title !== after.title) out.push(`reworded (was ${quote(before.title)})`);
  if (!sameLeads(before.leads, after.leads))
    out.push(`leads changed from ${before.leads.join(', ') || 'none'} to ${after.leads.join(', ') || 'none'}`);
  if (before.theme !== after.theme) out.push(`moved from theme "${before.theme}" to "${after.theme}"`);
  return out;
}

function isSame(before: CurrentAction, after: ImportedAction, rag: Rag, notes: string): boolean {
  return (
    before.rag === rag &&
    before.notes === notes &&
    before.ref === after.ref &&
    before.theme === after.theme &&
    before.title === after.title &&
    before.deadlineText === after.deadlineText &&
    before.dueDate === after.dueDate &&
    before.recurrence === after.recurrence &&
    before.outcome === after.outcome &&
    before.target === after.target &&
    sameLeads(before.leads, after.leads) &&
    sameJson(before.extras, after.extras)
  );
}

const EDIT_WORDS: Record<EditedField, (a: Pick<CurrentAction, 'title' | 'deadlineText' | 'leads' | 'theme'>) => string> = {
  title: (a) => a.title,
  deadline: (a) => a.deadlineText,
  leads: (a) => a.leads.join(', '),
  theme: (a) => a.theme,
};

/** The file's action with the fields edited in chat since the last import kept as the plan has them (unless the file is preferred). */
function keepEdits(before: CurrentAction, after: ImportedAction, prefer: Prefer): { after: ImportedAction; conflicts: EditConflict[] } {
  const conflicts: EditConflict[] = [];
  const kept: ImportedAction = { ...after };
  for (const field of before.editedSinceImport ?? []) {
    const plan = EDIT_WORDS[field](before);
    const file = EDIT_WORDS[field](after);
    if (field === 'leads' ? sameLeads(before.leads, after.leads) : plan === file) continue;
    conflicts.push({ label: before.label, field, plan, file, kept: prefer });
    if (prefer === 'file') continue;
    if (field === 'title') kept.title = before.title;
    if (field === 'deadline')
      Object.assign(kept, { deadlineText: before.deadlineText, dueDate: before.dueDate, recurrence: before.recurrence });
    if (field === 'leads') kept.leads = [...before.leads];
    if (field === 'theme') kept.theme = before.theme;
  }
  return { after: kept, conflicts };
}

/** Compares a file with the plan as it is: actions are matched by their written number; newer chat changes win unless prefer is 'file'. */
export function diffImport(current: CurrentAction[], plan: ImportedPlan, prefer: Prefer = 'plan'): ImportDiff {
  const byLabel = new Map(current.map((a) => [a.label.toLowerCase(), a]));
  const diff: ImportDiff = { created: [], changed: [], unchanged: 0, conflicts: [], editConflicts: [], missing: [] };
  const seen = new Set<string>();
  for (const fileAction of plan.actions) {
    const key = fileAction.label.toLowerCase();
    seen.add(key);
    const before = byLabel.get(key);
    if (before === undefined) {
      diff.created.push(fileAction);
      continue;
    }
    const edits = keepEdits(before, fileAction, prefer);
    diff.editConflicts.push(...edits.conflicts);
    const after = edits.after;
    const disagrees = before.rag !== after.rag || before.notes !== after.notes;
    const keepPlan = before.changedSinceImport && disagrees && prefer === 'plan';
    if (before.changedSinceImport && disagrees)
      diff.conflicts.push({
        label: before.label,
        title: before.title,
        plan: { rag: before.rag, notes: before.notes },
        file: { rag: after.rag, notes: after.notes },
        kept: prefer,
      });
    const rag = keepPlan ? before.rag : after.rag;
    const notes = keepPlan ? before.notes : after.notes;
    if (isSame(before, after, rag, notes)) {
      diff.unchanged++;
      continue;
    }
    const leadsChanged = !sameLeads(before.leads, after.leads);
    diff.changed.push({ before, after, rag, notes, leadsChanged, described: describe(before, after, rag) });
  }
  diff.missing = current.filter((a) => !seen.has(a.label.toLowerCase())).map((a) => a.label);
  return diff;
}

/** A preview of an import: whether the plan is already there, and what the file would change. */
export interface ImportPreview {
  planExists: boolean;
  diff: ImportDiff;
  /** the title of the live plan (the one people ask about and update), or null when the partnership has none */
  livePlan?: string | null;
  /** the title of the file's plan, and its period */
  title?: string;
  period?: string;
  /** the status of the plan with the file's title, when there is one */
  existingStatus?: PlanStatus | null;
  /** the live plan's title and period */
  live?: { title: string; period: string } | null;
  /** the import is asked to make the file's plan live */
  makeLive?: boolean;
}
