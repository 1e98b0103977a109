import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PLAN_FILE } from '../../bot/demo.js';
import { readPlanFile } from '../../bot/import/index.js';
import { DEFAULT_ORGANISATIONS } from '../../bot/import/known-organisations.js';
import type { PlanView } from '../../bot/plan/types.js';
import { openStore, type OpenStore } from '../../bot/store/database.js';
import { readPlanStamp } from '../../bot/store/plan-stamp.js';
import { readPlanView } from '../../bot/store/plan-view.js';
import { createTestDatabase, TEST_POSTGRES_URL } from '../support/database.js';
import { countPgStatements } from '../support/pg-statements.js';
import pg from 'pg';

// The first questions in many partnerships at once (after a start): their plans are read together on PostgreSQL.
// Statements are counted at the driver, from before the store's connections are made (they keep their query function).
const { statements, values, counting } = countPgStatements();
const NOW = new Date('2026-11-23T09:00:00Z');
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let store: OpenStore;

beforeEach(async () => {
  database = await createTestDatabase();
  store = await openStore(database.url);
  const demo = await readPlanFile(DEMO_PLAN_FILE, DEFAULT_ORGANISATIONS);
  const save = (partnership: string, plan: typeof demo) =>
    store.plans.save({ partnership, plan, sourceFile: 'plan.md', actor: 'Test', at: NOW });
  await save('City of London', demo);
  // Riverside: five of the actions, its own title, and an organisation of its own leading the first
  await save('Riverside', {
    ...demo,
    title: 'Riverside Prevent action plan',
    actions: demo.actions.slice(0, 5).map((a, i) => (i === 0 ? { ...a, leads: ['Riverside Mosque'] } : a)),
    organisations: [...demo.organisations, { name: 'Riverside Mosque', aliases: ['RM'] }],
  });
  // Hillside: three actions from the end of the plan, one theme
  await save('Hillside', { ...demo, title: 'Hillside plan', actions: demo.actions.slice(-3) });
});
afterEach(async () => {
  counting.on = false;
  statements.length = 0;
  values.length = 0;
  await store.close();
  await database.drop();
});

const read = async (partnership: string): Promise<PlanView> => {
  const stamp = await readPlanStamp(store.db, partnership);
  if (!stamp?.plan) throw new Error(`${partnership} has no plan`);
  return readPlanView(store.db, partnership, { ...stamp, plan: stamp.plan });
};
const PARTNERSHIPS = ['City of London', 'Riverside', 'Hillside'];

