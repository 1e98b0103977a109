import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import { validateCard } from '../../cards/validate.js';
import { grantRole, identifySender } from '../../bot/store/people.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { changePrivacySettings } from '../../bot/store/privacy-settings.js';
import { cardOf, startTestBot, type TestBot, textOf } from '../support/bot.js';
import { makeInstall, makeInvoke, makeMessage, TEAMS } from '../support/activities.js';
import { asPerson } from '../support/activities.js';

let bot: TestBot;
const ali = TEAMS.user('Ali Burlington', '29:ali');
const sam = TEAMS.user('Sam Member', '29:sam');
const PARTNERSHIP = 'City of London';

beforeEach(async () => {
  bot = await startTestBot();
  await grantRole(bot.store.db, { partnership: PARTNERSHIP, person: asPerson(ali), role: 'coordinator', organisation: 'CST' });
  await bot.post(makeInstall(bot.connector.url));
  bot.connector.clear();
});
afterEach(async () => {
  await bot.close();
});

async function action18() {
  const a = (await loadPlanView(bot.store.db, PARTNERSHIP))?.actions.find((x) => x.ref === 18);
  if (!a) throw new Error('no action 18');
  return a;
}

async function say(text: string, from = ali, where: 'personal' | 'channel' = 'personal') {
  const conversation = where === 'personal' ? TEAMS.personalOf(from.id) : TEAMS.channel;
  bot.connector.clear();
  await bot.post(makeMessage(bot.connector.url, { text, from, conversation, mention: where === 'channel' }));
  return bot.connector.to(conversation.id).map((s) => s.activity);
}

function updateFromCard(note: string, rag = 'AMBER') {
  return action18().then((a) =>
    bot.post(makeInvoke(bot.connector.url, VERBS.submitUpdate, { actionId: a.id, version: a.version, rag, note }, { from: ali })),
  );
}

describe('channel announcements', () => {
  it('say what changed, who changed it and offer a button to open the card; the note stays out of the channel by default', async () => {
    const note = 'Forum with six faith leaders held; next one in March.';
    await updateFromCard(note);
    const [post] = bot.connector.to(TEAMS.channelId).map((s) => s.activity);
    expect(textOf(post)).toContain('Action 18 · Engage with and support faith groups: RED → AMBER, by Ali Burlington (CST)');
    expect(textOf(post)).toContain('A note was added: open action 18 to read it in its history.');
    expect(textOf(post)).not.toContain('faith leaders held');
    const card = cardOf(post ?? {});
    expect(validateCard(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('faith leaders held');
    expect(JSON.stringify(card)).toContain(`"verb":"${VERBS.showAction}"`);
    expect(JSON.stringify(card)).toContain('Open action 18');
  });

  it('carry the note once a coordinator turns that on in chat (and off again), audited', async () => {
    expect(textOf((await say('post notes to the channel', sam))[0])).toContain('Only a coordinator');
    expect(textOf((await say('post notes to the channel'))[0])).toContain('update notes are posted to the partnership channel');
    await updateFromCard('Forum with six faith leaders held.');
    expect(textOf(bot.connector.to(TEAMS.channelId)[0]?.activity)).toContain('Forum with six faith leaders held.');
    await say("don't post notes to the channel");
    bot.connector.clear();
    await updateFromCard('Second forum booked.', 'GREEN');
    expect(textOf(bot.connector.to(TEAMS.channelId)[0]?.activity)).not.toContain('Second forum booked.');
    const audit = await bot.store.db.auditEntry.findMany({ where: { action: 'privacy.settings' } });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      actorLabel: expect.stringMatching(/^member \d+$/),
      detail: JSON.stringify({ changed: ['postNotesToChannel'] }),
    });
  });

  it('the update form says who will see the note, and follows the setting', async () => {
    const [card] = await say('show action 18');
    const form = JSON.stringify(cardOf(card ?? {}));
    expect(form).toContain('Who will see your note: everyone in the partnership');
    expect(form).toContain('but not your note');
    await changePrivacySettings(bot.store.db, {
      partnership: PARTNERSHIP,
      change: { postNotesToChannel: true },
      actor: { personId: null, label: 'test' },
      now: new Date(),
    });
    expect(JSON.stringify(cardOf((await say('show action 18'))[0] ?? {}))).toContain('the partnership channel is told, with your note');
    const [question] = await (async () => {
      await say('update action 18');
      return say('amber');
    })();
    expect(textOf(question)).toContain('Who will see your note: everyone in the partnership');
  });
});

