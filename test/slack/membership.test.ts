import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announcementConversation } from '../../bot/store/conversations.js';
import { grantRole } from '../../bot/store/people.js';
import { slackWords } from '../support/fake-slack.js';
import { JSON_TYPE, startSlackBot, type SlackBot } from '../support/slack.js';

// Slack tells the bot when people and places are gone, and the bot keeps in step as it does with the Teams roster:
// someone deactivated in the workspace loses their role and reminders (their history stays theirs), and a channel
// the bot was removed from is not posted to again.

let s: SlackBot;
const posts = (channel: string) => s.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === channel);
const db = () => s.bot.store.db;

async function dm(user: string, text: string): Promise<string> {
  const before = posts(`D0${user}`).length;
  await s.signed(s.dm(user, text), JSON_TYPE);
  await s.slack.waitFor('chat.postMessage', (a) => a.channel === `D0${user}` && posts(`D0${user}`).length > before);
  return slackWords(posts(`D0${user}`).at(-1)!.args);
}

/** Sends an event and waits until the bot has handled it (Slack's answer is the 200; the work runs after). */
async function event(body: Record<string, unknown>, until: () => Promise<boolean>) {
  const res = await s.signed(s.eventBody(body), JSON_TYPE);
  expect(res.status).toBe(200);
  for (const end = Date.now() + 10_000; !(await until()); await new Promise((r) => setTimeout(r, 25)))
    if (Date.now() > end) throw new Error(`the ${String(body.type)} event was not handled`);
}

beforeEach(async () => {
  s = await startSlackBot();
  s.slack.addUser({ id: 'U0CLEO', name: 'cleo', real_name: 'Cleo Coordinator', email: 'cleo@cityoflondon.gov.uk' });
  s.slack.addUser({ id: 'U0ALI', name: 'ali', real_name: 'Ali Burlington', email: 'ali@cityoflondon.gov.uk' });
  await grantRole(db(), { partnership: 'City of London', who: 'cleo@cityoflondon.gov.uk', role: 'coordinator' });
  await grantRole(db(), { partnership: 'City of London', who: 'ali@cityoflondon.gov.uk', role: 'lead', organisation: 'CST' });
  for (const user of ['U0CLEO', 'U0ALI']) await dm(user, 'hello');
  await s.signed(s.mention('U0ALI', 'help'), JSON_TYPE);
  await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'C0PARTNERS');
  s.slack.clear();
});
afterEach(async () => {
  await s.close();
});

describe('Slack membership events', () => {
  it('someone deactivated in the workspace loses their role, panel place and reminders, audited as seen by Slack', async () => {
    const ali = () => db().person.findFirst({ where: { slackUserId: 'U0ALI' } });
    expect((await ali())?.role).toBe('lead');
    await event(
      { type: 'user_change', user: { id: 'U0ALI', team_id: s.slack.teamId, name: 'ali', deleted: true, profile: {} }, cache_ts: 1 },
      async () => (await ali())?.removedAt != null,
    );
    expect(await ali()).toMatchObject({ role: 'member', panelMember: false, digestEnabled: false });
    const dmRow = await db().conversationRef.findFirst({ where: { conversationId: { endsWith: ':D0U0ALI' } } });
    expect(dmRow).toMatchObject({ active: false, inactiveReason: 'removed' });
    const audit = await db().auditEntry.findFirst({ where: { action: 'roster.removed' } });
    expect(audit).toMatchObject({ actorLabel: 'Slack' });
    expect(audit?.subject).toContain('Ali Burlington');
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ from: 'lead', to: 'member', how: 'deactivated in the Slack workspace' });
    // a profile change that is not a deactivation changes nothing
    await event(
      { type: 'user_change', user: { id: 'U0CLEO', team_id: s.slack.teamId, name: 'cleo', deleted: false, profile: {} }, cache_ts: 2 },
      async () => true,
    );
    expect((await db().person.findFirst({ where: { slackUserId: 'U0CLEO' } }))?.role).toBe('coordinator');
  });

  it('removed from the announcement channel: nothing more is posted there, and coordinators are told by DM', async () => {
    expect((await announcementConversation(db(), 'City of London', 'slack'))?.conversationId).toMatch(/C0PARTNERS$/);
    await event({ type: 'channel_left', channel: 'C0PARTNERS', actor_id: 'U0CLEO' }, async () =>
      Boolean(await db().conversationRef.findFirst({ where: { conversationId: { endsWith: ':C0PARTNERS' }, active: false } })),
    );
    expect(await announcementConversation(db(), 'City of London', 'slack')).toBeNull();
    const notice = await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'D0U0CLEO');
    expect(slackWords(notice.args)).toContain('I was removed from the Slack channel that got RAG changes');
    expect(slackWords(notice.args)).toContain('until I am added to one');
    expect(posts('D0U0ALI')).toHaveLength(0);

    // added back and used again: it is the announcement channel again
    await s.signed(s.mention('U0ALI', 'help'), JSON_TYPE);
    await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'C0PARTNERS');
    expect((await announcementConversation(db(), 'City of London', 'slack'))?.conversationId).toMatch(/C0PARTNERS$/);
  });

  it('the app uninstalled: no Slack conversation of the workspace is posted to again', async () => {
    await event(
      { type: 'app_uninstalled' },
      async () => (await db().conversationRef.count({ where: { platform: 'slack', active: true } })) === 0,
    );
    expect(await db().conversationRef.count({ where: { platform: 'slack' } })).toBeGreaterThanOrEqual(3);
  });
});
