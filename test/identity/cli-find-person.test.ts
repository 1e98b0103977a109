import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole } from '../../bot/store/people.js';
import { createTestStore } from '../support/database.js';
import { asPerson } from '../support/activities.js';
import { loadDemoPlanIfEmpty } from '../../bot/demo.js';

// Operators name people in CLI commands (`round start --by`, `digest set`): two people who share a display name
// must never be taken for one another.

let store: Awaited<ReturnType<typeof createTestStore>>;
const PARTNERSHIP = 'City of London';
const first = { id: '29:sam-police', name: 'Sam Patel', aadObjectId: 'aad-sam-police' };
const second = { id: '29:sam-school', name: 'Sam Patel', aadObjectId: 'aad-sam-school' };
const only = { id: '29:jo', name: 'Jo Okafor', aadObjectId: 'aad-jo' };

beforeAll(async () => {
  store = await createTestStore();
  await loadDemoPlanIfEmpty(store, PARTNERSHIP, new Date('2026-11-28T09:00:00Z'));
  for (const person of [first, second, only]) {
    await grantRole(store.db, { partnership: PARTNERSHIP, person: asPerson(person), role: 'member' });
  }
});
afterAll(() => store.drop());

describe('finding a person for an operator command', () => {
  it('refuses a display name two people share, and says how to name each', async () => {
    await expect(store.people.find(PARTNERSHIP, 'sam patel')).rejects.toThrow(
      /2 people in City of London are called "sam patel": say which by email or id \(aad-sam-police, aad-sam-school\)/,
    );
  });

  it('finds each of them by their stable id', async () => {
    expect((await store.people.find(PARTNERSHIP, 'aad-sam-school'))?.chatId).toBe(second.id);
    expect((await store.people.find(PARTNERSHIP, '29:sam-police'))?.chatId).toBe(first.id);
  });

  it('still finds someone by a name nobody else has, and nobody by an unknown name', async () => {
    expect((await store.people.find(PARTNERSHIP, 'Jo Okafor'))?.chatId).toBe(only.id);
    expect(await store.people.find(PARTNERSHIP, 'Nobody Here')).toBeNull();
  });
});
