import { textOf } from '../support/bot.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import { loadDemoPlanIfEmpty } from '../../bot/demo.js';
import { openStore, type OpenStore as Store } from '../../bot/store/database.js';
import { grantRole } from '../../bot/store/people.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { makeInstall, makeInvoke, makeMessage, TEAMS } from '../support/activities.js';
import { createTestDatabase } from '../support/database.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { runCliProcess, startBotProcess } from '../support/processes.js';

let database: { url: string; drop(): Promise<void> };
let store: Store;
let connector: FakeConnector;
let instances: Awaited<ReturnType<typeof startBotProcess>>[];

beforeAll(async () => {
  database = await createTestDatabase();
  store = await openStore(database.url);
  await loadDemoPlanIfEmpty(store, 'City of London', new Date());
  await grantRole(store.db, {
    partnership: 'City of London',
    who: 'Ali Burlington',
    role: 'lead',
    organisation: 'CST',
    chatId: '29:ali',
    displayName: 'Ali Burlington',
  });
  connector = await startFakeConnector();
  instances = await Promise.all([startBotProcess({ DATABASE_URL: database.url }), startBotProcess({ DATABASE_URL: database.url })]);
}, 90_000);

afterAll(async () => {
  await Promise.all((instances ?? []).map((i) => i.stop()));
  await connector?.close();
  await store?.close();
  await database?.drop();
});

const post = (url: string, activity: unknown) =>
  fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) }).then(
    async (r) => ({ status: r.status, body: await r.json().catch(() => null) }),
  );

