import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateCard } from '../../cards/validate.js';
import { VERBS } from '../../cards/verbs.js';
import { grantRole } from '../../bot/store/people.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { cardOf, startTestBot, type TestBot, textOf } from '../support/bot.js';
import { asPerson, makeInstall, makeInvoke, makeMessage, makeSubmit, TEAMS } from '../support/activities.js';

let bot: TestBot;
const ali = TEAMS.user('Ali Burlington', '29:ali');
const sam = TEAMS.user('Sam Member', '29:sam');

beforeEach(async () => {
  bot = await startTestBot();
  await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(TEAMS.user()), role: 'lead', organisation: 'CST' });
  await bot.post(makeInstall(bot.connector.url));
  bot.connector.clear();
});
afterEach(async () => {
  await bot.close();
});

async function action(ref: number) {
  const plan = await loadPlanView(bot.store.db, 'City of London');
  return plan!.actions.find((a) => a.ref === ref)!;
}

async function historyCount(ref: number) {
  return bot.store.db.actionUpdate.count({ where: { actionId: (await action(ref)).id } });
}

async function ask(text: string, from = ali) {
  bot.connector.clear();
  await bot.post(makeMessage(bot.connector.url, { text, mention: true, from }));
  return bot.connector.to(TEAMS.channel.id).map((s) => s.activity);
}

function update(data: Record<string, unknown>, from = ali, overrides: Record<string, unknown> = {}) {
  return bot.post(makeInvoke(bot.connector.url, VERBS.submitUpdate, data, { from, ...overrides }));
}

