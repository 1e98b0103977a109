import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import { updateRoundsJob } from '../../jobs/update-rounds.js';
import { buttons } from '../cards/card-walk.js';
import { cardOf, startTestBot, type TestBot, textOf } from '../support/bot.js';
import { makeInvoke, TEAMS } from '../support/activities.js';
import { click, say } from '../dialog/chat.js';
import { cora, lee, pat, personalTo, planAction, priya, setUpRoundPeople, tell } from './people.js';

let bot: TestBot;
beforeEach(async () => {
  bot = await startTestBot({ now: '2026-11-23T10:00:00Z' });
  await setUpRoundPeople(bot);
});
afterEach(async () => {
  await bot.close();
});

/** Lets the update-rounds job run everything due between two instants, as the run coordinator would. */
async function runJob(from: string, to: string): Promise<string[]> {
  const due = await updateRoundsJob.occurrences(bot.services, new Date(from), new Date(to));
  const details: string[] = [];
  for (const occurrence of due) details.push(await updateRoundsJob.run(bot.services, occurrence));
  return details;
}

describe('an update round before a board meeting, with three leads', () => {
  it('asks each lead, collects two answers (chat and card), reminds the third once, reports 2 of 3, and closes with a summary', async () => {
    const [started] = await tell(bot, 'start an update round for the board meeting on 4 December');
    expect(started!.text).toContain('Update round started for the board meeting on Friday 4 December 2026');
    expect(started!.text).toContain('3 actions need an update from 3 leads. Updates are due by 17:00 on Thursday 3 December 2026.');
    expect(started!.text).toContain('I will remind anyone who has not replied at 10:00 on Tuesday 1 December 2026');
    expect(started!.text).toContain('Sent to: Lee Learning, Pat Probation, Priya Protection.');

    const requests = Object.fromEntries([lee, pat, priya].map((u) => [u.id, bot.connector.to(TEAMS.personalOf(u.id).id)]));
    for (const [who, ref] of [
      [lee, 1],
      [pat, 22],
      [priya, 23],
    ] as const) {
      expect(requests[who.id]).toHaveLength(1);
      const text = textOf(requests[who.id]![0]!.activity);
      expect(text).toContain('Updates for the board meeting on Friday 4 December 2026');
      expect(text).toContain('by 17:00 on Thursday 3 December 2026');
      expect(text).toContain(`- Action ${ref} · `);
      expect(text).toContain(`"update action ${ref}"`);
    }
    const leeCard = cardOf(requests[lee.id]![0]!.activity);
    expect(buttons(leeCard).map((b) => b.title)).toEqual(['Update', 'Talk me through it']);

    bot.clock.set('2026-11-24T09:00:00Z');
    const {
      messages: [firstQuestion],
    } = await click(bot, leeCard, 'Talk me through it', {}, lee);
    expect(firstQuestion!.text).toContain('What is its RAG rating now?');
    await say(bot, 'green', lee);
    await say(bot, 'Forty apprentices trained in November.', lee);
    const [saved] = await say(bot, 'yes', lee);
    expect(saved!.text).toContain('Saved: action 1 is still GREEN.');

    const patCard = cardOf(requests[pat.id]![0]!.activity);
    const {
      messages: [form],
    } = await click(bot, patCard, 'Update', {}, pat);
    expect(form!.text).toContain('Action 22 · Enhance current working arrangement between Prevent and Multi-Agency');
    const a22 = await planAction(bot, 22);
    const res = await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: a22.id, version: a22.version, rag: 'AMBER', note: 'MAPPA protocol agreed with probation.' },
        { from: pat, conversation: TEAMS.personalOf(pat.id) },
      ),
    );
    expect(JSON.stringify(res.body.value)).toContain('Saved: action 22 is RED → AMBER');

    bot.connector.clear();
    bot.clock.set('2026-12-01T10:00:00Z');
    expect(await runJob('2026-12-01T09:59:00Z', '2026-12-01T10:00:00Z')).toEqual(['Round 1: reminded 1, could not reach 0']);
    expect(personalTo(bot, lee)).toEqual([]);
    expect(personalTo(bot, pat)).toEqual([]);
    const reminder = personalTo(bot, priya);
    expect(reminder).toHaveLength(1);
    expect(reminder[0]).toContain('Reminder: updates for the board meeting on Friday 4 December 2026');
    expect(reminder[0]).toContain(
      'An action you lead for Public Protection Unit still needs an update by 17:00 on Thursday 3 December 2026.',
    );
    expect(await runJob('2026-12-01T10:00:00Z', '2026-12-02T10:00:00Z')).toEqual([]);
    const again = await updateRoundsJob.run(bot.services, {
      key: 'round:1:reminder',
      at: new Date('2026-12-01T10:00:00Z'),
      payload: { roundId: 1, kind: 'reminder' },
    });
    expect(again).toBe('Round 1: reminder already sent');
    expect(personalTo(bot, priya)).toHaveLength(1);

    const [status] = await tell(bot, 'update round status');
    expect(status!.text).toContain('2 of 3 leads have replied; 2 of 3 actions have been updated.');
    expect(status!.text).toContain('A reminder was sent at 10:00 on Tuesday 1 December 2026.');
    expect(status!.text).toMatch(
      /Replied:\n- Lee Learning \(CoLC Learning and Development\): 1 of 1 updated\n {4}- Action 1 · .*: updated by Lee Learning at 09:00 on Tuesday 24 November 2026\n- Pat Probation \(London Probation Service\): 1 of 1 updated/,
    );
    expect(status!.text).toMatch(
      /Not replied yet:\n- Priya Protection \(Public Protection Unit\): 0 of 1 updated\n {4}- Action 23 · .*: no update yet/,
    );

    const history1 = await bot.store.db.actionUpdate.findMany({
      where: { actionId: (await planAction(bot, 1)).id },
      orderBy: { id: 'desc' },
    });
    expect(history1[0]).toMatchObject({ actorName: 'Lee Learning', note: 'Forty apprentices trained in November.', source: 'chat' });
    const history22 = await bot.store.db.actionUpdate.findMany({ where: { actionId: a22.id }, orderBy: { id: 'desc' } });
    expect(history22[0]).toMatchObject({ actorName: 'Pat Probation', ragTo: 'AMBER', source: 'card' });

    bot.connector.clear();
    bot.clock.set('2026-12-03T17:00:00Z');
    expect(await runJob('2026-12-03T16:59:00Z', '2026-12-03T17:00:00Z')).toEqual([
      'Round 1 closed (2 of 3 replied); summary sent to Cora Ordinator',
    ]);
    const summary = personalTo(bot, cora);
    expect(summary).toHaveLength(1);
    expect(summary[0]).toContain('The update round for the board meeting on Friday 4 December 2026 has closed');
    expect(summary[0]).toContain('2 of 3 leads have replied; 2 of 3 actions have been updated.');
    expect(summary[0]).toContain('Did not reply:\n- Priya Protection (Public Protection Unit): 0 of 1 updated');
    expect(await runJob('2026-12-03T17:00:00Z', '2026-12-03T17:01:00Z')).toEqual([]);
    const items = await bot.store.db.updateRoundItem.findMany({ orderBy: { id: 'asc' } });
    expect(items.map((i) => i.status)).toEqual(['answered', 'answered', 'pending']);
    expect(items[0]!.updateId).toBe(history1[0]!.id);
  });
});
