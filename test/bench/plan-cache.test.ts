import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemoPlanIfEmpty } from '../../bot/demo.js';
import { readPlanFile } from '../../bot/import/index.js';
import { DEFAULT_ORGANISATIONS } from '../../bot/import/known-organisations.js';
import { openStore, type OpenStore as Store } from '../../bot/store/database.js';
import { loadPlanView, savePlan } from '../../bot/store/plans.js';
import { applyUpdate } from '../../bot/store/updates.js';
import { DEMO_PLAN_FILE } from '../../bot/demo.js';
import { createTestDatabase, TEST_POSTGRES_URL } from '../support/database.js';
import { countPgStatements } from '../support/pg-statements.js';

// before any store connects: its connections keep the query function they were made with
const pg = countPgStatements();

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

/** The plan as a third instance, with nothing cached, reads it: what every cached view must equal. */
async function readFresh() {
  const third = await openStore(database.url);
  try {
    return (await loadPlanView(third.db, 'City of London'))!;
  } finally {
    await third.close();
  }
}

let key = 0;
/** Ali's note on an action, through the other instance. */
const updateElsewhere = (action: { id: number; version: number; rag: string }, note: string, rag = action.rag) =>
  applyUpdate(elsewhere.db, {
    actionId: action.id,
    expectedVersion: action.version,
    rag: rag as 'AMBER',
    note,
    progress: null,
    actor: { name: 'Ali Burlington', chatId: '29:ali' },
    source: 'card',
    idempotencyKey: `refresh-${++key}`,
    at: new Date(AT.getTime() + key * 1000),
  });

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

  it('after changes to actions elsewhere, reads only those again: the rest are the very same objects, and the whole equals a fresh read', async () => {
    const before = await view();
    const [a, b] = [before.actions[3]!, before.actions[10]!];
    expect((await updateElsewhere(a, 'First note', 'GREEN')).status).toBe('applied');
    expect((await updateElsewhere(b, 'Second note')).status).toBe('applied');
    const after = await view();
    expect(after).not.toBe(before);
    expect(after.actions.filter((x, i) => x !== before.actions[i]).map((x) => x.id)).toEqual([a.id, b.id]);
    expect(after.actions[3]).toMatchObject({
      rag: 'GREEN',
      version: a.version + 1,
      lastUpdate: { by: 'Ali Burlington', note: 'First note' },
    });
    expect(after).toEqual(await readFresh());
    expect(Object.isFrozen(after.actions)).toBe(true);
    expect(Object.isFrozen(after.actions[3]!.leads)).toBe(true);
  });

  it('shows an owner’s new name once the plan moves, though renaming them moved no action', async () => {
    const before = await view();
    const owner = await elsewhere.db.person.create({
      data: { partnershipId: (await elsewhere.db.partnership.findFirstOrThrow()).id, chatId: '29:owner', displayName: 'Sam Owner' },
    });
    const owned = before.actions[2]!;
    await elsewhere.db.action.update({ where: { id: owned.id }, data: { ownerId: owner.id, version: { increment: 1 } } });
    expect((await view()).actions[2]!.owner).toEqual({ id: owner.id, name: 'Sam Owner' });
    await elsewhere.db.person.update({ where: { id: owner.id }, data: { displayName: 'Sam Owner-Smith' } });
    const current = (await view()).actions[5]!;
    expect((await updateElsewhere(current, 'Moves the plan')).status).toBe('applied');
    const after = await view();
    expect(after.actions[2]!.owner).toEqual({ id: owner.id, name: 'Sam Owner-Smith' });
    expect(after).toEqual(await readFresh());
  });

  it('reads the whole plan again when an action is added', async () => {
    const before = await view();
    const theme = await elsewhere.db.theme.findFirstOrThrow({ where: { planId: before.planId } });
    await elsewhere.db.action.create({
      data: {
        planId: before.planId!,
        themeId: theme.id,
        ref: 999,
        label: '999',
        title: 'A new action',
        deadlineText: '',
        rag: 'UNRATED',
        updatedAt: AT,
      },
    });
    const added = await view();
    expect(added.actions.map((a) => a.title)).toContain('A new action');
    expect(added).toEqual(await readFresh());
  });

  it('says there is no plan for a partnership without one', async () => {
    expect(await loadPlanView(here.db, 'Nowhere')).toBeNull();
  });
});

