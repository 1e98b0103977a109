import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { exportXlsx } from '../plan/export-xlsx.js';
import { exportCsv, exportJson, exportMarkdown } from '../plan/export.js';
import type { PlanView } from '../plan/types.js';
import type { CliCommand } from './context.js';

/** `export --format json|csv|md|xlsx [--partnership NAME] [--out FILE] [--updates]`: the plan with current RAG (xlsx needs --out). */
export const exportCommand: CliCommand = async (args, ctx) => {
  const { values } = parseArgs({
    args,
    options: {
      format: { type: 'string', default: 'json' },
      partnership: { type: 'string' },
      out: { type: 'string' },
      updates: { type: 'boolean', default: false },
    },
  });
  const format = values.format ?? 'json';
  if (!['json', 'csv', 'md', 'xlsx'].includes(format) || (format === 'xlsx' && !values.out)) {
    ctx.out(`Unknown format "${format}": use json, csv, md, or xlsx with --out FILE.xlsx.`);
    return 2;
  }
  const names = values.partnership ? [values.partnership] : await ctx.store.plans.partnershipsWithPlans();
  const plans = (await Promise.all(names.map((n) => ctx.store.plans.current(n)))).filter((p): p is PlanView => p !== null);
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
  const text = plans.map((p) => (format === 'csv' ? exportCsv(p, { updates: values.updates }) : exportMarkdown(p))).join('\n');
  if (values.out) await writeFile(values.out, text);
  else ctx.out(text);
  return 0;
};
