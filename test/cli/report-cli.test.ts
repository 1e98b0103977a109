import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/index.js';
import { DEMO_PLAN_FILE } from '../../bot/demo.js';
import { createTestDatabase } from '../support/database.js';

let db: { url: string; drop(): Promise<void> };
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(() => db.drop());

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

describe('cli report', () => {
  it('drafts the report as Markdown and as a Word file, saves each draft, lists, approves and reports toolkit coverage', async () => {
    expect((await cli('import', DEMO_PLAN_FILE, '--partnership', 'City of London')).code).toBe(0);
    await cli('report', 'settings', '--committee', 'Safer City Partnership', '--author', 'Community Safety Officer');
    const md = await cli('report', '--since', '2026-09-01', '--meeting', '2030-12-04', '--sessions', '4', '--channel-referrals', '0');
    expect(md.code).toBe(0);
    expect(md.out).toContain('| Safer City Partnership | 4 December 2030 |');
    expect(md.out).toMatch(/^\d+\. There have been no new Channel cases since the Safer City Partnership meeting of 1 September 2026\./m);
    expect(md.out).toContain('| RAG rating | At the start | Now | Change |');

    const file = path.join(mkdtempSync(path.join(tmpdir(), 'report-')), 'report.docx');
    const docx = await cli('report', '--since', '2026-09-01', '--meeting', '2030-12-04', '--format', 'docx', '--out', file);
    expect(docx.out).toContain(`Wrote ${file}: draft board report 2 for 4 December 2030`);
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(file) });
    expect(value).toContain('Safer City Partnership');
    expect(value).toContain('Prevent duty toolkit coverage');

    expect((await cli('report', 'list')).out).toMatch(/^2\. 4 December 2030 .* draft\n1\. 4 December 2030 .* draft$/);
    expect((await cli('report', 'approve', '1', '--by', 'Ali Burlington')).out).toBe(
      'Board report 1 is approved and can no longer be changed.',
    );
    expect((await cli('report', 'approve', '1', '--by', 'Ali Burlington')).out).toBe('Board report 1 was already approved.');
    const toolkit = await cli('report', 'toolkit');
    expect(toolkit.out).toContain('14. Channel processes are in place');
    expect(toolkit.out).toContain('Referral pathway, Channel panel');
  });

  it('refuses missing or unreadable dates, bad counts and a Word file with nowhere to go', async () => {
    await cli('import', DEMO_PLAN_FILE, '--partnership', 'City of London');
    expect(await cli('report', '--since', '2026-09-01')).toMatchObject({ code: 2, out: expect.stringContaining('--meeting 2026-12-04') });
    expect(await cli('report', '--meeting', 'soon')).toMatchObject({
      code: 2,
      out: expect.stringContaining('"soon" is not a date I can read'),
    });
    expect(await cli('report', '--meeting', '2030-12-04', '--sessions', 'four')).toMatchObject({
      code: 2,
      out: '--sessions must be a whole number, not "four".',
    });
    expect(await cli('report', '--meeting', '2030-12-04', '--format', 'docx')).toMatchObject({
      code: 2,
      out: expect.stringContaining('--out report.docx'),
    });
    expect((await cli('report', 'list')).out).toBe('No board reports yet.');
  });
});
