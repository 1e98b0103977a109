import { parseArgs } from 'node:util';
import { createBot } from '../app.js';
import { makePlanLive, type PlanChangeWords, previewNextPlan, startNextPlan } from '../features/plans/changes.js';
import type { CliCommand, CliContext } from './context.js';

const USAGE = `Usage: plans                                       every partnership's plans
       plans make-live <years or title> [--partnership NAME]   e.g. plans make-live 2025-26
       plans start-next [--called TITLE] [--partnership NAME] [--yes]
start-next shows what would be carried over; with --yes it starts the plan (the live one is archived).`;

/** Changes made here are the operator's: no person of the partnership, "CLI (operator)" in the history and audit. */
const OPERATOR = { personId: null, label: 'CLI (operator)' };

const print = (ctx: CliContext, words: PlanChangeWords) => ctx.out([...(words.title ? [words.title] : []), ...words.lines].join('\n'));

/**
 * `plans`: every partnership's plans with their action counts and status (live, not live yet, archived);
 * `plans make-live` and `plans start-next`: the same changes as "make the 2025–26 plan live" and "start next year's plan" in chat.
 */
export const plansCommand: CliCommand = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { partnership: { type: 'string' }, called: { type: 'string' }, yes: { type: 'boolean' } },
  });
  const [verb, ...words] = positionals;
  const partnership = values.partnership ?? ctx.config.DEFAULT_PARTNERSHIP;
  if (verb === undefined) return listPlans(ctx);
  const { services } = createBot({ config: ctx.config, store: ctx.store, now: ctx.now });
  if (verb === 'make-live' && words.length) {
    print(ctx, await makePlanLive(services, partnership, words.join(' '), OPERATOR));
    return 0;
  }
  if (verb === 'start-next' && !words.length) {
    const preview = await previewNextPlan(services, partnership, values.called);
    if ('lines' in preview) {
      print(ctx, preview);
      return 1;
    }
    if (!values.yes) {
      ctx.out(
        [
          `Start the ${preview.name} plan ("${preview.title}") from ${preview.fromName}?`,
          `${preview.carried} open action${preview.carried === 1 ? '' : 's'} would be carried over (with numbers, themes, leads, RAG ratings, notes and latest updates); ${preview.left} complete stay in ${preview.fromName}, which would be archived.`,
          ...preview.rags.map(([rag, n]) => `  ${rag}: ${n}`),
          ...preview.warnings,
          'Nothing has changed. Run again with --yes to start it.',
        ].join('\n'),
      );
      return 0;
    }
    print(ctx, await startNextPlan(services, partnership, preview, OPERATOR));
    return 0;
  }
  ctx.out(USAGE);
  return 2;
};

async function listPlans(ctx: CliContext): Promise<number> {
  const plans = await ctx.store.plans.list();
  if (!plans.length) ctx.out('No plans yet. Import one with: npm run cli -- import <file>');
  for (const p of plans)
    ctx.out(
      `${p.partnership}: ${p.title}${p.period ? ` (${p.period})` : ''}, ${p.actions} actions, ${p.status === 'draft' ? 'not live yet' : p.status}, imported ${p.importedAt.toISOString()}`,
    );
  return 0;
}
