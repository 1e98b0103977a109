import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/index.js';
import { DEMO_PLAN_FILE } from '../../bot/demo.js';
import { createTestDatabase } from '../support/database.js';

let db: { url: string; drop(): Promise<void> };
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

/** Runs the CLI in-process against the test database; returns exit code and output. */
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

const exportedJson = async () => JSON.parse((await cli('export', '--format', 'json')).out);

describe('cli import and export', () => {
  it('imports the demo plan: 24 actions in 4 themes with the RAG counts, and prints what it read', async () => {
    const r = await cli('import', DEMO_PLAN_FILE);
    expect(r.code).toBe(0);
    expect(r.out).toContain('24 actions in 4 themes');
    expect(r.out).toMatch(/RED: 2/);
    expect(r.out).toMatch(/AMBER: 12/);
    expect(r.out).toMatch(/GREEN: 8/);
    expect(r.out).toMatch(/COMPLETE: 2/);
    const plan = (await exportedJson()).plans[0];
    expect(plan.actions).toHaveLength(24);
    expect(plan.themes).toEqual(['Training and engagement', 'Policy/Processes', 'Awareness', 'Other']);
    const stakeholders = plan.actions.find((a: any) => a.title.startsWith('Deliver bespoke training to City of London Stakeholders'));
    expect(stakeholders.title.endsWith('Probation, City Advice Partners to utilise this offer')).toBe(true);
    expect(stakeholders.leads).toContain('All stakeholders');
    const caseStudies = plan.actions.find((a: any) => a.title.startsWith('Develop a series of multi-agency pilots'));
    expect(caseStudies.notes.endsWith('Prevent training sessions.')).toBe(true);
    expect(JSON.stringify(plan)).not.toMatch(/<\/?p>|<br|<[a-z]+[ >]/i);
    const a22 = plan.actions.find((a: any) => a.ref === 22);
    expect(a22).toMatchObject({ rag: 'RED', dueDate: '2021-10-31', deadlineText: 'October 2021' });
  });

  it('re-importing the same plan updates in place: no duplicates, history kept', async () => {
    await cli('import', DEMO_PLAN_FILE);
    const again = await cli('import', DEMO_PLAN_FILE);
    expect(again.code).toBe(0);
    expect(again.out).toContain('24 unchanged');
    expect((await cli('plans')).out.match(/24 actions/g)).toHaveLength(1);
    expect((await exportedJson()).plans[0].actions).toHaveLength(24);
  });

  it('re-importing a changed RAG records it in the history and keeps earlier entries', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-'));
    const v1 = path.join(dir, 'plan.csv');
    writeFileSync(v1, 'No.,Key Actions,Deadline,Lead,RAG\n1,Train staff,October 2021,CST,RED\n2,Engage businesses,Ongoing,CoLP,AMBER\n');
    await cli('import', v1);
    writeFileSync(v1, 'No.,Key Actions,Deadline,Lead,RAG\n1,Train staff,October 2021,CST,GREEN\n2,Engage businesses,Ongoing,CoLP,AMBER\n');
    const r = await cli('import', v1);
    expect(r.out).toContain('1 RAG changes recorded');
    const plan = (await exportedJson()).plans[0];
    expect(plan.actions.map((a: any) => a.rag)).toEqual(['GREEN', 'AMBER']);
  });

  it('exports CSV and Markdown with the current RAG', async () => {
    await cli('import', DEMO_PLAN_FILE);
    const csv = (await cli('export', '--format', 'csv')).out;
    expect(csv.split('\n')[0]).toBe('No.,Theme,Key Actions,Deadline,Outcome,Responsibility/Lead,Notes,RAG rating');
    expect(csv).toContain('Engage with and support faith groups');
    const md = (await cli('export', '--format', 'md')).out;
    expect(md).toContain('## Awareness');
    expect(md).toMatch(/\| 18 \| Engage with and support faith groups \|.*\| RED \|/);
  });

  it('an exported CSV imports back as the same plan', async () => {
    await cli('import', DEMO_PLAN_FILE);
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-'));
    const file = path.join(dir, 'City of London Prevent Strategic Action Plan.csv');
    writeFileSync(file, (await cli('export', '--format', 'csv')).out);
    const before = await exportedJson();
    const r = await cli('import', file);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('24 unchanged');
    expect(await exportedJson()).toEqual(before);
  });
});

describe('cli bad input leaves the database unchanged', () => {
  const cases: [string, string, RegExp][] = [
    [
      'bad-rag.csv',
      'Key Actions,Deadline,Lead,RAG\nTrain staff,Ongoing,CST,GREEN\nEngage,Ongoing,CST,PURPLE\n',
      /bad-rag\.csv.*line 3.*RAG.*PURPLE/i,
    ],
    ['empty.md', '', /empty\.md.*empty/i],
    ['no-actions.csv', 'Colour,Size\nred,big\n', /no-actions\.csv.*line 1.*action/i],
  ];
  for (const [name, content, message] of cases) {
    it(`refuses ${name} with a clear message and a non-zero exit`, async () => {
      await cli('import', DEMO_PLAN_FILE);
      const before = await exportedJson();
      const dir = mkdtempSync(path.join(tmpdir(), 'plan-'));
      writeFileSync(path.join(dir, name), content);
      const r = await cli('import', path.join(dir, name));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
      expect(await exportedJson()).toEqual(before);
    });
  }

  it('refuses an unreadable file', async () => {
    const r = await cli('import', '/nonexistent/plan.md');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/plan\.md/);
    expect((await exportedJson()).plans).toEqual([]);
  });

  it('refuses an unknown format and an unknown role', async () => {
    expect((await cli('export', '--format', 'pdf')).code).toBe(2);
    await cli('import', DEMO_PLAN_FILE);
    const r = await cli('role', 'grant', 'ali@example.org', 'boss');
    expect(r.code).toBe(2);
    expect(r.out).toContain('Unknown role');
  });
});

describe('cli roles and migrate', () => {
  it('grants and revokes roles; a lead needs an organisation, matched by alias', async () => {
    await cli('import', DEMO_PLAN_FILE);
    const noOrg = await cli('role', 'grant', 'ali@example.org', 'lead');
    expect(noOrg.code).toBe(1);
    expect(noOrg.err).toContain('organisation');
    const lead = await cli('role', 'grant', 'Ali@Example.org', 'lead', '--org', 'cst');
    expect(lead.out).toMatch(
      /^ali@example\.org will be a lead for CoLC Community Safety Team in City of London once the Teams roster confirms that address \(waiting until \d+ \w+ \d{4}\)\.$/,
    );
    expect((await cli('role', 'revoke', 'ALI@example.org')).out).toContain('is now a member');
    const byName = await cli('role', 'grant', 'Ali Burlington', 'coordinator');
    expect(byName.code).toBe(1);
    expect(byName.err).toContain('anyone can choose a display name');
    const unknownId = await cli('role', 'grant', '29:user-a', 'coordinator');
    expect(unknownId.code).toBe(1);
    expect(unknownId.err).toContain('Nobody with the Teams user id 29:user-a is known');
    const audit = await cli('audit');
    expect(audit.out.split('\n')).toHaveLength(2);
    expect(audit.out).toContain('CLI (operator) role.revoke ali@example.org (waiting for the Teams roster): lead → member (cli)');
    expect(audit.out).toContain('CLI (operator) role.pending ali@example.org (waiting for the Teams roster): none → lead (cli)');
  });

  it('migrate is idempotent', async () => {
    const first = await cli('migrate');
    expect(first.code).toBe(0);
    expect((await cli('migrate')).out).toBe('The database is up to date.');
  });
});