describe('a lead updates an action from its card', () => {
  it('RED → AMBER with a note: card refreshed in place, plan changed, history recorded, channel told', async () => {
    const a18 = await action(18);
    expect(a18.rag).toBe('RED');
    const res = await update({
      actionId: a18.id,
      version: a18.version,
      rag: 'AMBER',
      note: 'Met three faith leaders; forum planned for January.',
    });
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(validateCard(res.body.value)).toEqual([]);
    const refreshed = JSON.stringify(res.body.value);
    expect(refreshed).toContain('Saved: action 18 is RED → AMBER');
    expect(refreshed).toContain('Last updated by Ali Burlington');

    const announcements = bot.connector.to(TEAMS.channelId);
    expect(announcements).toHaveLength(1);
    expect(textOf(announcements[0]!.activity)).toContain(
      'Action 18 · Engage with and support faith groups: RED → AMBER, by Ali Burlington (CST)',
    );
    expect(validateCard(cardOf(announcements[0]!.activity))).toEqual([]);

    const red = await ask("what's red?");
    expect(textOf(red[0]).split('\n')[0]).toBe('1 action is RED');
    expect(textOf(red[0])).toContain('Multi-Agency Public Protection Arrangements');
    expect(textOf(red[0])).not.toContain('faith groups');

    const history = await ask('history of action 18');
    expect(textOf(history[0])).toContain('RED → AMBER');
    expect(textOf(history[0])).toContain('Met three faith leaders');
    expect(textOf(history[0]).indexOf('Ali Burlington')).toBeLessThan(textOf(history[0]).indexOf('Demo plan'));
    expect(await historyCount(18)).toBe(2);

    const changed = await ask('what changed this week?', sam);
    expect(textOf(changed[0])).toContain('1 update in the last 7 days');
    expect(textOf(changed[0])).toContain('Action 18 · Engage with and support faith groups: RED → AMBER, by Ali Burlington');
  });

  it('the same invoke sent twice (a Teams retry, or a double click) makes one update', async () => {
    const a18 = await action(18);
    const data = { actionId: a18.id, version: a18.version, rag: 'AMBER', note: 'Once only' };
    const invoke = makeInvoke(bot.connector.url, VERBS.submitUpdate, data, { from: ali });
    const [first, retry] = [await bot.post(invoke), await bot.post(invoke)];
    const doubleClick = await update(data);
    for (const r of [first, retry, doubleClick]) expect(JSON.stringify(r.body.value)).toContain('Saved: action 18');
    expect(await historyCount(18)).toBe(2);
    expect((await action(18)).version).toBe(a18.version + 1);
    expect(bot.connector.to(TEAMS.channelId)).toHaveLength(1);
  });

  it('concurrent identical submits still make one update', async () => {
    const a18 = await action(18);
    const data = { actionId: a18.id, version: a18.version, rag: 'GREEN', note: 'Race' };
    const results = await Promise.all([1, 2, 3, 4].map(() => update(data)));
    for (const r of results) expect(r.status).toBe(200);
    expect(await historyCount(18)).toBe(2);
  });

  it('a stale version is refused: current state shown, the note kept on the card, nothing saved', async () => {
    const a18 = await action(18);
    await update({ actionId: a18.id, version: a18.version, rag: 'AMBER', note: 'First' });
    const res = await update({ actionId: a18.id, version: a18.version, rag: 'GREEN', note: 'My careful note that must not be lost' });
    const card = JSON.stringify(res.body.value);
    expect(card).toContain('Someone else updated action 18');
    expect(card).toContain('It is now AMBER');
    expect(card).toContain('My careful note that must not be lost');
    expect((await action(18)).rag).toBe('AMBER');
    expect(await historyCount(18)).toBe(2);
  });

  it('a member is refused, told who can, and nothing is saved', async () => {
    const a18 = await action(18);
    const res = await update({ actionId: a18.id, version: a18.version, rag: 'GREEN', note: 'sneaky' }, sam);
    const card = JSON.stringify(res.body.value);
    expect(card).toContain("You can't update action 18");
    expect(card).toContain('Ali Burlington (CoLC Community Safety Team)');
    expect((await action(18)).rag).toBe('RED');
    expect(await historyCount(18)).toBe(1);
    expect(bot.connector.to(TEAMS.channelId)).toHaveLength(0);
  });

  it('a lead cannot update an action their organisation does not lead', async () => {
    const a6 = await action(6);
    expect(a6.leads).toEqual(['All stakeholders']);
    const res = await update({ actionId: a6.id, version: a6.version, rag: 'GREEN', note: '' });
    expect(JSON.stringify(res.body.value)).toContain("You can't update action 6");
    expect((await action(6)).rag).toBe('AMBER');
  });

  const malformed: [string, (id: number, v: number) => Record<string, unknown>, RegExp][] = [
    ['an unknown RAG', (id, v) => ({ actionId: id, version: v, rag: 'PURPLE', note: '' }), /Choose a RAG rating/],
    ['a note over 2,000 characters', (id, v) => ({ actionId: id, version: v, rag: 'AMBER', note: 'x'.repeat(2001) }), /note is too long/],
    ['a missing action id', (_id, v) => ({ version: v, rag: 'AMBER', note: '' }), /does not say which action/],
    ['an unknown action id', (_id, v) => ({ actionId: 999_999, version: v, rag: 'AMBER', note: '' }), /not in your partnership/],
    [
      'a forged field',
      (id, v) => ({ actionId: id, version: v, rag: 'AMBER', note: '', actorName: 'The Chief Constable' }),
      /fields it should not \(actorName\)/,
    ],
    ['progress that is not a number', (id, v) => ({ actionId: id, version: v, rag: 'AMBER', note: '', progress: 'lots' }), /whole number/],
  ];
  for (const [name, data, message] of malformed) {
    it(`refuses ${name} with a clear message on the card and saves nothing`, async () => {
      const a18 = await action(18);
      const res = await update(data(a18.id, a18.version));
      expect(res.status).toBe(200);
      expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(JSON.stringify(res.body.value)).toMatch(message);
      expect(await historyCount(18)).toBe(1);
      expect((await action(18)).version).toBe(a18.version);
    });
  }

  it('accepts an Action.Submit message from other clients through the same path', async () => {
    const a18 = await action(18);
    await bot.post(
      makeSubmit(
        bot.connector.url,
        { verb: VERBS.submitUpdate, actionId: a18.id, version: a18.version, rag: 'AMBER', note: 'From the mobile app' },
        { from: ali },
      ),
    );
    expect((await action(18)).rag).toBe('AMBER');
    // the answer in the thread the card was in; the announcement a new post in the channel
    const texts = bot.connector.to(TEAMS.channel.id).map((s) => textOf(s.activity));
    expect(texts.some((t) => t?.includes('Saved: action 18'))).toBe(true);
    const posts = bot.connector.to(TEAMS.channelId).map((s) => textOf(s.activity));
    expect(posts.some((t) => t?.includes('RED → AMBER, by Ali Burlington (CST)'))).toBe(true);
  });

  it('records progress for an action with a numeric target', async () => {
    const a3 = await action(3);
    expect(a3.target).toBe(6);
    const res = await update({ actionId: a3.id, version: a3.version, rag: 'AMBER', note: 'Two sessions so far', progress: '2' });
    expect(JSON.stringify(res.body.value)).toContain('2 of 6');
    expect((await action(3)).progress).toBe(2);
  });
});

