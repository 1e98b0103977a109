import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/index.js';
import { DEMO_PLAN_FILE } from '../../bot/demo.js';
import { createTestDatabase } from '../support/database.js';

let db: { url: string; drop(): Promise<void> };
let dir: string;
beforeEach(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'plans-export-'));
});
afterEach(async () => {
  await db.drop();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const code = await runCli(
    argv,
    { DATABASE_URL: db.url },
    (t) => void out.push(t),
    (t) => void out.push(t),
  );
  return { code, out: out.join('\n') };
}

/** Next year's plan as a coordinator keeps it: a title row, then the columns. */
function nextYearCsv(): string {
  const file = path.join(dir, 'next-year.csv');
  writeFileSync(
    file,
    [
      'City of London Prevent Plan 2025/26',
      'No.,Theme,Key Actions,Deadline,Responsibility/Lead,RAG rating',
      '1,Training,Deliver WRAP training to every secondary school,March 2026,CST,Green',
      '2,Awareness,Run the Act Early campaign in the Square Mile,Q3 2025/26,CoLP,Amber',
    ].join('\n'),
  );
  return file;
}

const exportedJson = async () => JSON.parse((await cli('export', '--format', 'json')).out);

describe('cli: plans over time', () => {
  it('a plan with a new title waits unless --make-live: the dry run says so, the import keeps the live plan', async () => {
    await cli('import', DEMO_PLAN_FILE);
    const file = nextYearCsv();
    const dry = await cli('import', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('This will be a new plan, 2025–26; the live plan stays 2020–24 unless you make it live.');
    expect(dry.out).toContain('Add --make-live to make it the live plan as it is imported.');
    const dryLive = await cli('import', file, '--dry-run', '--make-live');
    expect(dryLive.out).toContain('This will be a new plan, 2025–26, and makes it live: the live plan 2020–24 will be archived');

    const saved = await cli('import', file);
    expect(saved.out).toContain('The 2025–26 plan is not live yet: questions and updates still use the live plan.');
    expect((await exportedJson()).plans.map((p: any) => [p.title, p.status])).toEqual([
      ['City of London Prevent Strategic Action Plan', 'live'],
    ]);
    expect((await cli('plans')).out).toContain('City of London: City of London Prevent Plan 2025/26, 2 actions, not live yet');

    const live = await cli('import', file, '--make-live');
    expect(live.out).toContain('The 2025–26 plan is now live; "City of London Prevent Strategic Action Plan" is archived');
    expect((await exportedJson()).plans.map((p: any) => p.title)).toEqual(['City of London Prevent Plan 2025/26']);
  });

  it('export --plan names one plan by its years; --all exports every plan: one sheet each, a Plan column in CSV and Markdown', async () => {
    await cli('import', DEMO_PLAN_FILE);
    await cli('import', nextYearCsv(), '--make-live');

    const old = await cli('export', '--format', 'csv', '--plan', '2020-24');
    expect(old.code).toBe(0);
    const oldRows = parse(old.out, { columns: true }) as Record<string, string>[];
    expect(oldRows).toHaveLength(24);
    expect(new Set(oldRows.map((r) => `${r.Plan} / ${r['Plan status']}`))).toEqual(
      new Set(['City of London Prevent Strategic Action Plan / archived']),
    );
    expect(oldRows.find((r) => r['No.'] === '22')?.['RAG rating']).toBe('RED');

    const all = await cli('export', '--format', 'csv', '--all');
    const rows = parse(all.out, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(26);
    expect(rows.filter((r) => r['Plan status'] === 'live').map((r) => r['Key Actions'])).toEqual([
      'Deliver WRAP training to every secondary school',
      'Run the Act Early campaign in the Square Mile',
    ]);

    const md = (await cli('export', '--format', 'md', '--all')).out;
    expect(md).toContain('# City of London Prevent Plan 2025/26');
    expect(md).toContain('Status: archived');
    expect(md).toContain('| Plan | No. | Key Actions |');
    expect(md).toContain('| 2020–24 | 22 |');
    expect(md).toContain('| 2025–26 | 1 |');

    const out = path.join(dir, 'plans.xlsx');
    expect((await cli('export', '--format', 'xlsx', '--all', '--out', out)).out).toBe(`Wrote 2 sheets to ${out}.`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    // the years first when a long title would lose them
    expect(book.worksheets.map((s) => s.name)).toEqual(['2025–26 City of London Preve', '2020–24 City of London Preve']);
    expect(book.worksheets[1]?.getRow(3).getCell(1).value).toBe('Archived plan (kept as a record)');

    const one = path.join(dir, 'old.xlsx');
    expect((await cli('export', '--format', 'xlsx', '--plan', "last year's", '--out', one)).out).toBe(`Wrote one sheet to ${one}.`);
  });

  it('export --plan with words that name no plan lists the plans and fails', async () => {
    await cli('import', DEMO_PLAN_FILE);
    const none = await cli('export', '--format', 'csv', '--plan', '2012');
    expect(none.code).toBe(1);
    expect(none.out).toContain('No plan of City of London matches "2012". The plans are:');
    expect(none.out).toContain('2020–24 (live): City of London Prevent Strategic Action Plan');
    expect((await cli('export', '--format', 'csv', '--plan', '2020', '--all')).code).toBe(2);
  });

  it('plans make-live and plans start-next do what the chat commands do, attributed to the operator', async () => {
    await cli('import', DEMO_PLAN_FILE);
    await cli('import', nextYearCsv());
    const made = await cli('plans', 'make-live', '2025-26');
    expect(made.code).toBe(0);
    expect(made.out).toContain('The 2025–26 plan is now live');
    expect(made.out).toContain('The 2020–24 plan is archived');
    expect((await cli('plans')).out).toMatch(/City of London Prevent Plan 2025\/26, 2 actions, live/);
    expect((await cli('plans', 'make-live', '2025-26')).out).toContain('is already the live plan');
    const none = await cli('plans', 'make-live', '2012');
    expect(none.out).toContain('matches "2012"');

    const preview = await cli('plans', 'start-next', '--called', 'City of London Prevent Plan 2026/27');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('2 open actions would be carried over');
    expect(preview.out).toContain('Nothing has changed. Run again with --yes to start it.');
    expect((await cli('plans')).out).not.toContain('2026/27');

    const started = await cli('plans', 'start-next', '--called', 'City of London Prevent Plan 2026/27', '--yes');
    expect(started.code).toBe(0);
    expect(started.out).toContain('Started the 2026–27 plan');
    expect(started.out).toContain('2 open actions carried over from "City of London Prevent Plan 2025/26"');
    expect((await cli('plans')).out).toMatch(/City of London Prevent Plan 2026\/27[^,]*, 2 actions, live/);
    // the same again: a plan of that name exists now
    const again = await cli('plans', 'start-next', '--called', 'City of London Prevent Plan 2026/27', '--yes');
    expect(again.code).toBe(1);
    expect(again.out).toContain('There is already a plan called "City of London Prevent Plan 2026/27"');
    expect((await cli('plans', 'archive')).code).toBe(2);
  });
});
