import { parseArgs } from 'node:util';
import type { CliCommand } from './context.js';

const USAGE = 'Usage: partnership link <name> --tenant <Microsoft 365 tenant id>';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `partnership link <name> --tenant <id>`: conversations from that tenant belong to the partnership. */
export const partnershipCommand: CliCommand = async (args, ctx) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { tenant: { type: 'string' } } });
  const [action, name] = positionals;
  if (action !== 'link' || !name || !values.tenant) {
    ctx.out(USAGE);
    return 2;
  }
  if (!GUID.test(values.tenant)) {
    ctx.out(`"${values.tenant}" is not a tenant id: it looks like 72f988bf-86f1-41af-91ab-2d7cd011db47.`);
    return 2;
  }
  await ctx.store.partnerships.linkToTenant(name, values.tenant);
  ctx.out(`${name} is linked to tenant ${values.tenant}: teams and chats there now belong to it.`);
  return 0;
};
