import { parseArgs } from 'node:util';
import { dateIn, formatDate } from '../plan/dates.js';
import { pendingExpiresAt } from '../plan/identity.js';
import { RoleSchema } from '../plan/types.js';
import type { CliCommand } from './context.js';

const USAGE =
  'Usage: role grant <email|user principal name|Teams user id|object id> <coordinator|lead|member> [--org ORGANISATION] [--partnership NAME] | role revoke <same> [--partnership NAME]';

const OPERATOR = { label: 'CLI (operator)' };

/**
 * `role grant <who> <role> [--org ORG]` and `role revoke <who>`. Who is a work email or user principal name
 * (bound when the Teams roster confirms it), or the Teams user id or Entra object id of someone known.
 * Display names are refused: anyone can choose one.
 */
export const roleCommand: CliCommand = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { org: { type: 'string' }, partnership: { type: 'string' } },
  });
  const [action, who, roleText, ...rest] = positionals;
  const partnership = values.partnership ?? ctx.config.DEFAULT_PARTNERSHIP;
  if (action === 'grant' && who && roleText && !rest.length) {
    const role = RoleSchema.safeParse(roleText.toLowerCase());
    if (!role.success) {
      ctx.out(`Unknown role "${roleText}": use coordinator, lead or member.`);
      return 2;
    }
    const now = ctx.now();
    const person = await ctx.store.people.grantRole({
      partnership,
      who,
      role: role.data,
      organisation: values.org,
      actor: OPERATOR,
      how: 'cli',
      now,
    });
    const as = `a ${person.role}${person.organisation ? ` for ${person.organisation}` : ''}`;
    if (person.pending) {
      const until = formatDate(dateIn(pendingExpiresAt(now, ctx.config.PENDING_GRANT_DAYS), 'Europe/London'));
      ctx.out(`${person.email} will be ${as} in ${partnership} once the Teams roster confirms that address (waiting until ${until}).`);
    } else {
      ctx.out(`${person.displayName} is now ${as} in ${partnership}.`);
    }
    return 0;
  }
  if (action === 'revoke' && who && !roleText) {
    const person = await ctx.store.people.revokeRole(partnership, who, { actor: OPERATOR, how: 'cli', now: ctx.now() });
    ctx.out(`${person.displayName} is now a member (no update rights) in ${partnership}.`);
    return 0;
  }
  ctx.out(USAGE);
  return 2;
};
