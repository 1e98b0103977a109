import { parseArgs } from 'node:util';
import type { CliCommand } from './context.js';

const USAGE = 'Usage: partnership link <name> --tenant <Microsoft 365 tenant id> | --slack-team <Slack workspace id, T...>';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLACK_TEAM = /^[TE][A-Z0-9]{6,}$/;

/**
 * `partnership link <name> --tenant <id>`: conversations from that tenant belong to the partnership;
 * `--slack-team T...`: so do that Slack workspace's channels and DMs (a workspace belongs to one partnership).
 */
export const partnershipCommand: CliCommand = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { tenant: { type: 'string' }, 'slack-team': { type: 'string' } },
  });
  const [action, name] = positionals;
  const slackTeam = values['slack-team'];
  if (action !== 'link' || !name || (!values.tenant && !slackTeam)) {
    ctx.out(USAGE);
    return 2;
  }
  if (values.tenant && !GUID.test(values.tenant)) {
    ctx.out(`"${values.tenant}" is not a tenant id: it looks like 72f988bf-86f1-41af-91ab-2d7cd011db47.`);
    return 2;
  }
  if (slackTeam && !SLACK_TEAM.test(slackTeam)) {
    ctx.out(
      `"${slackTeam}" is not a Slack workspace id: it looks like T024BE7LD (Slack: workspace settings, or the team_id of any event).`,
    );
    return 2;
  }
  if (values.tenant) {
    await ctx.store.partnerships.linkToTenant(name, values.tenant);
    ctx.out(`${name} is linked to tenant ${values.tenant}: teams and chats there now belong to it.`);
  }
  if (slackTeam) {
    const { movedFrom } = await ctx.store.slack.link(name, slackTeam);
    ctx.out(
      `${name} is linked to Slack workspace ${slackTeam}: its channels and direct messages now belong to it.${movedFrom ? ` (It was linked to ${movedFrom} before.)` : ''}`,
    );
  }
  return 0;
};