describe('an update this instance saved (PostgreSQL: the update statement says how the plan moved)', () => {
  /** Ali's update of action 18 through this instance, from the action as the cached plan has it. */
  async function updateHere(note: string, rag: 'AMBER' | 'GREEN' = 'AMBER') {
    const action = (await view()).actions.find((a) => a.ref === 18)!;
    const outcome = await applyUpdate(here.db, {
      actionId: action.id,
      expectedVersion: action.version,
      rag,
      note,
      progress: 3,
      actor: { name: 'Ali Burlington', chatId: '29:ali' },
      source: 'card',
      idempotencyKey: `here-${++key}`,
      at: new Date(AT.getTime() + key * 1000),
      cached: { partnership: 'City of London', action },
    });
    expect(outcome.status).toBe('applied');
    return action;
  }

  it.runIf(TEST_POSTGRES_URL)(
    'keeps the updated action in the cache: the next look reads only the stamp and equals a fresh read',
    async () => {
      const first = await view();
      await updateHere('Kept in the cache');
      pg.statements.length = 0;
      pg.counting.on = true;
      const next = await view();
      pg.counting.on = false;
      expect(pg.statements).toHaveLength(1);
      expect(next).not.toBe(first);
      expect(next.actions.find((a) => a.ref === 18)).toMatchObject({
        rag: 'AMBER',
        progress: 3,
        lastUpdate: { note: 'Kept in the cache' },
      });
      expect(next).toEqual(await readFresh());
      // the actions it did not change are the very same objects
      expect(next.actions.filter((a) => a.ref !== 18).every((a, i) => a === first.actions.filter((b) => b.ref !== 18)[i])).toBe(true);
      // and a second update from the kept view is kept too
      await updateHere('Kept again', 'GREEN');
      expect(await view()).toEqual(await readFresh());
    },
  );

  it('reads the plan again when another instance changed it first, so its change is never lost', async () => {
    const cachedView = await view();
    const other = cachedView.actions.find((a) => a.ref === 1)!;
    expect((await updateElsewhere(other, 'From the other instance first')).status).toBe('applied');
    // this instance's cached view does not have that change yet; its own update must not hide it
    const action = cachedView.actions.find((a) => a.ref === 18)!;
    expect(
      (
        await applyUpdate(here.db, {
          actionId: action.id,
          expectedVersion: action.version,
          rag: 'GREEN',
          note: 'Here second',
          progress: null,
          actor: { name: 'Ali Burlington', chatId: '29:ali' },
          source: 'card',
          idempotencyKey: `here-${++key}`,
          at: new Date(AT.getTime() + key * 1000),
          cached: { partnership: 'City of London', action },
        })
      ).status,
    ).toBe('applied');
    const next = await view();
    expect(next.actions.find((a) => a.ref === 1)?.lastUpdate?.note).toBe('From the other instance first');
    expect(next.actions.find((a) => a.ref === 18)?.lastUpdate?.note).toBe('Here second');
    expect(next).toEqual(await readFresh());
  });

  it('reads the plan again when another instance changes it after this update', async () => {
    await updateHere('Here first');
    const other = (await readFresh()).actions.find((a) => a.ref === 2)!;
    expect((await updateElsewhere(other, 'Elsewhere after')).status).toBe('applied');
    const next = await view();
    expect(next.actions.find((a) => a.ref === 2)?.lastUpdate?.note).toBe('Elsewhere after');
    expect(next).toEqual(await readFresh());
  });
});
