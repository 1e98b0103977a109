import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import path from 'node:path';
import { describeImport, readPlanFileWithInfo } from '../import/index.js';
import { describeDiff, describeEditConflict, wouldNotBeLive } from '../import/describe-diff.js';
import { parseRagMap } from '../import/options.js';
import { dateIn } from '../plan/dates.js';
import { DEFAULT_ORGANISATIONS, mergeOrganisations } from '../import/known-organisations.js';
import { personalDataInPlan } from '../plan/confidentiality/plan-text.js';
import { listInWords } from '../plan/confidentiality/index.js';
import { guardYear } from '../handlers/privacy/guard.js';
import type { CliCommand } from './context.js';
import { liveWords } from '../handlers/plan-import/import-buttons.js';

export { mergeOrganisations };

/** `import <file> [--partnership NAME] [--by NAME] [--dry-run] [--map WORD=RAG]... [--prefer plan|file] [--make-live]`: reads a plan file and saves it in one transaction (or, with --dry-run, says what it would change); a plan with a new title becomes live only with --make-live (or when there is no live plan). */
export const importCommand: CliCommand = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      partnership: { type: 'string' },
      by: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      map: { type: 'string', multiple: true, default: [] },
      prefer: { type: 'string', default: 'plan' },
      'make-live': { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  const prefer = values.prefer;
  if (!file || (prefer !== 'plan' && prefer !== 'file')) {
    ctx.out(
      'Usage: import <file.xlsx|file.docx|file.csv|file.md> [--partnership NAME] [--by "YOUR NAME"] [--dry-run] [--map "Delayed=AMBER"] [--prefer plan|file] [--make-live]',
    );
    return 2;
  }
  const partnership = values.partnership ?? ctx.config.DEFAULT_PARTNERSHIP;
  const known = mergeOrganisations(await ctx.store.plans.organisations(partnership), DEFAULT_ORGANISATIONS);
  const started = performance.now();
  const options = { ragWords: parseRagMap(values.map ?? []), today: dateIn(ctx.now(), 'Europe/London') };
  const { plan, format, encoding } = await readPlanFileWithInfo(file, known, options);
  const parsedMs = performance.now() - started;
  const personal = personalDataInPlan(plan.actions, { referenceYear: guardYear(ctx.now()) });
  if (personal.length) {
    ctx.out(`Nothing was imported: ${path.basename(file)} looks like it holds personal data, which the bot never stores.`);
    for (const f of personal) ctx.out(`- action ${f.ref}, ${f.field}: ${listInWords(f.words)}`);
    ctx.out('Remove it from the file and import again.');
    return 1;
  }
  const read = `${format === 'xlsx' ? 'Excel' : format === 'docx' ? 'Word' : format === 'csv' ? 'CSV' : 'Markdown'}${encoding ? `, ${encoding}` : ''}`;
  if (values['dry-run']) {
    ctx.out(`Preview of "${plan.title}" for ${partnership} from ${path.basename(file)} (${read}); nothing was saved.`);
    ctx.out(describeImport(plan));
    const preview = await ctx.store.plans.preview(partnership, plan, prefer, values['make-live']);
    ctx.out(describeDiff(preview).join('\n'));
    if (!values['make-live'] && wouldNotBeLive(preview)) ctx.out('Add --make-live to make it the live plan as it is imported.');
    return 0;
  }
  const saved = await ctx.store.plans.save({
    partnership,
    plan,
    sourceFile: path.basename(file),
    actor: `${values.by ?? userInfo().username} (plan import)`,
    at: ctx.now(),
    prefer,
    makeLive: values['make-live'],
  });
  const totalMs = performance.now() - started;
  ctx.out(`Imported "${plan.title}" for ${partnership} from ${path.basename(file)} (${read}).`);
  ctx.out(describeImport(plan));
  ctx.out(
    saved.planCreated
      ? `New plan: ${saved.actionsCreated} actions created.`
      : `Updated in place: ${saved.actionsUpdated} actions changed, ${saved.actionsCreated} added, ${plan.actions.length - saved.actionsUpdated - saved.actionsCreated} unchanged, ${saved.ragChanges} RAG changes recorded in the history.`,
  );
  for (const c of saved.diff.conflicts)
    ctx.out(
      `Action ${c.label} was changed in chat since it was imported: ${c.kept === 'plan' ? `kept its ${c.plan.rag} rating and notes (--prefer file takes the file's ${c.file.rag})` : `took the file's ${c.file.rag} rating and notes`}.`,
    );
  for (const c of saved.diff.editConflicts) ctx.out(describeEditConflict(c));
  for (const line of liveWords(saved, plan)) ctx.out(line);
  if (saved.missingRefs.length)
    ctx.out(`Kept ${saved.missingRefs.length} actions that are not in this file: ${saved.diff.missing.join(', ')}.`);
  ctx.out(`Read and parsed in ${parsedMs.toFixed(1)} ms; saved in ${(totalMs - parsedMs).toFixed(1)} ms (one transaction).`);
  return 0;
};
