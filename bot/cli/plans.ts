import type { CliCommand } from './context.js';

/** `plans`: every partnership's plans with their action counts and status (live, not live yet, archived). */
export const plansCommand: CliCommand = async (_args, ctx) => {
  const plans = await ctx.store.plans.list();
  if (!plans.length) ctx.out('No plans yet. Import one with: npm run cli -- import <file>');
  for (const p of plans)
    ctx.out(
      `${p.partnership}: ${p.title}${p.period ? ` (${p.period})` : ''}, ${p.actions} actions, ${p.status === 'draft' ? 'not live yet' : p.status}, imported ${p.importedAt.toISOString()}`,
    );
  return 0;
};