describe('two bot processes on one database', () => {
  it('both answer from the same plan, and see each other’s changes at once', async () => {
    const [a, b] = instances;
    await post(a!.url, makeInstall(connector.url));
    connector.clear();
    await post(b!.url, makeMessage(connector.url, { text: "what's red?", mention: true }));
    expect(textOf(connector.to(TEAMS.channel.id)[0]!.activity).split('\n')[0]).toBe('2 actions are RED');
  });

  it('a card update sent to both at once is applied once', async () => {
    const [a, b] = instances;
    const action = (await loadPlanView(store.db, 'City of London'))!.actions.find((x) => x.ref === 18)!;
    const invoke = makeInvoke(
      connector.url,
      VERBS.submitUpdate,
      { actionId: action.id, version: action.version, rag: 'AMBER', note: 'Sent to both instances' },
      { from: TEAMS.user('Ali Burlington', '29:ali') },
    );
    connector.clear();
    const [ra, rb] = await Promise.all([post(a!.url, invoke), post(b!.url, invoke)]);
    for (const r of [ra, rb]) {
      expect(r.status).toBe(200);
      expect(JSON.stringify(r.body)).toContain('Saved: action 18 is RED → AMBER');
    }
    expect(await store.db.actionUpdate.count({ where: { actionId: action.id } })).toBe(2);
    const now = (await loadPlanView(store.db, 'City of London'))!.actions.find((x) => x.ref === 18)!;
    expect(now).toMatchObject({ rag: 'AMBER', version: action.version + 1 });
    const announcements = connector.to(TEAMS.channelId).filter((s) => textOf(s.activity).includes('RED → AMBER'));
    expect(announcements).toHaveLength(1);
    connector.clear();
    await post(b!.url, makeMessage(connector.url, { text: "what's red?", mention: true }));
    expect(textOf(connector.to(TEAMS.channel.id)[0]!.activity).split('\n')[0]).toBe('1 action is RED');
  });

  it('a conversation started on one instance continues on the other', async () => {
    const [a, b] = instances;
    const ali = TEAMS.user('Ali Burlington', '29:ali');
    const personal = TEAMS.personalOf(ali.id);
    const say = async (url: string, text: string) => {
      connector.clear();
      await post(url, makeMessage(connector.url, { text, from: ali, conversation: personal }));
      return connector
        .to(personal.id)
        .map((x) => textOf(x.activity))
        .join('\n');
    };
    const before = await store.db.actionUpdate.count();
    expect(await say(a!.url, 'update action 19')).toMatch(/Action 19/);
    expect(await say(b!.url, 'red')).toMatch(/what happened|note/i);
    expect(await say(a!.url, 'Communications plan paused: the comms lead has left.')).toMatch(/The target is 25/);
    expect(await say(b!.url, '10')).toMatch(/10 of 25/);
    expect(await say(a!.url, 'yes')).toMatch(/AMBER → RED/);
    expect(await store.db.actionUpdate.count()).toBe(before + 1);
    const a19 = (await loadPlanView(store.db, 'City of London'))!.actions.find((x) => x.ref === 19)!;
    expect(a19).toMatchObject({ rag: 'RED', progress: 10 });
    expect(a19.lastUpdate?.note).toBe('Communications plan paused: the comms lead has left.');
  });

  it('a scheduled reminder is sent once when both instances run the same minute', async () => {
    const env = { DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
    const added = await runCliProcess(['schedule', 'add', 'the forum on 15 December 2026 at 10:00'], env);
    expect(added.code, added.output).toBe(0);
    connector.clear();
    // A week before, 10:00 local (GMT in December): both processes tick the same minute.
    const ticks = await Promise.all([
      runCliProcess(['jobs', 'tick', '--at', '2026-12-08T10:00:00Z'], env),
      runCliProcess(['jobs', 'tick', '--at', '2026-12-08T10:00:00Z'], env),
    ]);
    for (const t of ticks) expect(t.code, t.output).toBe(0);
    const reminders = connector.to(TEAMS.channelId).filter((x) => /forum/i.test(textOf(x.activity)));
    expect(reminders).toHaveLength(1);
    expect(textOf(reminders[0]!.activity)).toMatch(/Tuesday 15 December 2026 at 10:00/);
    // three CLI processes one after another: the 90 s budget for process-spawning tests on a loaded machine
  }, 90_000);

  it('a channel marked inactive after a 403 on one instance is active again as soon as it talks to the other', async () => {
    const [a, b] = instances;
    const ali = TEAMS.user('Ali Burlington', '29:ali');
    const channelActive = async () => (await store.db.conversationRef.findUnique({ where: { conversationId: TEAMS.channelId } }))!.active;
    const update = async (url: string, ref: number, rag: string, note: string) => {
      const action = (await loadPlanView(store.db, 'City of London'))!.actions.find((x) => x.ref === ref)!;
      const invoke = makeInvoke(
        connector.url,
        VERBS.submitUpdate,
        { actionId: action.id, version: action.version, rag, note },
        { from: ali },
      );
      const r = await post(url, invoke);
      expect(JSON.stringify(r.body)).toContain(`Saved: action ${ref}`);
    };
    // Both instances have seen the channel.
    await post(a!.url, makeMessage(connector.url, { text: "what's red?", mention: true }));
    await post(b!.url, makeMessage(connector.url, { text: "what's red?", mention: true }));
    // The bot is removed from the team: instance A's announcement is refused with 403 and the channel is marked inactive.
    connector.clear();
    connector.failNext({
      status: 403,
      body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } },
    });
    await update(a!.url, 5, 'RED', 'Announced while the bot was removed');
    expect(await channelActive()).toBe(false);
    // The team adds the bot back and talks to it on instance B: the channel is active again...
    await post(b!.url, makeMessage(connector.url, { text: "what's red?", mention: true }));
    expect(await channelActive()).toBe(true);
    // ...so the next change, saved on A, is announced there again.
    connector.clear();
    await update(a!.url, 5, 'AMBER', 'Announced after the bot was added back');
    expect(connector.to(TEAMS.channelId).map((x) => textOf(x.activity))).toEqual([expect.stringContaining('RED → AMBER')]);
  });
});
