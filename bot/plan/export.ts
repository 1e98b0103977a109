import { stringify } from 'csv-stringify/sync';
import type { PlanView } from './types.js';
import { ragWords } from './types.js';

/** The JSON export: { plans: [ { title, period, themes, actions: [...] } ] }. */
export function exportJson(plans: PlanView[]): string {
  const out = {
    plans: plans.map((p) => ({
      partnership: p.partnership,
      title: p.title,
      period: p.period,
      themes: p.themes,
      actions: p.actions.map((a) => ({
        ref: a.ref,
        theme: a.theme,
        title: a.title,
        deadlineText: a.deadlineText,
        dueDate: a.dueDate,
        outcome: a.outcome,
        leads: a.leads,
        notes: a.notes,
        rag: a.rag,
      })),
    })),
  };
  return JSON.stringify(out, null, 2);
}

const CSV_HEADER = ['No.', 'Theme', 'Key Actions', 'Deadline', 'Outcome', 'Responsibility/Lead', 'Notes', 'RAG rating'];

/** The CSV export: one row per action, in the column names the importer reads back; leads one per line; cells that a spreadsheet would run as formulas (=, +, -, @, tab, carriage return) start with an apostrophe. */
export function exportCsv(plan: PlanView): string {
  const rows = plan.actions.map((a) => [
    String(a.ref),
    a.theme,
    a.title,
    a.deadlineText,
    a.outcome,
    a.leads.join('\n'),
    a.notes,
    ragWords(a.rag),
  ]);
  return stringify([CSV_HEADER, ...rows], { escape_formulas: true });
}

const mdCell = (text: string) =>
  text
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, '<br>')
    .trim();

/** The Markdown export: the plan's title and period, then one table per theme with the current RAG. */
export function exportMarkdown(plan: PlanView): string {
  const lines = [`# ${plan.title}`, '', plan.period ? `${plan.period}` : '', ''];
  for (const theme of plan.themes) {
    const actions = plan.actions.filter((a) => a.theme === theme);
    if (!actions.length) continue;
    lines.push(
      `## ${theme}`,
      '',
      '| No. | Key Actions | Deadline | Outcome | Responsibility/Lead | Notes | RAG rating |',
      '|---|---|---|---|---|---|---|',
    );
    for (const a of actions) {
      lines.push(
        `| ${a.ref} | ${mdCell(a.title)} | ${mdCell(a.deadlineText)} | ${mdCell(a.outcome)} | ${mdCell(a.leads.join(' / '))} | ${mdCell(a.notes)} | ${ragWords(a.rag)} |`,
      );
    }
    lines.push('');
  }
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n');
}
