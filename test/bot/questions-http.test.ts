import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateCard } from '../../cards/validate.js';
import { COORDINATOR_EXAMPLES, HELP_EXAMPLES } from '../../cards/help-card.js';
import { cardOf, startTestBot, type TestBot, textOf } from '../support/bot.js';
import { makeInvoke, makeMessage, TEAMS } from '../support/activities.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});
beforeEach(() => bot.connector.clear());

/** Sends a channel message (with an @mention, as Teams does in channels) and returns the bot's single reply. */
async function ask(text: string) {
  const res = await bot.post(makeMessage(bot.connector.url, { text, mention: true }));
  expect(res.status).toBe(200);
  const replies = bot.connector.to(TEAMS.channel.id);
  expect(replies).toHaveLength(1);
  const reply = replies[0]!.activity;
  const card = cardOf(reply);
  expect(card, 'every answer carries a card').toBeTruthy();
  expect(validateCard(card)).toEqual([]);
  // json is the card's body and actions, without the fallbackText that repeats the words
  return { text: textOf(reply), card, json: JSON.stringify({ ...card, fallbackText: undefined }) };
}

const refsIn = (text: string) => [...text.matchAll(/Action (\d+) ·/g)].map((m) => Number(m[1]));

describe('plan questions over HTTP, as Teams sends them', () => {
  it('"what\'s red?" lists exactly the two RED actions: faith groups and MAPPA', async () => {
    const r = await ask("what's red?");
    expect(r.text.split('\n')[0]).toBe('2 actions are RED');
    expect(refsIn(r.text)).toEqual([18, 22]);
    expect(r.text).toContain('Engage with and support faith groups');
    expect(r.text).toContain('Multi-Agency Public Protection Arrangements');
    expect(refsIn(r.json)).toEqual([18, 22]);
  });

  it('"what\'s amber?" lists exactly the 12 AMBER actions on one card', async () => {
    const r = await ask("what's amber?");
    expect(r.text.split('\n')[0]).toBe('12 actions are AMBER');
    expect(refsIn(r.text)).toEqual([3, 6, 8, 10, 11, 15, 17, 19, 20, 21, 23, 24]);
    expect(refsIn(r.json)).toEqual([3, 6, 8, 10, 11, 15, 17, 19, 20, 21, 23, 24]);
    expect(r.json).not.toContain('Show more');
  });

  it('"Show more" pages on: the invoke answers with the next page as the refreshed card', async () => {
    const first = await ask('CST actions');
    expect(first.text.split('\n')[0]).toMatch(/^22 actions/);
    expect(refsIn(first.text)).toEqual([1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    const more =
      JSON.stringify(first.card).match(/"verb":"plan\.showMore","data":(\{[^}]*\})/) ??
      JSON.stringify(first.card).match(/"data":(\{[^}]*"plan\.showMore"[^}]*\})/);
    expect(more).toBeTruthy();
    const data = JSON.parse(more![1]!);
    const res = await bot.post(makeInvoke(bot.connector.url, 'plan.showMore', data));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(validateCard(res.body.value)).toEqual([]);
    const refs = refsIn(JSON.stringify({ ...res.body.value, fallbackText: undefined }));
    expect(refs).toEqual([17, 18, 19, 20, 21, 23, 24]);
    expect(JSON.stringify(res.body.value)).not.toContain('Show more');
  });

  it('"show action 18" shows the faith-groups action with all its fields', async () => {
    const r = await ask('show action 18');
    for (const expected of [
      'Engage with and support faith groups',
      'Awareness',
      'Ongoing',
      'This ensures that another section of our community are equipped to spot signs and make referrals',
      'CoLC Community Safety Team',
      'City of London Police Prevent team',
      'Re-engage with faith groups.',
      'RED',
    ]) {
      expect(r.json).toContain(expected);
      expect(r.text).toContain(expected);
    }
    expect(r.text).toMatch(/updated by Demo plan \(first start\)/i);
  });

  it('"help" and gibberish get the help card, never silence', async () => {
    const help = await ask('help');
    expect(help.json).toContain("what's amber?");
    bot.connector.clear();
    const gibberish = await ask('flibble wobble zonk');
    expect(gibberish.text).toContain('flibble wobble zonk');
    expect(gibberish.json).toContain("what's overdue?");
  });

  it('understands every example the help card offers', async () => {
    for (const example of [...HELP_EXAMPLES, ...COORDINATOR_EXAMPLES]) {
      bot.connector.clear();
      await bot.post(makeMessage(bot.connector.url, { text: example, mention: true }));
      const replies = bot.connector.to(TEAMS.channel.id);
      expect(replies.length, example).toBeGreaterThan(0);
      expect(textOf(replies[0]!.activity), example).not.toContain("I didn't understand");
    }
  });

  it('answers in personal chat too, without a mention', async () => {
    const personal = TEAMS.personalOf('29:ali');
    const res = await bot.post(makeMessage(bot.connector.url, { text: 'summary', conversation: personal }));
    expect(res.status).toBe(200);
    const reply = bot.connector.to(personal.id)[0]!.activity;
    expect(textOf(reply)).toContain('24');
    expect(textOf(reply)).toMatch(/AMBER\D+12/);
  });
});

