import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../bot/store/database.js';
import { turnStore } from '../../bot/store/turn-store.js';
import { asPerson, TEAMS } from '../support/activities.js';
import { openDemoStore, TEST_POSTGRES_URL } from '../support/database.js';
import { countPgStatements } from '../support/pg-statements.js';

// before any store connects: its connections keep the query function they were made with
const pg = countPgStatements();

// "Who can update" and an action card's refresh list read only the people who can update something.
const P = 'City of London';
let demo: Awaited<ReturnType<typeof openDemoStore>>;
let store: Store;
beforeEach(async () => {
  demo = await openDemoStore(P, new Date('2026-11-23T09:00:00Z'));
  store = demo.store;
});
afterEach(() => demo.done());

const grant = (name: string, id: string, role: 'coordinator' | 'lead' | 'member', organisation?: string) =>
  store.people.grantRole({ partnership: P, person: asPerson(TEAMS.user(name, id)), role, ...(organisation ? { organisation } : {}) });

describe('the people who may update actions', () => {
  it('are the coordinators and leads (pending grants included), by name: nobody else is read', async () => {
    await grant('Zoe Coordinator', '29:zoe', 'coordinator');
    await grant('Ali Burlington', '29:ali', 'lead', 'CST');
    await grant('Mo Member', '29:mo', 'member');
    await store.people.grantRole({ partnership: P, who: 'pat@cityoflondon.gov.uk', role: 'lead', organisation: 'CoLP' });
    const everyone = await store.people.list(P);
    const updaters = await store.people.updaters(P);
    expect(everyone.map((p) => p.role)).toContain('member');
    expect(updaters).toEqual(everyone.filter((p) => p.role === 'coordinator' || p.role === 'lead'));
    // in the database's order of names, as everyone is listed
    expect(updaters.map((p) => [p.displayName, p.role]).sort()).toEqual([
      ['Ali Burlington', 'lead'],
      ['Zoe Coordinator', 'coordinator'],
      ['pat@cityoflondon.gov.uk', 'lead'],
    ]);
  });
});

describe.runIf(TEST_POSTGRES_URL)('who may update, read with the turn of a card that shows an action (PostgreSQL)', () => {
  const NOW = new Date('2026-11-23T09:00:00Z');
  const seen = {
    conversationId: TEAMS.channelId,
    kind: 'channel' as const,
    reference: { conversation: { id: TEAMS.channelId } },
    serviceUrl: 'https://smba.example/',
    now: NOW,
  };
  const ali = { id: '29:ali', name: 'Ali Burlington', aadObjectId: 'aad-ali' };
  let turns = 0;
  /** A card press's turn, entered as the Teams front end enters it, with its first reads made ahead. */
  async function cardTurn(updaters: boolean) {
    // the channel known to the store first (a new conversation's turn has no reads made ahead)
    await store.conversations.enter(seen, async () => P);
    const entered = await store.conversations.enter(seen, async () => P, { key: `card-${++turns}`, at: NOW, ttlMs: 60_000 }, ali, {
      updaters,
    });
    const opened = (await entered.ahead!.open())!;
    return turnStore(store, opened.reads);
  }
  const counted = async <T>(work: () => Promise<T>) => {
    pg.statements.length = 0;
    pg.counting.on = true;
    try {
      const result = await work();
      return { result, statements: pg.statements.length };
    } finally {
      pg.counting.on = false;
    }
  };

  it('are the very people people.updaters reads, served to the turn’s first look with no statement of its own; later looks read again', async () => {
    await grant('Zoe Coordinator', '29:zoe', 'coordinator');
    await grant('Ali Burlington', '29:ali', 'lead', 'CST');
    await grant('Mo Member', '29:mo', 'member');
    await store.people.grantRole({ partnership: P, who: 'pat@cityoflondon.gov.uk', role: 'lead', organisation: 'CoLP' });
    const expected = await store.people.updaters(P);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const turn = await cardTurn(true);
    const first = await counted(() => turn.people.updaters(P));
    expect(first).toEqual({ result: expected, statements: 0 });
    // the second look, and any look after the turn changed something, reads the database
    expect(await counted(() => turn.people.updaters(P))).toEqual({ result: expected, statements: 1 });
    const other = await cardTurn(true);
    await other.people.grantRole({ partnership: P, person: asPerson(TEAMS.user('Mo Member', '29:mo')), role: 'lead', organisation: 'CST' });
    const after = await counted(() => other.people.updaters(P));
    expect(after.statements).toBe(1);
    expect(after.result.map((p) => p.displayName)).toContain('Mo Member');
  });

  it('are not read for other turns, whose first look reads the database as before', async () => {
    await grant('Zoe Coordinator', '29:zoe', 'coordinator');
    const turn = await cardTurn(false);
    const first = await counted(() => turn.people.updaters(P));
    expect(first.statements).toBe(1);
    expect(first.result).toEqual(await store.people.updaters(P));
  });
});
