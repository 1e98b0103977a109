import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/index.js';
import { type OpenStore, openStore } from '../../bot/store/database.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { applyUpdate, listHistory } from '../../bot/store/updates.js';
import { northshireXlsx } from '../import/partner-plans.js';
import { createTestDatabase } from '../support/database.js';

let db: { url: string; drop(): Promise<void> };
let dir: string;
beforeEach(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'plan-'));
});
afterEach(async () => {
  await db.drop();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { DATABASE_URL: db.url },
    (t) => void out.push(t),
    (t) => void err.push(t),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function withStore<T>(run: (store: OpenStore) => Promise<T>): Promise<T> {
  const store = await openStore(db.url);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

const file = (name: string, text: string | Buffer): string => {
  const where = path.join(dir, name);
  writeFileSync(where, text);
  return where;
};

const V1 = [
  'Ref,Objective,Action,Lead,Target date,RAG,Update',
  '1.1,Protect,Refresh the Channel panel terms of reference,CoLC CST,Q3 2025/26,Amber,Draft with legal',
  '1.2,Protect,Audit case reviews,CoLC CST,Summer term 2026,Green,',
  '2.1,Prepare,Exercise the response plan,City of London Police,Sep-25,Amber,',
].join('\n');

describe('importing Excel and Word through the CLI', () => {
  it('imports an Excel plan and its own Excel export back with no changes', async () => {
    const first = await cli('import', file('northshire.xlsx', await northshireXlsx()));
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('(Excel)');
    const out = path.join(dir, 'export.xlsx');
    expect((await cli('export', '--format', 'xlsx', '--out', out)).code).toBe(0);
    const again = await cli('import', out);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('0 actions changed, 0 added, 5 unchanged');
  });

  it('"show action 2.3a" finds the action by its written number', async () => {
    await cli('import', file('northshire.xlsx', await northshireXlsx()));
    const plan = await withStore((s) => loadPlanView(s.db, 'City of London'));
    expect(plan?.actions.map((a) => a.label)).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3a']);
  });
});

describe('re-importing never loses newer work', () => {
  async function chatUpdate(label: string, rag: 'RED' | 'GREEN', note: string) {
    await withStore(async (store) => {
      const plan = await loadPlanView(store.db, 'City of London');
      const action = plan?.actions.find((a) => a.label === label);
      if (!action) throw new Error(`no action ${label}`);
      const result = await applyUpdate(store.db, {
        actionId: action.id,
        expectedVersion: action.version,
        rag,
        note,
        progress: null,
        actor: { name: 'Ali Burlington', chatId: '29:ali' },
        source: 'chat',
        idempotencyKey: `test-${label}-${rag}`,
        at: new Date(Date.now() + 1000),
      });
      expect(result.status).toBe('applied');
    });
  }
  const ragOf = async (label: string) =>
    withStore(async (s) => (await loadPlanView(s.db, 'City of London'))?.actions.find((a) => a.label === label)?.rag);

  it('keeps a RAG changed in chat, lists the conflict in the preview, and takes the file only when asked', async () => {
    const plan = file('lakeside.csv', V1);
    await cli('import', plan);
    await chatUpdate('1.1', 'RED', 'Legal advice delayed');

    const preview = await cli('import', plan, '--dry-run');
    expect(preview.code, preview.err).toBe(0);
    expect(preview.out).toContain('nothing was saved');
    expect(preview.out).toMatch(/Conflict, action 1\.1: changed in chat since it was imported; the plan says RED.*the file says AMBER/);
    expect(await ragOf('1.1')).toBe('RED');

    const kept = await cli('import', plan);
    expect(kept.out).toContain('Action 1.1 was changed in chat since it was imported: kept its RED rating');
    expect(await ragOf('1.1')).toBe('RED');
    const keptAgain = await cli('import', plan);
    expect(keptAgain.out).toContain('3 unchanged');
    expect(await ragOf('1.1')).toBe('RED');

    const taken = await cli('import', plan, '--prefer', 'file');
    expect(taken.out).toContain("took the file's AMBER");
    expect(await ragOf('1.1')).toBe('AMBER');
  });

  it('keeps a target date and wording edited in chat, lists the conflicts, still takes the file’s other changes', async () => {
    const plan = file('lakeside.csv', V1);
    await cli('import', plan);
    await withStore(async (store) => {
      const view = await loadPlanView(store.db, 'City of London');
      const a11 = view?.actions.find((a) => a.label === '1.1');
      if (!a11) throw new Error('no action 1.1');
      const to = { text: 'end of March', dueDate: '2027-03-31', recurrence: null };
      const result = await applyUpdate(store.db, {
        actionId: a11.id,
        expectedVersion: a11.version,
        rag: a11.rag,
        note: 'Target date moved',
        progress: null,
        actor: { name: 'Cora Hale', chatId: '29:cora', personId: 1 },
        source: 'chat',
        idempotencyKey: 'edit-1.1',
        at: new Date(Date.now() + 1000),
        edit: {
          title: 'Refresh the Channel panel terms of reference with legal',
          deadline: to,
          changes: [
            { field: 'title', from: a11.title, to: 'Refresh the Channel panel terms of reference with legal' },
            { field: 'deadline', from: { text: a11.deadlineText, dueDate: a11.dueDate, recurrence: null }, to },
          ],
        },
      });
      expect(result.status).toBe('applied');
    });
    writeFileSync(plan, V1.replace('CoLC CST,Q3', 'CoLC CST/City of London Police,Q3'));
    const preview = await cli('import', plan, '--dry-run');
    expect(preview.out).toContain(
      'Conflict, action 1.1: its wording was changed in chat since it was imported; the plan says "Refresh the Channel panel terms of reference with legal", the file says "Refresh the Channel panel terms of reference": keeping the plan\'s',
    );
    expect(preview.out).toContain(
      'Conflict, action 1.1: its target date was changed in chat since it was imported; the plan says "end of March", the file says "Q3 2025/26"',
    );
    expect(preview.out).toMatch(
      /Action 1\.1: leads changed from CoLC Community Safety Team to CoLC Community Safety Team, City of London Police Prevent team\./,
    );
    await cli('import', plan);
    const a11 = async () => withStore(async (s) => (await loadPlanView(s.db, 'City of London'))?.actions.find((a) => a.label === '1.1'));
    expect(await a11()).toMatchObject({
      title: 'Refresh the Channel panel terms of reference with legal',
      deadlineText: 'end of March',
      dueDate: '2027-03-31',
      leads: ['CoLC Community Safety Team', 'City of London Police Prevent team'],
    });
    expect((await cli('import', plan, '--dry-run')).out).toContain('No changes.');
    const taken = await cli('import', plan, '--prefer', 'file');
    expect(taken.out).toContain("taking the file's, as chosen");
    expect(await a11()).toMatchObject({
      title: 'Refresh the Channel panel terms of reference',
      deadlineText: 'Q3 2025/26',
      dueDate: '2025-12-31',
    });
    expect((await cli('import', plan, '--dry-run')).out).toContain('No changes.');
  });

  it('records moved dates, rewording and changed leads in the history; a second send reports no changes', async () => {
    const plan = file('lakeside.csv', V1);
    await cli('import', plan);
    writeFileSync(
      plan,
      V1.replace('Q3 2025/26', 'Q4 2025/26')
        .replace('Audit case reviews', 'Audit all case reviews')
        .replace('City of London Police', 'NHS'),
    );
    const preview = await cli('import', plan, '--dry-run');
    expect(preview.out).toContain('0 new, 3 changed, 0 unchanged');
    expect(preview.out).toContain('Action 1.1: target date moved from "Q3 2025/26" to "Q4 2025/26".');
    expect(preview.out).toContain('Action 1.2: reworded (was "Audit case reviews").');
    expect(preview.out).toMatch(/Action 2\.1: leads changed from City of London Police Prevent team to NHS/);
    await cli('import', plan);
    const history = await withStore(async (s) => {
      const view = await loadPlanView(s.db, 'City of London');
      const id = view?.actions.find((a) => a.label === '1.1')?.id ?? -1;
      return listHistory(s.db, id);
    });
    expect(history[0]?.note).toBe('Re-imported from lakeside.csv: target date moved from "Q3 2025/26" to "Q4 2025/26"');
    const second = await cli('import', plan, '--dry-run');
    expect(second.out).toContain('No changes.');
  });
});

describe('limits and bad choices', () => {
  it('refuses a file over 20 MB with one message and leaves the database as it was', async () => {
    await cli('import', file('small.csv', V1));
    const before = (await cli('export', '--format', 'json')).out;
    const big = file('big.csv', `Action,Deadline\n${'Train staff in every school in the borough,June 2026\n'.repeat(420_000)}`);
    const r = await cli('import', big);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/big\.csv: the file is 2\d\.\d MB; a plan can have at most 5,000 actions in a file of at most 20\.0 MB/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect((await cli('export', '--format', 'json')).out).toBe(before);
  });

  it('saves a plan of 1,200 actions (more rows than one statement may bind on SQLite)', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `${i + 1},Action ${i + 1},Ongoing,CST,Amber`).join('\n');
    const first = await cli('import', file('large.csv', `No.,Action,Deadline,Lead,RAG\n${rows}\n`));
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('New plan: 1200 actions created.');
  }, 60_000);

  it('refuses more than 5,000 actions in a small file', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `${i + 1},Action ${i + 1},Ongoing`).join('\n');
    const r = await cli('import', file('many.csv', `No.,Action,Deadline\n${rows}\n`));
    expect(r.code).toBe(1);
    expect(r.err).toContain('many.csv: the file has 5,001 actions; a plan can have at most 5,000 actions');
    expect((await cli('plans')).out).not.toContain('many');
  });

  it('takes --map for words of its own and refuses a mapping it cannot read', async () => {
    const plan = file('mapped.csv', 'Action,RAG\nTrain staff,Delayed\n');
    expect((await cli('import', plan)).err).toContain('"Delayed" is not a RAG rating');
    const bad = await cli('import', plan, '--map', 'Delayed=Purple');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('write it as WORD=RATING');
    const good = await cli('import', plan, '--map', 'Delayed=AMBER');
    expect(good.code, good.err).toBe(0);
    expect(good.out).toContain('AMBER: 1');
  });

  it('refuses an old .xls file and a damaged workbook with a clear message', async () => {
    expect((await cli('import', file('old.xls', 'binary'))).err).toContain('this is an old Office file; save it as .xlsx');
    expect((await cli('import', file('broken.xlsx', 'not a zip'))).err).toContain('broken.xlsx: the file is not an Excel workbook');
  });
});
