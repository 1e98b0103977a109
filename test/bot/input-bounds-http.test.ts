import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { startTestBot, type TestBot, textOf } from '../support/bot.js';
import { asPerson, makeInvoke, makeMessage, makeSubmit, TEAMS } from '../support/activities.js';
import { grantRole } from '../../bot/store/people.js';
import { action, say, setUpPeople } from '../dialog/chat.js';

let bot: TestBot;
const ali = TEAMS.user('Ali Burlington', '29:ali');

beforeEach(async () => {
  bot = await startTestBot();
  await setUpPeople(bot);
});
afterEach(async () => {
  await bot.close();
});

async function historyCount(ref: number) {
  return bot.store.db.actionUpdate.count({ where: { actionId: (await action(bot, ref)).id } });
}

async function withTarget() {
  const plan = await loadPlanView(bot.store.db, 'City of London');
  const a = plan!.actions.find((x) => x.ref === 19)!;
  expect(a.target).toBe(25);
  return a;
}

describe('progress has bounds on every path', () => {
  it('a card (Action.Execute) with progress above ten times the target saves nothing and says the most it can be', async () => {
    const a19 = await withTarget();
    const before = await historyCount(19);
    const res = await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: a19.id, version: a19.version, rag: 'AMBER', note: 'typo', progress: '1000000000' },
        { from: ali },
      ),
    );
    expect(res.status).toBe(200);
    const card = JSON.stringify(res.body.value);
    expect(card).toContain('Nothing was saved.');
    expect(card).toContain('more than ten times the target of 25: the most it can be is 250');
    expect(card).toContain('typo');
    expect(await historyCount(19)).toBe(before);
    expect((await action(bot, 19)).progress).toBe(a19.progress);
  });

  it('exactly ten times the target is accepted; a negative figure is refused', async () => {
    const a19 = await withTarget();
    const ok = await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: a19.id, version: a19.version, rag: 'AMBER', note: '', progress: 250 },
        { from: ali },
      ),
    );
    expect(JSON.stringify(ok.body.value)).toContain('Saved: action 19');
    expect((await action(bot, 19)).progress).toBe(250);
    const a = await action(bot, 19);
    const negative = await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: a.id, version: a.version, rag: 'AMBER', note: '', progress: -3 },
        { from: ali },
      ),
    );
    expect(JSON.stringify(negative.body.value)).toMatch(/Progress must be a whole number, 0 or more/);
    expect((await action(bot, 19)).progress).toBe(250);
  });

  it('an action without a target takes at most 100,000', async () => {
    const a18 = await action(bot, 18);
    expect(a18.target).toBeNull();
    const res = await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: a18.id, version: a18.version, rag: 'AMBER', note: '', progress: 100_001 },
        { from: ali },
      ),
    );
    expect(JSON.stringify(res.body.value)).toContain('Progress of 100,001 is too high: the most it can be is 100,000.');
    expect((await action(bot, 18)).version).toBe(a18.version);
  });

  it('an Action.Submit message (Teams mobile) is held to the same bound', async () => {
    const a19 = await withTarget();
    bot.connector.clear();
    await bot.post(
      makeSubmit(
        bot.connector.url,
        { verb: VERBS.submitUpdate, actionId: a19.id, version: a19.version, rag: 'AMBER', note: '', progress: 999_999 },
        { from: ali },
      ),
    );
    const texts = bot.connector.sent.map((s) => JSON.stringify(s.activity));
    expect(texts.some((t) => t.includes('the most it can be is 250'))).toBe(true);
    expect((await action(bot, 19)).version).toBe(a19.version);
  });

  it('a typed conversation asks again when the figure is above the bound, and saves the corrected one', async () => {
    await say(bot, 'update action 19');
    await say(bot, 'green');
    const [progress] = await say(bot, 'Five firms trained in November.');
    expect(progress!.text).toContain('How many so far?');
    const [again] = await say(bot, '9999999');
    expect(again!.text).toContain('Progress of 9,999,999 is more than ten times the target of 25: the most it can be is 250.');
    const [summary] = await say(bot, '9');
    expect(summary!.text).toContain('9 of 25');
    await say(bot, 'yes');
    expect((await action(bot, 19)).progress).toBe(9);
  });
});

describe('free text and counts have bounds with a clear message', () => {
  it('an update round for a meeting with a 300-character name is refused, saying the limit', async () => {
    await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(ali), role: 'coordinator' });
    bot.connector.clear();
    await bot.post(
      makeMessage(bot.connector.url, {
        text: `start an update round for the ${'very '.repeat(60)}board on 4 December`,
        mention: true,
        from: ali,
      }),
    );
    const text = bot.connector
      .to(TEAMS.channel.id)
      .map((s) => textOf(s.activity))
      .join('\n');
    expect(text).toMatch(/keep it to 100 characters or fewer/);
    expect(await bot.store.db.updateRound.count()).toBe(0);
  });

  it('a schedule reminding 900 days before, or with six reminders, is refused with the limit', async () => {
    await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(ali), role: 'coordinator' });
    const tooEarly = await say(bot, 'schedule the forum monthly on the first Tuesday at 10:00, reminding 900 days before');
    expect(tooEarly.map((s) => s.text).join('\n')).toContain('at most 60 days before a meeting');
    const tooMany = await say(
      bot,
      'schedule the forum monthly on the first Tuesday at 10:00, reminding 6 days, 5 days, 4 days, 3 days, 2 days and 1 day before',
    );
    expect(tooMany.map((s) => s.text).join('\n')).toContain('at most 5 reminders');
    expect(await bot.store.db.schedule.count()).toBe(0);
  });
});
