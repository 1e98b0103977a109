import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenStore } from '../../bot/store/database.js';
import { openDemoStore, TEST_POSTGRES_URL } from '../support/database.js';
import { countPgStatements } from '../support/pg-statements.js';
import { recordSqliteStatements } from '../support/sqlite-statements.js';

// A partnership's plan read whole (a cold partnership, or one whose themes or organisations changed): the stamp, then
// two statements run together, the actions and the themes with the organisations. PostgreSQL's are counted at the
// driver from before the store's connections are made (they keep their query function).
const { statements, counting } = countPgStatements();

const P = 'City of London';
let demo: Awaited<ReturnType<typeof openDemoStore>>;
let store: OpenStore;
beforeEach(async () => {
  demo = await openDemoStore(P, new Date('2026-11-23T09:00:00Z'));
  store = demo.store as OpenStore;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await demo.done();
});

describe('reading a plan whole', () => {
  it('is three statements, and its themes and organisations come in their order with their aliases', async () => {
    // a store of its own, so nothing is cached yet
    const { openStore } = await import('../../bot/store/database.js');
    const fresh = await openStore(demo.url);
    try {
      statements.length = 0;
      const sqlite = TEST_POSTGRES_URL ? null : recordSqliteStatements();
      counting.on = true;
      const plan = await fresh.plans.current(P);
      counting.on = false;
      expect((sqlite ?? statements).length).toBe(3);
      const themes = await store.db.theme.findMany({ where: { planId: plan!.planId }, orderBy: { position: 'asc' } });
      expect(plan!.themes).toEqual(themes.map((t) => t.name));
      expect(plan!.themes.length).toBeGreaterThan(2);
      const organisations = await store.db.organisation.findMany({ where: { partnership: { name: P } }, orderBy: { name: 'asc' } });
      expect(plan!.organisations).toEqual(organisations.map((o) => ({ name: o.name, aliases: JSON.parse(o.aliases) })));
      expect(plan!.organisations.some((o) => o.aliases.length > 0)).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});

describe('what start-up asks of the plans', () => {
  it('whether there is any plan, and which partnerships have one, by name; the demo plan is loaded only into an empty database', async () => {
    const { openStore } = await import('../../bot/store/database.js');
    const { loadDemoPlanIfEmpty } = await import('../../bot/demo.js');
    const { createTestDatabase } = await import('../support/database.js');
    const database = await createTestDatabase();
    const empty = await openStore(database.url);
    try {
      expect(await empty.plans.any()).toBe(false);
      expect(await empty.plans.partnershipsWithPlans()).toEqual([]);
      // a partnership without a plan is not listed
      await empty.db.partnership.create({ data: { name: 'Aardvark Borough' } });
      expect(await empty.plans.any()).toBe(false);
      expect(await empty.plans.partnershipsWithPlans()).toEqual([]);
      expect(await loadDemoPlanIfEmpty(empty, 'Zed District', new Date('2026-11-23T09:00:00Z'))).toBe(24);
      expect(await empty.plans.any()).toBe(true);
      expect(await loadDemoPlanIfEmpty(empty, 'Another', new Date('2026-11-23T09:00:00Z'))).toBe(0);
    } finally {
      await empty.close();
      await database.drop();
    }
    // the demo database: its one partnership with a plan
    expect(await store.plans.any()).toBe(true);
    expect(await store.plans.partnershipsWithPlans()).toEqual([P]);
  });
});
