import type { CliCommand } from './context.js';

/** `plans`: every partnership's plans with their action counts. */
export const plansCommand: CliCommand = async (_args, ctx) => {
  const plans = await ctx.store.plans.list();
  if (!plans.length) ctx.out('No plans yet. Import one with: npm run cli -- import <file>');
  for (const p of plans)
    ctx.out(
      `${p.partnership}: ${p.title}${p.period ? ` (${p.period})` : ''}, ${p.actions} actions, imported ${p.importedAt.toISOString()}`,
    );
  return 0;
};