describe('plans read together', () => {
  it('each partnership gets its own plan, exactly as read alone, and PostgreSQL reads the ones asked for meanwhile in one go', async () => {
    const alone: PlanView[] = [];
    for (const p of PARTNERSHIPS) alone.push(await read(p));
    expect(alone.map((v) => [v.partnership, v.title, v.actions.length])).toEqual([
      ['City of London', 'City of London Prevent Strategic Action Plan', 24],
      ['Riverside', 'Riverside Prevent action plan', 5],
      ['Hillside', 'Hillside plan', 3],
    ]);
    expect(alone[1]?.actions[0]?.leads).toEqual(['Riverside Mosque']);
    expect(alone[1]?.organisations.map((o) => o.name)).toContain('Riverside Mosque');
    expect(alone[0]?.organisations.map((o) => o.name)).not.toContain('Riverside Mosque');
    expect(alone[2]?.actions.map((a) => a.ref)).toEqual(alone[0]?.actions.slice(-3).map((a) => a.ref));

    const stamps = await Promise.all(PARTNERSHIPS.map((p) => readPlanStamp(store.db, p)));
    counting.on = true;
    // four at once: City of London alone first, then Riverside, Hillside and City of London again, together
    const together = await Promise.all(
      [...PARTNERSHIPS, 'City of London'].map((p) => {
        const stamp = stamps[PARTNERSHIPS.indexOf(p)];
        if (!stamp?.plan) throw new Error(`${p} has no plan`);
        return readPlanView(store.db, p, { ...stamp, plan: stamp.plan });
      }),
    );
    counting.on = false;
    expect(together).toEqual([...alone, alone[0]]);
    if (TEST_POSTGRES_URL) {
      expect(statements).toHaveLength(4);
      // the second pair names the plans of all three partnerships, City of London's once
      const planIds = alone.map((v) => v.planId);
      expect(values.slice(2).flat()).toContainEqual([planIds[1], planIds[2], planIds[0]]);
    }
  });

  it('a partnership whose plan has no actions gets an empty plan beside others that have them', async () => {
    const demo = await readPlanFile(DEMO_PLAN_FILE, DEFAULT_ORGANISATIONS);
    await store.plans.save({
      partnership: 'Empty Vale',
      plan: { ...demo, title: 'Nothing yet', actions: [] },
      sourceFile: 'e.md',
      actor: 'Test',
      at: NOW,
    });
    const views = await Promise.all(['City of London', 'Empty Vale', 'Riverside'].map(read));
    expect(views.map((v) => [v.partnership, v.title, v.actions.length])).toEqual([
      ['City of London', 'City of London Prevent Strategic Action Plan', 24],
      ['Empty Vale', 'Nothing yet', 0],
      ['Riverside', 'Riverside Prevent action plan', 5],
    ]);
  });

  it.runIf(TEST_POSTGRES_URL)(
    'PostgreSQL reads plans together by their indexes, never reading a whole table of actions, leads, organisations, people or history',
    async () => {
      // 300 partnerships of 40 actions in 5 themes, 15 organisations and 90 people each, ten history entries an action, analysed
      const sql = (text: string) => store.db.$executeRawUnsafe(text);
      await sql(`INSERT INTO "Partnership" ("name") SELECT 'Bulk ' || g FROM generate_series(1, 300) g`);
      await sql(`INSERT INTO "Plan" ("partnershipId", "title") SELECT "id", 'Bulk plan' FROM "Partnership" WHERE "name" LIKE 'Bulk %'`);
      await sql(
        `INSERT INTO "Theme" ("planId", "name", "position") SELECT "id", 'Theme ' || k, k FROM "Plan" CROSS JOIN generate_series(1, 5) k WHERE "title" = 'Bulk plan'`,
      );
      await sql(
        `INSERT INTO "Organisation" ("partnershipId", "name") SELECT p."id", 'Organisation ' || g FROM "Partnership" p CROSS JOIN generate_series(1, 15) g WHERE p."name" LIKE 'Bulk %'`,
      );
      await sql(
        `INSERT INTO "Person" ("partnershipId", "chatId", "displayName") SELECT p."id", '29:bulk-' || p."id" || '-' || g, 'Person ' || g FROM "Partnership" p CROSS JOIN generate_series(1, 90) g WHERE p."name" LIKE 'Bulk %'`,
      );
      await sql(
        `INSERT INTO "Action" ("planId", "themeId", "ref", "title", "ownerId") SELECT pl."id", t."id", g, 'Action ' || g, (SELECT pe."id" FROM "Person" pe WHERE pe."partnershipId" = pl."partnershipId" AND pe."chatId" = '29:bulk-' || pl."partnershipId" || '-' || g) FROM "Plan" pl CROSS JOIN generate_series(1, 40) g JOIN "Theme" t ON t."planId" = pl."id" AND t."position" = g % 5 + 1 WHERE pl."title" = 'Bulk plan'`,
      );
      await sql(
        `INSERT INTO "ActionLead" ("actionId", "organisationId", "position") SELECT a."id", o."id", 0 FROM "Action" a JOIN "Plan" pl ON pl."id" = a."planId" JOIN "Organisation" o ON o."partnershipId" = pl."partnershipId" AND o."name" = 'Organisation ' || (a."ref" % 15 + 1) WHERE pl."title" = 'Bulk plan'`,
      );
      await sql(
        `INSERT INTO "ActionUpdate" ("actionId", "actorName", "at", "ragFrom", "ragTo", "source") SELECT a."id", 'Someone', now() - g * interval '1 day', 'AMBER', 'GREEN', 'card' FROM "Action" a CROSS JOIN generate_series(1, 10) g`,
      );
      for (const table of ['Partnership', 'Plan', 'Theme', 'Action', 'ActionLead', 'Organisation', 'Person', 'ActionUpdate'])
        await sql(`ANALYZE "${table}"`);
      const bulk = (n: number) => `Bulk ${n}`;
      const stamps = await Promise.all([1, 50, 100, 150, 200].map((n) => readPlanStamp(store.db, bulk(n))));
      counting.on = true;
      const views = await Promise.all(
        stamps.map((stamp, i) => {
          if (!stamp?.plan) throw new Error('no plan');
          return readPlanView(store.db, bulk([1, 50, 100, 150, 200][i] ?? 0), { ...stamp, plan: stamp.plan });
        }),
      );
      counting.on = false;
      expect(views.map((v) => [v.title, v.actions.length, v.actions[0]?.leads, v.actions[0]?.owner?.name, v.organisations.length])).toEqual(
        Array.from({ length: 5 }, () => ['Bulk plan', 40, ['Organisation 2'], 'Person 1', 15]),
      );
      expect(views[4]?.actions.slice(0, 2).map((a) => a.theme)).toEqual(['Theme 2', 'Theme 3']);
      expect(views[4]?.themes).toEqual(['Theme 1', 'Theme 2', 'Theme 3', 'Theme 4', 'Theme 5']);
      expect(views[2]?.actions[0]?.lastUpdate?.by).toBe('Someone');
      // the first alone (two statements), the other four together (two: as many as a statement reads)
      expect(statements).toHaveLength(4);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        for (const at of [2, 3]) {
          const { rows } = await client.query({ text: `EXPLAIN (FORMAT JSON) ${statements[at]}`, values: values[at] });
          const scanned: string[] = [];
          const walk = (node: { 'Node Type': string; 'Relation Name'?: string; Plans?: unknown[] }) => {
            if (node['Node Type'] === 'Seq Scan') scanned.push(String(node['Relation Name']));
            for (const child of node.Plans ?? []) walk(child as typeof node);
          };
          walk((rows[0] as { 'QUERY PLAN': { Plan: Parameters<typeof walk>[0] }[] })['QUERY PLAN'][0]!.Plan);
          expect({ statement: statements[at]?.slice(0, 40), scanned }).toEqual({ statement: statements[at]?.slice(0, 40), scanned: [] });
        }
      } finally {
        await client.end();
      }
    },
    60_000,
  );
});
