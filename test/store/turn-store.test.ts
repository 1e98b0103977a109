import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemoPlanIfEmpty } from '../../bot/demo.js';
import { openStore, type OpenStore } from '../../bot/store/database.js';
import { turnStore } from '../../bot/store/turn-store.js';
import { asPerson, TEAMS } from '../support/activities.js';
import { createTestDatabase } from '../support/database.js';

// Two stores on one database stand for two bot instances: what one changes, the other's next turn must see.
const AT = new Date('2026-11-22T10:00:00Z');
const PARTNERSHIP = 'City of London';
const ali = TEAMS.user('Ali Burlington', '29:ali');
const conversationId = TEAMS.channelId;
let database: { url: string; drop(): Promise<void> };
let here: OpenStore;
let elsewhere: OpenStore;

beforeEach(async () => {
  database = await createTestDatabase();
  here = await openStore(database.url);
  elsewhere = await openStore(database.url);
  await loadDemoPlanIfEmpty(here, PARTNERSHIP, AT);
  await here.people.grantRole({ partnership: PARTNERSHIP, person: asPerson(ali), role: 'lead', organisation: 'CST' });
});
afterEach(async () => {
  await here.close();
  await elsewhere.close();
  await database.drop();
});

/** A turn of Ali's in the channel, on this instance: who they are, and the store the turn's handlers get. */
async function turn(partnership = PARTNERSHIP, sender: { id: string; name: string; aadObjectId?: string } = ali) {
  const opened = await here.turns.open({ partnership, sender, conversationId });
  return opened && { person: opened.person, store: turnStore(here, opened.reads) };
}

/** Ali's update of action 18 on the other instance. */
async function updateElsewhere(rag: 'AMBER' | 'GREEN', note: string) {
  const a18 = (await elsewhere.plans.require(PARTNERSHIP)).actions.find((a) => a.ref === 18)!;
  const outcome = await elsewhere.actions.applyUpdate({
    actionId: a18.id,
    expectedVersion: a18.version,
    rag,
    note,
    progress: null,
    actor: { name: ali.name, chatId: ali.id },
    source: 'card',
    idempotencyKey: `turn-store-${note}`,
    at: AT,
  });
  expect(outcome.status).toBe('applied');
}

describe("a turn's first reads, in one statement", () => {
  it('knows the sender by object id, with their role and organisation; nobody for a stranger or an unknown partnership', async () => {
    expect((await turn())!.person).toMatchObject({ chatId: ali.id, role: 'lead', organisation: 'CoLC Community Safety Team' });
    expect((await turn(PARTNERSHIP, TEAMS.user('Stranger', '29:stranger')))!.person).toBeNull();
    expect(await turn('Nowhere')).toBeNull();
  });

  it("shows another instance's update in the next turn's plan, at the same instant", async () => {
    const first = await turn();
    expect((await first!.store.plans.require(PARTNERSHIP)).actions.find((a) => a.ref === 18)!.rag).toBe('RED');
    await updateElsewhere('AMBER', 'from the other instance');
    const next = await turn();
    const a18 = (await next!.store.plans.current(PARTNERSHIP))!.actions.find((a) => a.ref === 18)!;
    expect(a18).toMatchObject({ rag: 'AMBER', lastUpdate: { note: 'from the other instance' } });
  });

  it('finds a conversation in progress that another instance started, and none once it is gone', async () => {
    expect(await (await turn())!.store.dialogs.load({ conversationId, userChatId: ali.id })).toBeNull();
    const started = await elsewhere.dialogs.start({
      conversationId,
      userChatId: ali.id,
      partnership: PARTNERSHIP,
      kind: 'update',
      state: { step: 'rag' },
      now: AT,
      expiresAt: new Date(AT.getTime() + 60_000),
    });
    const found = await (await turn())!.store.dialogs.load({ conversationId, userChatId: ali.id });
    expect(found).toMatchObject({ id: started.id, state: { step: 'rag' } });
    expect(await elsewhere.dialogs.delete(started.id, started.version)).toBe(true);
    expect(await (await turn())!.store.dialogs.load({ conversationId, userChatId: ali.id })).toBeNull();
  });

  it("reads the plan afresh after the turn's own change, and on every look after the first", async () => {
    const before = (await here.plans.require(PARTNERSHIP)).actions.find((a) => a.ref === 18)!;
    const { store } = (await turn())!;
    await store.actions.applyUpdate({
      actionId: before.id,
      expectedVersion: before.version,
      rag: 'GREEN',
      note: 'done here',
      progress: null,
      actor: { name: ali.name, chatId: ali.id },
      source: 'card',
      idempotencyKey: 'turn-store-own',
      at: AT,
    });
    expect((await store.plans.require(PARTNERSHIP)).actions.find((a) => a.ref === 18)!.rag).toBe('GREEN');
    await updateElsewhere('AMBER', 'later, elsewhere');
    expect((await store.plans.current(PARTNERSHIP))!.actions.find((a) => a.ref === 18)!.rag).toBe('AMBER');
  });

  it("uses the privacy settings another instance saved before the turn, and the turn's own change after it", async () => {
    const actor = { personId: null, label: 'test' };
    await elsewhere.privacy.changeSettings({ partnership: PARTNERSHIP, change: { postNotesToChannel: true }, actor, now: AT });
    const { store } = (await turn())!;
    expect(await store.privacy.settings(PARTNERSHIP)).toMatchObject({ postNotesToChannel: true });
    await store.privacy.changeSettings({ partnership: PARTNERSHIP, change: { postNotesToChannel: false }, actor, now: AT });
    expect(await store.privacy.settings(PARTNERSHIP)).toMatchObject({ postNotesToChannel: false });
  });
});
