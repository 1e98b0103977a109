import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import { grantRole, identifySender } from '../../bot/store/people.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { stoppedNotesSince } from '../../bot/store/stopped-notes.js';
import { cardOf, startTestBot, type TestBot, textOf } from '../support/bot.js';
import { makeInstall, makeInvoke, makeMessage, makeSubmit, TEAMS } from '../support/activities.js';
import { asPerson } from '../support/activities.js';
import { captureLogs, everyTable } from './tables.js';

/** The note from issue 13, word for word. */
const ISSUE_NOTE = "Met the mother of the 14-year-old at St Mary's, Sarah Khan 07700 900123, DOB 03/04/2011, 12 High Street EC2V 7HH";
/** The references the old case-reference check let through. */
const REFERENCES = ['943-476-5919', '943.476.5919', 'KHAN-2026-01', 'ALI-01', 'JS120309'];
const STOPPED = [ISSUE_NOTE, ...REFERENCES.map((ref) => `Reviewed ${ref} at the panel`)];
/** Distinctive pieces of the stopped texts that must appear in no table and no log line. */
const PIECES = ['07700', 'Sarah Khan', '03/04/2011', 'EC2V', '476-5919', '476.5919', 'KHAN-2026', 'ALI-01', 'JS120309'];

let bot: TestBot;
const ali = TEAMS.user('Ali Burlington', '29:ali');
const personal = TEAMS.personalOf(ali.id);

beforeEach(async () => {
  bot = await startTestBot();
  await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(ali), role: 'coordinator', organisation: 'CST' });
  await bot.post(makeInstall(bot.connector.url));
  await say('help');
  await identifySender(bot.store.db, 'City of London', ali);
  bot.connector.clear();
});
afterEach(async () => {
  await bot.close();
});

async function action18() {
  const plan = await loadPlanView(bot.store.db, 'City of London');
  const a = plan?.actions.find((x) => x.ref === 18);
  if (!a) throw new Error('demo plan has no action 18');
  return a;
}

/** Runs some turns and checks that nothing reached any table, the channel or the log, and that each stop was counted. */
async function expectNothingKept(turns: () => Promise<void>, stops: number) {
  const before = await everyTable(bot.store.db);
  const logs = captureLogs();
  try {
    await turns();
  } finally {
    logs.stop();
  }
  const after = await everyTable(bot.store.db);
  expect(after).toEqual(before);
  const stored = JSON.stringify(after);
  const logged = logs.lines.join('');
  for (const piece of PIECES) {
    expect(stored.includes(piece), `"${piece}" in a table`).toBe(false);
    expect(logged.includes(piece), `"${piece}" in the log`).toBe(false);
  }
  expect(bot.connector.to(TEAMS.channel.id)).toEqual([]);
  expect(await stoppedNotesSince(bot.store.db, 'City of London', '2026-01-01')).toBe(stops);
}

