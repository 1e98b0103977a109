import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { exportXlsx } from '../plan/export-xlsx.js';
import { exportCsv, exportCsvPlans, exportJson, exportMarkdown } from '../plan/export.js';
import { matchPlan, planShortName } from '../plan/plan-names.js';
import type { PlanView } from '../plan/types.js';
import type { CliCommand, CliContext } from './context.js';

const USAGE =
  'Usage: export --format json|csv|md|xlsx [--partnership NAME] [--plan "2020–24" | --all] [--out FILE] [--updates] (xlsx needs --out FILE.xlsx)';

/** The plans to export: each partnership's live plan; with --all every plan; with --plan the one its words name (or a message). */
async function plansToExport(
  ctx: CliContext,
  values: { partnership?: string; plan?: string; all?: boolean },
): Promise<PlanView[] | string> {
  const names = values.partnership ? [values.partnership] : await ctx.store.plans.partnershipsWithPlans();
  if (values.plan !== undefined) {
    const partnership = values.partnership ?? ctx.config.DEFAULT_PARTNERSHIP;
    const plans = await ctx.store.plans.all(partnership);
    const found = matchPlan(values.plan, plans);
    const list = plans.map((p) => `  ${planShortName(p)} (${p.status === 'draft' ? 'not live yet' : p.status}): ${p.title}`);
    if (found.kind === 'none') return [`No plan of ${partnership} matches "${values.plan}". The plans are:`, ...list].join('\n');
    if (found.kind === 'ambiguous')
      return [`"${values.plan}" could be more than one plan of ${partnership}; name it by its years:`, ...list].join('\n');
    const view = await ctx.store.plans.current(partnership, found.plan.id);
    return view ? [view] : `No plan of ${partnership} matches "${values.plan}".`;
  }
  if (!values.all) return (await Promise.all(names.map((n) => ctx.store.plans.current(n)))).filter((p): p is PlanView => p !== null);
  const views: PlanView[] = [];
  for (const name of names)
    for (const plan of await ctx.store.plans.all(name)) {
      const view = await ctx.store.plans.current(name, plan.id);
      if (view) views.push(view);
    }
  return views;
}

/** `export --format json|csv|md|xlsx [--partnership NAME] [--plan WORDS | --all] [--out FILE] [--updates]`: the live plan with current RAG, a named plan, or every plan (one sheet each in xlsx; a Plan column in CSV and Markdown). */
export const exportCommand: CliCommand = async (args, ctx) => {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: 'string', default: 'json' },
      partnership: { type: 'string' },
      plan: { type: 'string' },
      all: { type: 'boolean', default: false },
      out: { type: 'string' },
      updates: { type: 'boolean', default: false },
    },
  });
  const format = values.format ?? 'json';
  if (!['json', 'csv', 'md', 'xlsx'].includes(format) || (format === 'xlsx' && !values.out)) {
    ctx.out(`Unknown format "${format}": use json, csv, md, or xlsx with --out FILE.xlsx.`);
    return 2;
  }
  if (values.plan !== undefined && values.all) {
    ctx.out(`--plan and --all cannot be used together. ${USAGE}`);
    return 2;
  }
  const plans = await plansToExport(ctx, values);
  if (typeof plans === 'string') {
    ctx.out(plans);
    return 1;
  }
  if (format === 'json') {
    ctx.out(exportJson(plans));
    return 0;
  }
  if (!plans.length) {
    ctx.out('There is no plan to export yet.');
    return 1;
  }
  if (format === 'xlsx' && values.out) {
    await writeFile(values.out, await exportXlsx(plans));
    ctx.out(`Wrote ${plans.length === 1 ? 'one sheet' : `${plans.length} sheets`} to ${values.out}.`);
    return 0;
  }
  // a named plan or every plan: say which plan each row is from; the live plans alone export as before (and import back)
  const planColumn = values.plan !== undefined || values.all;
  const text =
    format === 'csv'
      ? planColumn
        ? exportCsvPlans(plans, { updates: values.updates })
        : plans.map((p) => exportCsv(p, { updates: values.updates })).join('\n')
      : plans.map((p) => exportMarkdown(p, { planColumn })).join('\n');
  if (values.out) await writeFile(values.out, text);
  else ctx.out(text);
  return 0;
};
