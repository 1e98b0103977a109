import { afterEach, describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import { updateRoundsJob } from '../../jobs/update-rounds.js';
import { markConversationInactive } from '../../bot/store/conversations.js';
import { grantRole } from '../../bot/store/people.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeInvoke, TEAMS } from '../support/activities.js';
import { cora, LEADS, lee, pat, personalTo, planAction, priya, setUpRoundPeople, tell, type RoundLead } from './people.js';

let bot: TestBot;
afterEach(async () => {
  await bot.close();
});

async function start(now = '2026-11-23T10:00:00Z', leads: RoundLead[] = LEADS) {
  bot = await startTestBot({ now });
  await setUpRoundPeople(bot, leads);
}

const START = 'start an update round for the board meeting on 4 December';

describe('update rounds: who is asked and who cannot be reached', () => {
  it('leads the bot cannot reach are listed for the coordinator, in the status, and are not reminded', async () => {
    await start();
    await grantRole(bot.store.db, {
      partnership: 'City of London',
      who: 'una.known@example.org',
      displayName: 'Una Known',
      role: 'lead',
      organisation: 'VAWG Forum',
    });
    await markConversationInactive(bot.store.db, TEAMS.personalOf(pat.id).id);
    const [started] = await tell(bot, START);
    expect(started!.text).toContain('Sending to: Lee Learning, Priya Protection.');
    expect(started!.text).toContain(
      'I could not reach: Pat Probation (has removed or blocked me); Una Known (has not added me in personal chat).',
    );
    const [status] = await tell(bot, 'update round status');
    expect(status!.text).toContain('0 of 4 leads have replied');
    expect(status!.text).toMatch(
      /Could not be reached \(.*\):\n- Pat Probation \(London Probation Service\): 0 of 1 updated[\s\S]*- Una Known \(CoLC VAWG Forum\)/,
    );
    bot.connector.clear();
    bot.clock.set('2026-12-01T10:00:00Z');
    const due = await updateRoundsJob.occurrences(bot.services, new Date('2026-12-01T09:00:00Z'), new Date('2026-12-01T10:00:00Z'));
    expect(await updateRoundsJob.run(bot.services, due[0]!)).toBe('Round 1: reminded 2, could not reach 0');
    await bot.delivered();
    expect(personalTo(bot, lee)).toHaveLength(1);
    expect(personalTo(bot, pat)).toHaveLength(0);
  });

  it('a lead who removed the bot (403 when sending) is listed, and their conversation is marked inactive', async () => {
    await start('2026-11-23T10:00:00Z', [LEADS[1]!]);
    bot.connector.failNext({
      status: 403,
      body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } },
      conversationId: TEAMS.personalOf(pat.id).id,
    });
    // The request is queued with the round and refused when the outbox sends it, after the coordinator's answer.
    const [started] = await tell(bot, START);
    expect(started!.text).toContain('Sending to: Pat Probation.');
    expect(await bot.store.db.conversationRef.findUnique({ where: { conversationId: TEAMS.personalOf(pat.id).id } })).toMatchObject({
      active: false,
      inactiveReason: 'removed',
    });
    expect(await bot.store.db.updateRoundItem.findMany({ select: { status: true } })).toEqual([{ status: 'unreachable' }]);
    const [status] = await tell(bot, 'update round status');
    expect(status!.text).toContain('Pat Probation');
    const [again] = await tell(bot, 'delivery problems');
    expect(again!.text).toContain('Pat Probation (lead) removed the app: ask them to add the app again and open a chat with it');
  });

  it("asks about every action of the lead's organisation that is not COMPLETE, and names actions nobody was asked about", async () => {
    await start('2026-11-23T10:00:00Z', [{ user: lee, organisation: 'CST', ref: 1 }]);
    const [started] = await tell(bot, START);
    expect(started!.text).toContain('20 actions need an update from 1 lead.');
    expect(started!.text).toContain('No lead is named for actions 6, 22, so nobody was asked about them.');
    const request = personalTo(bot, lee)[0]!;
    expect(request).toContain('Please update the 20 actions you lead for CoLC Community Safety Team');
    expect(request).not.toMatch(/Action 1[23] · /);
  });

  it('a lead has answered once each of their actions has an update since the round started, whoever made it', async () => {
    await start();
    const a22 = await planAction(bot, 22);
    await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: a22.id, version: a22.version, rag: 'AMBER', note: 'Before the round' },
        { from: cora, conversation: TEAMS.personalOf(cora.id) },
      ),
    );
    bot.clock.set('2026-11-23T11:00:00Z');
    await tell(bot, START);
    let [status] = await tell(bot, 'update round status');
    expect(status!.text).toContain('0 of 3 leads have replied');
    const a23 = await planAction(bot, 23);
    await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: a23.id, version: a23.version, rag: 'GREEN', note: 'Updated for Priya by the coordinator' },
        { from: cora, conversation: TEAMS.personalOf(cora.id) },
      ),
    );
    [status] = await tell(bot, 'update round status');
    expect(status!.text).toContain('1 of 3 leads have replied; 1 of 3 actions have been updated.');
    expect(status!.text).toMatch(
      /Replied:\n- Priya Protection .*\n {4}- Action 23 · .*: updated by Cora Ordinator at 11:00 on Monday 23 November 2026/,
    );
  });
});

