import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemoPlanIfEmpty } from '../../bot/demo.js';
import { readPlanFile } from '../../bot/import/index.js';
import { DEFAULT_ORGANISATIONS } from '../../bot/import/known-organisations.js';
import { openStore, type OpenStore as Store } from '../../bot/store/database.js';
import { loadPlanView, savePlan } from '../../bot/store/plans.js';
import { applyUpdate } from '../../bot/store/updates.js';
import { DEMO_PLAN_FILE } from '../../bot/demo.js';
import { createTestDatabase } from '../support/database.js';

const AT = new Date('2026-11-22T10:00:00Z');
let database: { url: string; drop(): Promise<void> };
let here: Store;
let elsewhere: Store;

beforeEach(async () => {
  database = await createTestDatabase();
  here = await openStore(database.url);
  elsewhere = await openStore(database.url);
  await loadDemoPlanIfEmpty(here, 'City of London', AT);
});
afterEach(async () => {
  await here.close();
  await elsewhere.close();
  await database.drop();
});

const view = async () => (await loadPlanView(here.db, 'City of London'))!;

describe('the cached plan view (two clients on one database stand for two instances)', () => {
  it('returns the same frozen view while nothing changes', async () => {
    const first = await view();
    expect(await view()).toBe(first);
    expect(Object.isFrozen(first.actions[0]!.leads)).toBe(true);
  });

  it('shows another instance’s update at once, even at the same instant', async () => {
    const before = (await view()).actions.find((a) => a.ref === 18)!;
    const outcome = await applyUpdate(elsewhere.db, {
      actionId: before.id,
      expectedVersion: before.version,
      rag: 'AMBER',
      note: 'From the other instance',
      progress: null,
      actor: { name: 'Ali Burlington', chatId: '29:ali' },
      source: 'card',
      idempotencyKey: 'cache-test-1',
      at: AT,
    });
    expect(outcome.status).toBe('applied');
    const after = (await view()).actions.find((a) => a.ref === 18)!;
    expect(after).toMatchObject({
      rag: 'AMBER',
      version: before.version + 1,
      lastUpdate: { by: 'Ali Burlington', note: 'From the other instance' },
    });
  });

  it('shows a re-import elsewhere that only adds an alias, at the same instant', async () => {
    await view();
    const plan = await readPlanFile(DEMO_PLAN_FILE, DEFAULT_ORGANISATIONS);
    const organisations = plan.organisations.map((o) =>
      o.name === 'CoLC Community Safety Team' ? { ...o, aliases: [...o.aliases, 'The CST'] } : o,
    );
    await savePlan(elsewhere.db, {
      partnership: 'City of London',
      plan: { ...plan, organisations },
      sourceFile: 'demo-plan.md',
      actor: 'Test',
      at: AT,
    });
    const cst = (await view()).organisations.find((o) => o.name === 'CoLC Community Safety Team')!;
    expect(cst.aliases).toContain('The CST');
  });

  it('says there is no plan for a partnership without one', async () => {
    expect(await loadPlanView(here.db, 'Nowhere')).toBeNull();
  });
});
