import { stringify } from 'csv-stringify/sync';
import type { PlanView } from './types.js';
import { ragWords } from './types.js';
import { EXPORT_HEADER, exportTable, OWNER_HEADER, UPDATE_HEADER } from './export-table.js';
import { planShortName } from './plan-names.js';

/** The JSON export: { plans: [ { title, period, themes, actions: [...] } ] }. */
export function exportJson(plans: PlanView[]): string {
  const out = {
    plans: plans.map((p) => ({
      partnership: p.partnership,
      title: p.title,
      period: p.period,
      ...(p.status ? { status: p.status } : {}),
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
        ...(a.owner ? { owner: a.owner.name } : {}),
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

/** The column an export of several plans (or of a named one) starts with, and the plan's status after it. */
export const PLAN_HEADER = ['Plan', 'Plan status'];

/** One CSV of several plans: a Plan and a Plan status column first, then the usual columns (extras of every plan). */
export function exportCsvPlans(plans: PlanView[], options: { updates?: boolean } = {}): string {
  const tables = plans.map((plan) => ({ plan, table: exportTable(plan, { updates: options.updates ?? false }) }));
  const known = new Set([...EXPORT_HEADER, OWNER_HEADER, ...UPDATE_HEADER]);
  const extras = [...new Set(tables.flatMap(({ table }) => table.header.filter((h) => !known.has(h))))];
  const owners = tables.some(({ table }) => table.header.includes(OWNER_HEADER)) ? [OWNER_HEADER] : [];
  const header = [...PLAN_HEADER, ...EXPORT_HEADER, ...owners, ...extras, ...(options.updates ? UPDATE_HEADER : [])];
  const rows = tables.flatMap(({ plan, table }) =>
    table.rows.map((row) => {
      const byName = new Map(table.header.map((h, i) => [h, row[i]?.text ?? '']));
      return [plan.title, plan.status ?? 'live', ...header.slice(PLAN_HEADER.length).map((h) => byName.get(h) ?? '')];
    }),
  );
  return stringify([header, ...rows], { escape_formulas: true });
}

const mdCell = (text: string) =>
  text
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, '<br>')
    .trim();

/** The Markdown export: the plan's title and period, then one table per theme with the current RAG (and any extra columns); `planColumn` starts each row with the plan's short name and says its status under the title. */
export function exportMarkdown(plan: PlanView, options: { planColumn?: boolean } = {}): string {
  const planColumn = options.planColumn ?? false;
  const lines = [
    `# ${plan.title}`,
    '',
    plan.period ? `${plan.period}` : '',
    '',
    planColumn ? `Status: ${plan.status === 'draft' ? 'not live yet' : (plan.status ?? 'live')}` : '',
    '',
  ];
  const first = planColumn
    ? { head: '| Plan ', rule: '|---', cell: `| ${mdCell(planShortName(plan))} ` }
    : { head: '', rule: '', cell: '' };
  const extras = [...new Set(plan.actions.flatMap((a) => Object.keys(a.extras ?? {})))];
  const owners = plan.actions.some((a) => a.owner);
  for (const theme of plan.themes) {
    const actions = plan.actions.filter((a) => a.theme === theme);
    if (!actions.length) continue;
    lines.push(
      `## ${theme}`,
      '',
      `${first.head}| No. | Key Actions | Deadline | Outcome | Responsibility/Lead | Notes | RAG rating |${owners ? ` ${OWNER_HEADER} |` : ''}${extras.map((e) => ` ${mdCell(e)} |`).join('')}`,
      `${first.rule}|---|---|---|---|---|---|---|${owners ? '---|' : ''}${extras.map(() => '---|').join('')}`,
    );
    for (const a of actions) {
      lines.push(
        `${first.cell}| ${a.label} | ${mdCell(a.title)} | ${mdCell(a.deadlineText)} | ${mdCell(a.outcome)} | ${mdCell(a.leads.join(' / '))} | ${mdCell(a.notes)} | ${ragWords(a.rag)} |${owners ? ` ${mdCell(a.owner?.name ?? '')} |` : ''}${extras.map((e) => ` ${mdCell(a.extras?.[e] ?? '')} |`).join('')}`,
      );
    }
    lines.push('');
  }
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n');
}
