import { parseArgs } from 'node:util';
import type { CliCommand } from './context.js';

const USAGE =
  'Usage: panel add <user> | panel remove <user> | panel list   [--partnership NAME]   (a user is a chat id, an email or a display name)';

/** `panel add|remove|list`: who gets Channel panel reminders in personal chat. */
export const panelCommand: CliCommand = async (args, ctx) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { partnership: { type: 'string' } } });
  const [action, ...rest] = positionals;
  const partnership = values.partnership ?? ctx.config.DEFAULT_PARTNERSHIP;
  const who = rest.join(' ').trim();
  if ((action === 'add' || action === 'remove') && who) {
    const person = await ctx.store.panel.set({ partnership, who, member: action === 'add' });
    ctx.out(
      action === 'add'
        ? `${person.displayName} is now on the Channel panel in ${partnership}.`
        : `${person.displayName} is no longer on the Channel panel in ${partnership}.`,
    );
    return 0;
  }
  if (action === 'list') {
    const members = await ctx.store.panel.list(partnership);
    ctx.out(
      members.length
        ? members.map((m) => `${m.displayName} (${m.chatId})`).join('\n')
        : `Nobody is on the Channel panel in ${partnership} yet.`,
    );
    return 0;
  }
  ctx.out(USAGE);
  return 2;
};