describe('update rounds: who may run them, and dates', () => {
  it('only a coordinator can start a round or see its status', async () => {
    await start();
    for (const text of [START, 'update round status']) {
      const [refused] = await tell(bot, text, priya);
      expect(refused!.text).toBe('Only a coordinator can run update rounds. Ask your Prevent coordinator.');
    }
    expect(await bot.store.db.updateRound.count()).toBe(0);
  });

  it('one round at a time; no round yet; no leads at all', async () => {
    await start();
    const [none] = await tell(bot, 'update round status');
    expect(none!.text).toContain('There has been no update round yet.');
    await tell(bot, START);
    const [second] = await tell(bot, 'start an update round for the forum on 10 December');
    expect(second!.text).toContain(
      'There is already an open update round for the board meeting on Friday 4 December 2026; it closes at 17:00 on Thursday 3 December 2026.',
    );
    expect(await bot.store.db.updateRound.count()).toBe(1);
  });

  it('with no leads named there is nobody to ask, and nothing is created', async () => {
    await start('2026-11-23T10:00:00Z', []);
    const [refused] = await tell(bot, START);
    expect(refused!.text).toContain('No lead has an action that needs an update');
    expect(await bot.store.db.updateRound.count()).toBe(0);
  });

  it.each([
    ['start an update round for the board meeting on Smarch 45', 'I couldn\'t read "Smarch 45" as a date.'],
    ['start an update round for the board meeting on 1 November 2026', 'The meeting must be after today.'],
    [
      'start an update round for the board meeting on 4 December with updates due by 10 December',
      'Updates must be due on or before the meeting.',
    ],
    ['start an update round for the board meeting on 4 December with updates due by someday', 'I couldn\'t read "someday" as a date.'],
  ])('%s → %s', async (text, problem) => {
    await start();
    const [reply] = await tell(bot, text);
    expect(reply!.text).toContain(problem);
    expect(await bot.store.db.updateRound.count()).toBe(0);
  });

  it('after the default deadline has passed, the coordinator is asked to give a later due date', async () => {
    await start('2026-12-03T18:00:00Z');
    const [reply] = await tell(bot, START);
    expect(reply!.text).toContain('The deadline for updates has already passed');
  });

  it('"with updates due by 1 December" sets the deadline, and the reminder two working days before it', async () => {
    await start();
    const [started] = await tell(bot, `${START} with updates due by 1 December`);
    expect(started!.text).toContain('Updates are due by 17:00 on Tuesday 1 December 2026.');
    expect(started!.text).toContain('at 10:00 on Friday 27 November 2026');
  });
});

describe('update rounds: closing', () => {
  it('a round no instance closed at its deadline closes at the next run, or when the coordinator asks for its status', async () => {
    await start();
    await tell(bot, START);
    bot.clock.set('2026-12-04T09:00:00Z');
    const late = await updateRoundsJob.occurrences(bot.services, new Date('2026-12-04T08:59:00Z'), new Date('2026-12-04T09:00:00Z'));
    expect(late.map((o) => o.key)).toEqual(['round:1:close-late:2026-12-04T09:00:00.000Z']);
    bot.connector.clear();
    const [status] = await tell(bot, 'update round status');
    expect(status!.text).toContain('Closed at 09:00 on Friday 4 December 2026.');
    expect(status!.text).toContain('Did not reply:');
    expect(personalTo(bot, cora).filter((t) => t.includes('has closed'))).toHaveLength(1);
    expect(await updateRoundsJob.run(bot.services, late[0]!)).toBe('Round 1 is already closed');
    expect(await updateRoundsJob.occurrences(bot.services, new Date('2026-12-04T09:00:00Z'), new Date('2026-12-04T09:01:00Z'))).toEqual([]);
  });
});
