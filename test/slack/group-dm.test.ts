import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announcementConversation } from '../../bot/store/conversations.js';
import { slackWords } from '../support/fake-slack.js';
import { FORM_TYPE, JSON_TYPE, startSlackBot, type SlackBot } from '../support/slack.js';

// A Slack group DM has a C... id like a channel's, and an app_mention event does not say which it is. Taken for a
// channel, the first group DM the bot was mentioned in would become the partnership's announcement channel, and every
// RAG change would be posted to whoever was in that chat.

let s: SlackBot;
const GROUP_DM = 'C0GROUPDM';

async function mention(text: string, channel: string): Promise<string> {
  const before = s.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === channel).length;
  await s.signed(s.mention('U0ALI', text, channel), JSON_TYPE);
  await s.slack.waitFor(
    'chat.postMessage',
    () => s.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === channel).length > before,
  );
  return slackWords(
    s.slack
      .callsOf('chat.postMessage')
      .filter((c) => c.args.channel === channel)
      .at(-1)!.args,
  );
}

const kinds = async () =>
  Object.fromEntries(
    (await s.bot.store.db.conversationRef.findMany({ where: { platform: 'slack' }, select: { conversationId: true, kind: true } })).map(
      (r) => [r.conversationId.replace(/^.*:/, ''), r.kind],
    ),
  );

beforeEach(async () => {
  s = await startSlackBot();
  s.slack.addUser({ id: 'U0ALI', name: 'ali', real_name: 'Ali Burlington', email: 'ali.burlington@cityoflondon.gov.uk' });
  s.slack.addGroupDm(GROUP_DM);
});
afterEach(async () => {
  await s.close();
});

describe('a Slack group DM is never taken for a channel', () => {
  it('the first mention in a group DM is answered there, but RAG changes go to the first real channel', async () => {
    const words = await mention("what's amber?", GROUP_DM);
    expect(words).toMatch(/amber/i);
    expect(await kinds()).toMatchObject({ [GROUP_DM]: 'groupChat' });
    expect(await announcementConversation(s.bot.store.db, 'City of London', 'slack')).toBeNull();

    await mention('help', 'C0PARTNERS');
    expect(await kinds()).toMatchObject({ [GROUP_DM]: 'groupChat', C0PARTNERS: 'channel' });
    expect((await announcementConversation(s.bot.store.db, 'City of London', 'slack'))?.conversationId).toMatch(/C0PARTNERS$/);
    // Slack was asked once per conversation, not once per message
    await mention("what's red?", GROUP_DM);
    expect(s.slack.callsOf('conversations.info').map((c) => c.args.channel)).toEqual([GROUP_DM, 'C0PARTNERS']);
  });

  it('when Slack will not say what a conversation is (a missing scope), it is answered but not made the announcement channel', async () => {
    s.slack.failNext('conversations.info', { error: 'missing_scope' });
    const words = await mention("what's amber?", 'C0UNKNOWN');
    expect(words).toMatch(/amber/i);
    expect(await kinds()).toMatchObject({ C0UNKNOWN: 'groupChat' });
    expect(await announcementConversation(s.bot.store.db, 'City of London', 'slack')).toBeNull();
  });

  it('"/prevent" in a group DM answers only the asker and does not make the chat a channel', async () => {
    await s.signed(s.command('U0ALI', "what's amber?", GROUP_DM, 'mpdm-ali--sam-1'), FORM_TYPE);
    await s.slack.waitFor('chat.postEphemeral', (a) => a.channel === GROUP_DM);
    expect(await kinds()).toMatchObject({ [GROUP_DM]: 'groupChat' });
    expect(await announcementConversation(s.bot.store.db, 'City of London', 'slack')).toBeNull();
  });
});