describe('bad input gets a 4xx or a polite reply, and the server keeps serving', () => {
  it('malformed JSON is a 400', async () => {
    const res = await bot.post('{"type": "message", ');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/not valid JSON/);
  });

  it('a 1 MB message is refused with 413', async () => {
    const res = await bot.post(makeMessage(bot.connector.url, { text: 'x'.repeat(1024 * 1024) }));
    expect(res.status).toBe(413);
  });

  it('a message with no text gets the help card', async () => {
    const res = await bot.post(makeMessage(bot.connector.url, { text: '' }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(bot.connector.to(TEAMS.channel.id)[0]!.activity)).toContain("what's amber?");
  });

  it('an unknown activity type is accepted and ignored', async () => {
    const res = await bot.post({ ...makeMessage(bot.connector.url), type: 'somethingNew' });
    expect(res.status).toBe(200);
    expect(bot.connector.sent).toHaveLength(0);
  });

  it('a missing serviceUrl or conversation is a 400 naming the field', async () => {
    const { serviceUrl: _s, ...noServiceUrl } = makeMessage(bot.connector.url);
    expect((await bot.post(noServiceUrl)).body.error).toMatch(/serviceUrl/);
    const { conversation: _c, ...noConversation } = makeMessage(bot.connector.url);
    const res = await bot.post(noConversation);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/conversation/);
  });

  it('an invoke with an unknown verb is answered with a card, never an empty body', async () => {
    const res = await bot.post(makeInvoke(bot.connector.url, 'no.such.verb', {}));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(res.body.value)).toMatch(/do not recognise that button/);
  });

  it('still answers after all that', async () => {
    const r = await ask("what's red?");
    expect(refsIn(r.text)).toEqual([18, 22]);
  });
});

describe('the server', () => {
  it('GET /healthz says the database is reachable', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: bot.store.kind });
  });

  it('serves the plan board tab and, in local mode, its data', async () => {
    expect((await fetch(`${bot.url}/tab`)).status).toBe(200);
    const board = await (await fetch(`${bot.url}/api/plan`)).json();
    expect(board.actions).toHaveLength(24);
    expect(board.counts).toMatchObject({ RED: 2, AMBER: 12, GREEN: 8, COMPLETE: 2 });
  });
});

describe('authentication', () => {
  it('with MicrosoftAppId set, an unauthenticated POST gets 401 and nothing runs', async () => {
    const secured = await startTestBot({
      env: {
        MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
        MicrosoftAppPassword: 'secret',
        MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      },
    });
    try {
      const res = await secured.post(makeMessage(secured.connector.url, { text: "what's red?" }));
      expect(res.status).toBe(401);
      const bad = await secured.post(makeMessage(secured.connector.url, { text: "what's red?" }), { authorization: 'Bearer not-a-token' });
      expect(bad.status).toBe(401);
      expect(secured.connector.sent).toHaveLength(0);
      const plan = await fetch(`${secured.url}/api/plan`);
      expect(plan.status).toBe(401);
    } finally {
      await secured.close();
    }
  });
});
