import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JSON_TYPE, slackSignature, startSlackBot, type SlackBot } from '../support/slack.js';

let s: SlackBot;
beforeEach(async () => {
  s = await startSlackBot();
  s.slack.addUser({ id: 'U0SAM', name: 'sam', real_name: 'Sam Member', email: 'sam@example.org' });
});
afterEach(async () => {
  await s.close();
});

/** Gives a running listener time to act, so "nothing ran" is a real observation. */
const settle = () => new Promise((r) => setTimeout(r, 600));

describe('Slack request signing', () => {
  it('a tampered body, a wrong secret, a missing signature, an old or future timestamp: 401 and nothing runs', async () => {
    const body = s.mention('U0SAM', "what's amber?");
    const now = Math.floor(Date.now() / 1000);
    const tampered = body.replace("what's amber?", "what's red?");
    const cases = [
      s.send(tampered, JSON_TYPE, { 'x-slack-request-timestamp': String(now), 'x-slack-signature': slackSignature(body, now) }),
      s.signed(body, JSON_TYPE, { signature: slackSignature(body, now, 'not-the-signing-secret-at-all') }),
      s.send(body, JSON_TYPE, {}),
      s.send(body, JSON_TYPE, { 'x-slack-request-timestamp': String(now) }),
      s.signed(body, JSON_TYPE, { timestamp: now - 6 * 60 }), // replayed after the five-minute window
      s.signed(body, JSON_TYPE, { timestamp: now + 6 * 60 }), // from the future (Bolt's own check lets these through)
      s.signed(body, JSON_TYPE, { signature: slackSignature(body, now).replace('v0=', 'v1=') }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'Unauthorised.' });
    }
    await settle();
    expect(s.slack.calls).toEqual([]);
    expect(await s.bot.store.db.person.count({ where: { slackUserId: 'U0SAM' } })).toBe(0);
  });

  it('a signed request 4 minutes old is accepted; the same request replayed 6 minutes after signing is refused', async () => {
    const body = s.dm('U0SAM', "what's red?");
    const ok = await s.signed(body, JSON_TYPE, { timestamp: Math.floor(Date.now() / 1000) - 4 * 60 });
    expect(ok.status).toBe(200);
    await s.slack.waitFor('chat.postMessage');
    const replay = await s.signed(body, JSON_TYPE, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(replay.status).toBe(401);
  });

  it("Slack's URL verification challenge is answered only when signed", async () => {
    const body = JSON.stringify({ token: 't', challenge: 'p3ventCh4llenge', type: 'url_verification' });
    const ok = await s.signed(body, JSON_TYPE);
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.body)).toContain('p3ventCh4llenge');
    expect((await s.send(body, JSON_TYPE, {})).status).toBe(401);
  });
});

describe('Slack retries', () => {
  it('an event delivered again with X-Slack-Retry-Num runs once: one answer, one person recorded', async () => {
    const body = s.dm('U0SAM', "what's amber?");
    const first = await s.signed(body, JSON_TYPE);
    const retries = await Promise.all([s.signed(body, JSON_TYPE, { retry: 1 }), s.signed(body, JSON_TYPE, { retry: 2 })]);
    for (const r of [first, ...retries]) expect(r.status).toBe(200);
    await s.slack.waitFor('chat.postMessage');
    await settle();
    expect(s.slack.callsOf('chat.postMessage')).toHaveLength(1);
    expect(await s.bot.store.db.person.count({ where: { slackUserId: 'U0SAM' } })).toBe(1);
  });

  it('an event whose end cannot be recorded at first (database restarting) is still recorded: a later retry does not run it again', async () => {
    const replies = s.bot.store.turnReplies;
    const finish = replies.finish;
    let failures = 1;
    replies.finish = (...args: Parameters<typeof finish>) =>
      failures-- > 0
        ? Promise.reject(Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' }))
        : finish(...args);
    const body = s.dm('U0SAM', "what's amber?");
    expect((await s.signed(body, JSON_TYPE)).status).toBe(200);
    await s.slack.waitFor('chat.postMessage');
    // the event is recorded as handled once the database answers again (a row left running would be run again by a
    // retry after its lease)
    const done = () => s.bot.store.db.turnReply.count({ where: { status: 'done' } });
    for (let waited = 0; (await done()) === 0 && waited < 5_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(await done()).toBe(1);
    expect((await s.signed(body, JSON_TYPE, { retry: 1 })).status).toBe(200);
    await settle();
    expect(s.slack.callsOf('chat.postMessage')).toHaveLength(1);
    expect(failures).toBe(-1);
  });
});
