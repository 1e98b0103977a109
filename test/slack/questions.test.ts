import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackWords } from '../support/fake-slack.js';
import { FORM_TYPE, JSON_TYPE, startSlackBot, type SlackBot } from '../support/slack.js';

let s: SlackBot;
beforeEach(async () => {
  s = await startSlackBot();
  s.slack.addUser({ id: 'U0ALI', name: 'ali', real_name: 'Ali Burlington', email: 'ali.burlington@cityoflondon.gov.uk' });
  s.slack.addUser({ id: 'U0SAM', name: 'sam', real_name: 'Sam Member', email: 'sam@example.org' });
});
afterEach(async () => {
  await s.close();
});

describe('questions in Slack', () => {
  it('"@Prevent what\'s amber?" in a channel: acknowledged at once, answered in the thread in Block Kit', async () => {
    const body = s.mention('U0ALI', "what's amber?");
    const res = await s.signed(body, JSON_TYPE);
    expect(res.status).toBe(200);
    const post = await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'C0PARTNERS');
    expect(post.args.thread_ts).toBe(JSON.parse(body).event.ts);
    const words = slackWords(post.args);
    expect(words.split('\n')[0]).toBe('12 actions are AMBER');
    expect(words).toContain('RAG: AMBER');
    expect(post.args.blocks.length).toBeLessThanOrEqual(50);
    expect(post.args.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '12 actions are AMBER' } });
  });

  it('a direct message is answered in the DM', async () => {
    await s.signed(s.dm('U0SAM', "what's red?"), JSON_TYPE);
    const post = await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'D0U0SAM');
    expect(slackWords(post.args)).toContain('2 actions are RED');
    expect(post.args.thread_ts).toBeUndefined();
  });

  it('"/prevent what\'s amber?" is acknowledged with an empty 200 and answered to the asker alone', async () => {
    const res = await s.signed(s.command('U0SAM', "what's amber?"), FORM_TYPE);
    expect(res.status).toBe(200);
    const reply = await s.slack.waitFor('chat.postEphemeral');
    expect(reply.args.user).toBe('U0SAM');
    expect(reply.args.channel).toBe('C0PARTNERS');
    expect(slackWords(reply.args)).toContain('12 actions are AMBER');
  });
});

describe('what Slack does not do here', () => {
  it('a file sent by DM (a plan to import) gets a plain answer saying how to import instead', async () => {
    await s.signed(
      s.eventBody({
        type: 'message',
        subtype: 'file_share',
        channel_type: 'im',
        user: 'U0ALI',
        text: '',
        channel: 'D0U0ALI',
        files: [{ id: 'F1', name: 'plan.xlsx' }],
      }),
      JSON_TYPE,
    );
    const post = await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'D0U0ALI');
    expect(post.args.text).toContain('I cannot read files sent in Slack yet');
  });
});
