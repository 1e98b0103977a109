import { dateIn } from './dates.js';
import type { PlanAction, PlanView, Rag } from './types.js';
import { ragWords } from './types.js';

/** The columns every export writes, in the names the importer reads back. */
export const EXPORT_HEADER = ['No.', 'Theme', 'Key Actions', 'Deadline', 'Outcome', 'Responsibility/Lead', 'Notes', 'RAG rating'];
/**
 * The action's named owner, as the plan shows them today, when any action has one. Owners are people, named in chat and
 * known by their platform id: the importer knows this column as the bot's own and never reads a person from it.
 */
export const OWNER_HEADER = 'Named owner';
/** The two columns added with the latest update; the importer knows them as its own and reads neither back. */
export const UPDATE_HEADER = ['Latest update', 'Latest update on'];

/** One exported cell: its text, and for the RAG cell the rating (so a spreadsheet can colour it). */
export interface ExportCell {
  text: string;
  rag?: Rag;
}

/** A plan as one table: header, then a row per action (extra columns the plan was imported with come after the RAG). */
export interface ExportTable {
  header: string[];
  rows: ExportCell[][];
}

function latestUpdate(action: PlanAction, timeZone: string): ExportCell[] {
  const last = action.lastUpdate;
  if (last === null) return [{ text: '' }, { text: '' }];
  const [year, month, day] = dateIn(new Date(last.at), timeZone).split('-');
  return [{ text: last.note ?? '' }, { text: `${day}/${month}/${year}` }];
}

/** The rows every export shares: CSV, Excel and (by its own layout) Markdown. */
export function exportTable(plan: PlanView, options: { updates: boolean }): ExportTable {
  const extras = [...new Set(plan.actions.flatMap((a) => Object.keys(a.extras ?? {})))];
  const owners = plan.actions.some((a) => a.owner);
  const header = [...EXPORT_HEADER, ...(owners ? [OWNER_HEADER] : []), ...extras, ...(options.updates ? UPDATE_HEADER : [])];
  const rows = plan.actions.map((a) => [
    ...[a.label, a.theme, a.title, a.deadlineText, a.outcome, a.leads.join('\n'), a.notes].map((text) => ({ text })),
    { text: ragWords(a.rag), rag: a.rag },
    ...(owners ? [{ text: a.owner?.name ?? '' }] : []),
    ...extras.map((name) => ({ text: a.extras?.[name] ?? '' })),
    ...(options.updates ? latestUpdate(a, plan.timeZone) : []),
  ]);
  return { header, rows };
}
