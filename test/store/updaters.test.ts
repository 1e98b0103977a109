import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../bot/store/database.js';
import { asPerson, TEAMS } from '../support/activities.js';
import { openDemoStore } from '../support/database.js';

// "Who can update" and an action card's refresh list read only the people who can update something.
const P = 'City of London';
let demo: Awaited<ReturnType<typeof openDemoStore>>;
let store: Store;
beforeEach(async () => {
  demo = await openDemoStore(P, new Date('2026-11-23T09:00:00Z'));
  store = demo.store;
});
afterEach(() => demo.done());

describe('the people who may update actions', () => {
  it('are the coordinators and leads (pending grants included), by name: nobody else is read', async () => {
    const grant = (name: string, id: string, role: 'coordinator' | 'lead' | 'member', organisation?: string) =>
      store.people.grantRole({ partnership: P, person: asPerson(TEAMS.user(name, id)), role, ...(organisation ? { organisation } : {}) });
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