describe('text people type stays text', () => {
  it('a Markdown link, emphasis and a bare address in a note are not active in the channel post, the card or the history', async () => {
    await changePrivacySettings(bot.store.db, {
      partnership: PARTNERSHIP,
      change: { postNotesToChannel: true },
      actor: { personId: null, label: 'test' },
      now: new Date(),
    });
    const note = 'See [the slides](https://evil.example/x) and **this** _now_ at https://evil.example <at>Everyone</at>';
    await updateFromCard(note);
    const [post] = bot.connector.to(TEAMS.channelId).map((s) => s.activity);
    expect(post?.textFormat).toBe('plain');
    const blocks = JSON.stringify(cardOf(post ?? {}));
    expect(blocks).not.toContain('[the slides](');
    expect(blocks).not.toContain('**this**');
    expect(blocks).not.toContain('https://evil');
    expect(blocks).not.toContain('<at>');
    expect(blocks).toContain('\\\\[the slides\\\\]');
    const history = JSON.stringify(cardOf((await say('history of action 18'))[0] ?? {}));
    expect(history).not.toContain('[the slides](');
    expect(history).not.toContain('**this**');
  });
});

describe('safeguarding signposting', () => {
  it('"how do I make a referral?" gets the partnership’s route, 999 and the national lines, not plan actions', async () => {
    await changePrivacySettings(bot.store.db, {
      partnership: PARTNERSHIP,
      change: {
        referralEmail: 'prevent@cityoflondon.gov.uk',
        referralPhone: '020 7332 3084',
        referralFormUrl: 'https://www.cityoflondon.gov.uk/prevent-referral',
        referralOutOfHours: 'Emergency Duty Team 020 8356 2710',
      },
      actor: { personId: null, label: 'test' },
      now: new Date(),
    });
    const [reply] = await say('how do I make a referral?', sam);
    const card = cardOf(reply ?? {});
    expect(validateCard(card)).toEqual([]);
    const words = textOf(reply);
    expect(words).toContain('In an emergency, or if someone is in immediate danger, call 999.');
    expect(words).toContain('Email: prevent@cityoflondon.gov.uk');
    expect(words).toContain('Phone: 020 7332 3084');
    expect(words).toContain('Out of hours: Emergency Duty Team 020 8356 2710');
    expect(words).toContain('ACT Early support line: 0800 011 3764');
    expect(words).toContain('Anti-Terrorist Hotline: 0800 789 321');
    expect(words).not.toMatch(/Action \d+ ·/);
    expect(JSON.stringify(card)).toContain('"type":"Action.OpenUrl"');
    expect(words).toContain('Please do not send me details of the person');
    expect(words).not.toMatch(/tell me|their name|who is it|give me|what is (?:his|her|their)/i);
  });

  it('"I\'m worried about someone" and "who do I call?" in the channel get the same card; without a route set, it says whom to ask', async () => {
    for (const text of ["I'm worried about someone", 'who do I call?']) {
      const [reply] = await say(text, sam, 'channel');
      expect(textOf(reply)).toContain('call 999');
      expect(textOf(reply)).toContain('has not set its referral route here yet');
    }
  });

  it('a worried message with details of the person is not kept, and says so', async () => {
    const [warning, card] = await say("I'm worried about Sarah Khan, 14, at 12 High Street", sam);
    expect(textOf(warning)).toContain('I have not kept your message');
    expect(textOf(card)).toContain('call 999');
    expect(await bot.store.db.stoppedNoteCount.count()).toBe(1);
  });

  it('national lines are configurable defaults', async () => {
    await bot.close();
    bot = await startTestBot({ env: { ACT_EARLY_LINE: '0800 111 2222', ANTI_TERRORIST_HOTLINE: '0800 333 4444' } });
    const [reply] = await say('who do I call?');
    expect(textOf(reply)).toContain('ACT Early support line: 0800 111 2222');
    expect(textOf(reply)).toContain('Anti-Terrorist Hotline: 0800 333 4444');
  });
});

describe('the privacy command', () => {
  it('says what is kept, why, how long and whom to ask; only coordinators see the stopped-note counts', async () => {
    await identifySender(bot.store.db, PARTNERSHIP, ali);
    await say('Call Sarah on 07700 900123');
    await say('Her son is in Year 9');
    const [member] = await say('privacy', sam);
    expect(textOf(member)).toContain('I never store or post anything about a person referred');
    expect(textOf(member)).toContain('deleted 30 days after the conversation ends');
    expect(textOf(member)).toContain('your Prevent coordinator');
    expect(textOf(member)).not.toContain('Notes stopped');
    const [coordinator] = await say('what do you store about me?');
    expect(textOf(coordinator)).toContain('Notes stopped by the confidentiality guard: 2 in the last 7 days, 2 in the last 30 days');
    expect(textOf(coordinator)).not.toContain('07700');
  });
});
