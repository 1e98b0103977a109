import { parseArgs } from 'node:util';
import { describeEntry } from '../handlers/commands/identity.js';
import type { CliCommand } from './context.js';

/** `audit [--partnership NAME] [--limit N]`: role changes and bindings, newest first, one a line. */
export const auditCommand: CliCommand = async (args, ctx) => {
  const { values } = parseArgs({ args, options: { partnership: { type: 'string' }, limit: { type: 'string' } } });
  const partnership = values.partnership ?? ctx.config.DEFAULT_PARTNERSHIP;
  const limit = Math.max(1, Math.min(1000, Number(values.limit ?? 100) || 100));
  const entries = await ctx.store.audit.list(partnership, { limit });
  ctx.out(
    entries.length ? entries.map((e) => `${e.at.toISOString()} ${describeEntry(e)}`).join('\n') : `No audit entries in ${partnership}.`,
  );
  return 0;
};