describe('cards show the current state and the right controls', () => {
  it('a lead sees the update form; a member sees a read-only card saying who can update', async () => {
    const leadCard = JSON.stringify(cardOf((await ask('show action 18'))[0]!));
    expect(leadCard).toContain(VERBS.submitUpdate);
    expect(leadCard).toContain('"refresh"');
    const memberCard = JSON.stringify(cardOf((await ask('show action 18', sam))[0]!));
    expect(memberCard).not.toContain(VERBS.submitUpdate);
    expect(memberCard).toContain('Ali Burlington');
  });

  it('the refresh verb returns the action as it is now', async () => {
    const a18 = await action(18);
    await update({ actionId: a18.id, version: a18.version, rag: 'AMBER', note: '' });
    const res = await bot.post(makeInvoke(bot.connector.url, VERBS.refreshAction, { actionId: a18.id }, { from: sam }));
    const card = JSON.stringify(res.body.value);
    expect(card).toContain('AMBER');
    expect(card).not.toContain(VERBS.submitUpdate);
  });
});

describe('roles and the announcement channel in chat', () => {
  it('a coordinator makes someone a lead; "who are the leads?" lists them; a member cannot', async () => {
    await grantRole(bot.store.db, {
      partnership: 'City of London',
      who: 'Cleo Coordinator',
      role: 'coordinator',
      chatId: '29:cleo',
      displayName: 'Cleo Coordinator',
    });
    const cleo = TEAMS.user('Cleo Coordinator', '29:cleo');
    const pat = TEAMS.user('Pat Police', '29:pat');
    bot.connector.clear();
    await bot.post(
      makeMessage(bot.connector.url, { text: 'make <at>Pat Police</at> a lead for CoLP', mention: true, from: cleo, mentions: [pat] }),
    );
    expect(textOf(bot.connector.to(TEAMS.channel.id)[0]?.activity)).toContain(
      'Pat Police is now a lead for City of London Police Prevent team',
    );
    expect(textOf((await ask('make Pat Police a lead for CoLP', cleo))[0])).toContain('anyone can choose a display name');
    const leads = textOf((await ask('who are the leads?', sam))[0]);
    expect(leads).toContain('Pat Police (City of London Police Prevent team)');
    expect(leads).toContain('Cleo Coordinator');
    expect(textOf((await ask('make Sam Member a coordinator', sam))[0])).toContain('Only a coordinator');
  });

  it('"post updates here" moves announcements to the chosen channel', async () => {
    await grantRole(bot.store.db, {
      partnership: 'City of London',
      who: 'Cleo Coordinator',
      role: 'coordinator',
      chatId: '29:cleo',
      displayName: 'Cleo Coordinator',
    });
    const other = { ...TEAMS.channel, id: '19:prevent-updates@thread.tacv2' };
    await bot.post(
      makeMessage(bot.connector.url, {
        text: 'post updates here',
        mention: true,
        from: TEAMS.user('Cleo Coordinator', '29:cleo'),
        conversation: other,
      }),
    );
    expect(textOf(bot.connector.to(other.id)[0]!.activity)).toContain('From now on I will post RAG changes in this channel');
    const a18 = await action(18);
    await update({ actionId: a18.id, version: a18.version, rag: 'AMBER', note: '' });
    expect(bot.connector.to(other.id).some((s) => textOf(s.activity).includes('RED → AMBER'))).toBe(true);
    expect(bot.connector.to(TEAMS.channelId).some((s) => textOf(s.activity).includes('RED → AMBER'))).toBe(false);
  });

  it('a changed serviceUrl is stored and used for the next announcement', async () => {
    const moved = await (await import('../support/fake-connector.js')).startFakeConnector();
    try {
      await bot.post(makeMessage(moved.url, { text: 'summary', mention: true, from: sam }));
      expect(moved.to(TEAMS.channel.id)).toHaveLength(1);
      const a18 = await action(18);
      // the lead updates from a personal chat, which still uses the old service URL
      await update({ actionId: a18.id, version: a18.version, rag: 'AMBER', note: '' }, ali, { conversation: TEAMS.personalOf('29:ali') });
      expect(moved.to(TEAMS.channelId).some((s) => textOf(s.activity).includes('RED → AMBER'))).toBe(true);
      expect(bot.connector.to(TEAMS.channelId).some((s) => textOf(s.activity).includes('RED → AMBER'))).toBe(false);
    } finally {
      await moved.close();
    }
  });
});
