import { parseArgs } from 'node:util';
import { RoleSchema } from '../plan/types.js';
import type { CliCommand } from './context.js';

const USAGE =
  'Usage: role grant <user> <coordinator|lead|member> [--org ORGANISATION] [--partnership NAME] | role revoke <user> [--partnership NAME]';

/** `role grant <user> <role> [--org ORG]` and `role revoke <user>`. A user is a chat id, an email or a display name. */
export const roleCommand: CliCommand = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { org: { type: 'string' }, partnership: { type: 'string' } },
  });
  const [action, who, roleText] = positionals;
  const partnership = values.partnership ?? ctx.config.DEFAULT_PARTNERSHIP;
  if (action === 'grant' && who && roleText) {
    const role = RoleSchema.safeParse(roleText.toLowerCase());
    if (!role.success) {
      ctx.out(`Unknown role "${roleText}": use coordinator, lead or member.`);
      return 2;
    }
    const person = await ctx.store.people.grantRole({ partnership, who, role: role.data, organisation: values.org });
    ctx.out(`${person.displayName} is now a ${person.role}${person.organisation ? ` for ${person.organisation}` : ''} in ${partnership}.`);
    return 0;
  }
  if (action === 'revoke' && who) {
    const person = await ctx.store.people.revokeRole(partnership, who);
    ctx.out(`${person.displayName} is now a member (no update rights) in ${partnership}.`);
    return 0;
  }
  ctx.out(USAGE);
  return 2;
};
