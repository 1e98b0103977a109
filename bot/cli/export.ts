import { parseArgs } from 'node:util';
import { exportCsv, exportJson, exportMarkdown } from '../plan/export.js';
import type { PlanView } from '../plan/types.js';
import type { CliCommand } from './context.js';

/** `export --format json|csv|md [--partnership NAME]`: prints the plan with current RAG. */
export const exportCommand: CliCommand = async (args, ctx) => {
  const { values } = parseArgs({ args, options: { format: { type: 'string', default: 'json' }, partnership: { type: 'string' } } });
  const format = values.format ?? 'json';
  if (!['json', 'csv', 'md'].includes(format)) {
    ctx.out(`Unknown format "${format}": use json, csv or md.`);
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
  ctx.out(plans.map((p) => (format === 'csv' ? exportCsv(p) : exportMarkdown(p))).join('\n'));
  return 0;
};
