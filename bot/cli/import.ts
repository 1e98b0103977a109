import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import path from 'node:path';
import { readPlanFile, describeImport } from '../import/index.js';
import { DEFAULT_ORGANISATIONS } from '../import/known-organisations.js';
import type { OrganisationInfo } from '../plan/types.js';
import type { CliCommand } from './context.js';

/** Known organisations for matching leads: the partnership's own, then the bundled directory. */
export function mergeOrganisations(own: OrganisationInfo[], defaults: OrganisationInfo[]): OrganisationInfo[] {
  const seen = new Set(own.map((o) => o.name.toLowerCase()));
  return [...own, ...defaults.filter((o) => !seen.has(o.name.toLowerCase()))];
}

/** `import <file> [--partnership NAME] [--by NAME]`: reads a plan file and saves it in one transaction, attributed to --by (default: the OS user). */
export const importCommand: CliCommand = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { partnership: { type: 'string' }, by: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) {
    ctx.out('Usage: import <file.md|file.csv> [--partnership NAME] [--by "YOUR NAME"]');
    return 2;
  }
  const partnership = values.partnership ?? ctx.config.DEFAULT_PARTNERSHIP;
  const known = mergeOrganisations(await ctx.store.plans.organisations(partnership), DEFAULT_ORGANISATIONS);
  const started = performance.now();
  const plan = await readPlanFile(file, known);
  const parsedMs = performance.now() - started;
  const saved = await ctx.store.plans.save({
    partnership,
    plan,
    sourceFile: path.basename(file),
    actor: `${values.by ?? userInfo().username} (plan import)`,
    at: ctx.now(),
  });
  const totalMs = performance.now() - started;
  ctx.out(`Imported "${plan.title}" for ${partnership} from ${path.basename(file)}.`);
  ctx.out(describeImport(plan));
  ctx.out(
    saved.planCreated
      ? `New plan: ${saved.actionsCreated} actions created.`
      : `Updated in place: ${saved.actionsUpdated} actions changed, ${saved.actionsCreated} added, ${plan.actions.length - saved.actionsUpdated - saved.actionsCreated} unchanged, ${saved.ragChanges} RAG changes recorded in the history.`,
  );
  if (saved.missingRefs.length)
    ctx.out(`Kept ${saved.missingRefs.length} actions that are not in this file: ${saved.missingRefs.join(', ')}.`);
  ctx.out(`Read and parsed in ${parsedMs.toFixed(1)} ms; saved in ${(totalMs - parsedMs).toFixed(1)} ms (one transaction).`);
  return 0;
};