describe('personal data is refused on every path, and nothing is kept', () => {
  it('card (Action.Execute) in personal chat: refused with the reason, the note back in the box', async () => {
    const a18 = await action18();
    await expectNothingKept(async () => {
      for (const note of STOPPED) {
        const res = await bot.post(
          makeInvoke(
            bot.connector.url,
            VERBS.submitUpdate,
            { actionId: a18.id, version: a18.version, rag: 'AMBER', note },
            { from: ali, conversation: personal },
          ),
        );
        expect(res.status).toBe(200);
        const card = res.body.value;
        const words = JSON.stringify(card);
        expect(words).toContain('Nothing was saved or posted');
        const input = JSON.stringify(card).includes('"id":"note"') ? findInput(card, 'note') : null;
        expect(input?.value).toBe(note);
      }
    }, STOPPED.length);
    const first = await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: a18.id, version: a18.version, rag: 'AMBER', note: ISSUE_NOTE },
        { from: ali, conversation: personal },
      ),
    );
    const words = JSON.stringify(first.body.value);
    for (const found of ['a phone number', 'a date of birth', 'a postcode', 'a street address', 'a person’s age'])
      expect(words).toContain(found);
  });

  it('card in the channel: refused, and the text is not repeated where everyone would see it', async () => {
    const a18 = await action18();
    await expectNothingKept(async () => {
      const res = await bot.post(
        makeInvoke(
          bot.connector.url,
          VERBS.submitUpdate,
          { actionId: a18.id, version: a18.version, rag: 'AMBER', note: ISSUE_NOTE },
          { from: ali },
        ),
      );
      const words = JSON.stringify(res.body.value);
      expect(words).toContain('Nothing was saved or posted');
      expect(words).toContain('has not been put back on this card');
      expect(findInput(res.body.value, 'note')?.value).toBeUndefined();
    }, 1);
  });

  it('card (Action.Submit fallback): refused the same way', async () => {
    const a18 = await action18();
    await expectNothingKept(async () => {
      for (const note of STOPPED) {
        await bot.post(
          makeSubmit(
            bot.connector.url,
            { verb: VERBS.submitUpdate, actionId: a18.id, version: a18.version, rag: 'GREEN', note },
            { from: ali, conversation: personal },
          ),
        );
        const [reply] = bot.connector.to(personal.id).map((s) => s.activity);
        expect(textOf(reply)).toContain('Nothing was saved or posted');
        expect(findInput(cardOf(reply ?? {}), 'note')?.value).toBe(note);
        bot.connector.clear();
      }
    }, STOPPED.length);
  });

  it('typed conversation: the note step refuses, keeps the question open and gives the words back; a clean note then saves', async () => {
    const a18 = await action18();
    await say('update action 18');
    await say('amber');
    await expectNothingKept(async () => {
      for (const note of STOPPED) {
        const [reply] = await say(note);
        expect(textOf(reply)).toContain('Nothing was saved or posted');
        expect(textOf(reply)).toContain('Here is what you wrote, so you can rephrase it:');
        expect(textOf(reply)).toContain(note);
      }
    }, STOPPED.length);
    const [summary] = await say('Met a family member with the school DSL; referral route explained.');
    expect(textOf(summary)).toContain('Save this update?');
    await say('yes');
    expect((await action18()).version).toBe(a18.version + 1);
  });

  it('the note typed into the conversation card (Action.Execute answer) is refused and put back in the box', async () => {
    await say('update action 18');
    await say('amber');
    const dialog = await bot.store.db.dialogState.findFirstOrThrow();
    const a18 = await action18();
    await expectNothingKept(async () => {
      const res = await bot.post(
        makeInvoke(
          bot.connector.url,
          VERBS.dialogAnswer,
          { dialogId: dialog.id, actionId: a18.id, step: 'note', answer: ISSUE_NOTE },
          { from: ali, conversation: personal },
        ),
      );
      expect(JSON.stringify(res.body.value)).toContain('Nothing was saved or posted');
      expect(findInput(res.body.value, 'answer')?.value).toBe(ISSUE_NOTE);
    }, 1);
  });

  it('case references, schedules and round titles typed in chat are refused before any command runs', async () => {
    await expectNothingKept(async () => {
      for (const ref of REFERENCES) {
        const [reply] = await say(`add case review ${ref} started 3 November 2026`);
        expect(textOf(reply)).toContain("I can't store that case reference");
        expect(textOf(reply)).not.toContain(ref);
      }
      const [schedule] = await say('schedule a visit to Sarah Khan, 14, monthly on the first Tuesday at 10:00');
      expect(textOf(schedule)).toContain('a name next to an age');
      const [round] = await say('start an update round for the board meeting about JS120309 on 4 December');
      expect(textOf(round)).toContain('a date of birth');
    }, REFERENCES.length + 2);
  });

  it('in the channel, a stopped message is not repeated back', async () => {
    await expectNothingKept(async () => {
      await bot.post(makeMessage(bot.connector.url, { text: ISSUE_NOTE, mention: true, from: ali }));
      const sent = bot.connector.to(TEAMS.channel.id).map((s) => textOf(s.activity));
      expect(sent).toHaveLength(1);
      expect(sent[0]).toContain('Please delete your message');
      bot.connector.clear();
    }, 1);
  });
});

async function say(text: string) {
  bot.connector.clear();
  await bot.post(makeMessage(bot.connector.url, { text, from: ali, conversation: personal }));
  return bot.connector.to(personal.id).map((s) => s.activity);
}

function findInput(card: unknown, id: string): { value?: unknown } | undefined {
  let found: { value?: unknown } | undefined;
  JSON.stringify(card, (_key, value) => {
    if (
      value &&
      typeof value === 'object' &&
      (value as { id?: unknown }).id === id &&
      String((value as { type?: unknown }).type).startsWith('Input.')
    )
      found = value;
    return value;
  });
  return found;
}

describe('the log capture used above', () => {
  /** The lines logged while a card press with a verb the bot does not know is answered. */
  async function linesOfUnknownPress(): Promise<string[]> {
    const logs = captureLogs();
    try {
      await bot.post(makeInvoke(bot.connector.url, 'no-such-verb', {}, { from: ali }));
    } finally {
      logs.stop();
    }
    return logs.lines;
  }

  it('sees what the bot logs (so an empty capture means nothing was logged)', async () => {
    expect((await linesOfUnknownPress()).join('')).toContain('Card action failed');
  });

  it("keeps every field of a line but the time it was written (the clock's digits are nobody's words)", async () => {
    const line = JSON.parse((await linesOfUnknownPress()).find((l) => l.includes('Card action failed')) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ level: expect.any(Number), app: 'prevent-bot', msg: expect.stringContaining('Card action failed') });
    expect(line).not.toHaveProperty('time');
  });
});
