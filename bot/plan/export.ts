import { stringify } from 'csv-stringify/sync';
import type { PlanView } from './types.js';
import { ragWords } from './types.js';
import { exportTable } from './export-table.js';

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
        label: a.label,
        theme: a.theme,
        title: a.title,
        deadlineText: a.deadlineText,
        dueDate: a.dueDate,
        outcome: a.outcome,
        leads: a.leads,
        notes: a.notes,
        rag: a.rag,
        ...(a.extras ? { extras: a.extras } : {}),
      })),
    })),
  };
  return JSON.stringify(out, null, 2);
}

/** The CSV export: one row per action, in the column names the importer reads back; leads one per line; `updates` adds the latest update and its date; cells a spreadsheet would run as formulas (=, +, -, @, tab, carriage return) start with an apostrophe. */
export function exportCsv(plan: PlanView, options: { updates?: boolean } = {}): string {
  const table = exportTable(plan, { updates: options.updates ?? false });
  return stringify([table.header, ...table.rows.map((row) => row.map((c) => c.text))], { escape_formulas: true });
}

const mdCell = (text: string) =>
  text
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, '<br>')
    .trim();

/** The Markdown export: the plan's title and period, then one table per theme with the current RAG (and any extra columns). */
export function exportMarkdown(plan: PlanView): string {
  const lines = [`# ${plan.title}`, '', plan.period ? `${plan.period}` : '', ''];
  const extras = [...new Set(plan.actions.flatMap((a) => Object.keys(a.extras ?? {})))];
  for (const theme of plan.themes) {
    const actions = plan.actions.filter((a) => a.theme === theme);
    if (!actions.length) continue;
    lines.push(
      `## ${theme}`,
      '',
      `| No. | Key Actions | Deadline | Outcome | Responsibility/Lead | Notes | RAG rating |${extras.map((e) => ` ${mdCell(e)} |`).join('')}`,
      `|---|---|---|---|---|---|---|${extras.map(() => '---|').join('')}`,
    );
    for (const a of actions) {
      lines.push(
        `| ${a.label} | ${mdCell(a.title)} | ${mdCell(a.deadlineText)} | ${mdCell(a.outcome)} | ${mdCell(a.leads.join(' / '))} | ${mdCell(a.notes)} | ${ragWords(a.rag)} |${extras.map((e) => ` ${mdCell(a.extras?.[e] ?? '')} |`).join('')}`,
      );
    }
    lines.push('');
  }
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n');
}
