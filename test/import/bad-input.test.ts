import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../bot/errors.js';
import { parsePlanText, readPlanFile } from '../../bot/import/index.js';

function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

const TABLE = '| Key Actions | Deadline | RAG rating |\n|---|---|---|\n| Train staff | June 2024 | GREEN |\n';

describe('plans that cannot be imported', () => {
  it.each([
    ['', 'plan.md'],
    ['  \n\n ', 'plan.md'],
    ['\uFEFF\n', 'plan.csv'],
    ['', 'plan.csv'],
  ])('refuses an empty file (%j, %s)', (text, file) => {
    expect(importError(() => parsePlanText(text, file, []))).toMatchObject({ code: 'IMPORT_EMPTY', file });
  });

  it('refuses a file with text but no actions', () => {
    expect(importError(() => parsePlanText('A plan\n\nNothing here yet.\n', 'plan.md', [])).code).toBe('IMPORT_EMPTY');
    expect(importError(() => parsePlanText('Action,Deadline\n', 'plan.csv', [])).code).toBe('IMPORT_EMPTY');
  });

  it('refuses a Markdown table with no action column, naming the line', () => {
    const error = importError(() => parsePlanText('Plan\n\n| Deadline | Lead |\n|---|---|\n| June 2024 | CST |\n', 'p.md', []));
    expect(error).toMatchObject({ code: 'IMPORT_NO_ACTION_COLUMN', line: 3 });
    expect(error.message).toMatch(/^p\.md, line 3: /);
  });

  it('refuses a first table whose header row is empty', () => {
    const error = importError(() => parsePlanText('| | |\n|---|---|\n| Train staff | June 2024 |\n', 'p.md', []));
    expect(error).toMatchObject({ code: 'IMPORT_NO_ACTION_COLUMN', line: 1 });
  });

  it('refuses a CSV with no action column, naming the first line', () => {
    const error = importError(() => parsePlanText('\nDeadline,Lead\nJune 2024,CST\n', 'p.csv', []));
    expect(error).toMatchObject({ code: 'IMPORT_NO_ACTION_COLUMN', line: 2 });
  });

  it('refuses an unknown RAG word in Markdown, naming file, line and column', () => {
    const text = `Plan\n\n${TABLE}| Brief members | Ongoing | Amber/Green |\n`;
    const error = importError(() => parsePlanText(text, 'city-plan.md', []));
    expect(error).toMatchObject({ code: 'IMPORT_BAD_RAG', file: 'city-plan.md', line: 6, column: 'RAG rating' });
    expect(error.message).toBe(
      'city-plan.md, line 6, column "RAG rating": "Amber/Green" is not a RAG rating; use RED, AMBER, GREEN or COMPLETE.',
    );
  });

  it('refuses an unknown RAG word in CSV, naming file, line and column', () => {
    const text = 'No.,Action,Status\n1,"Train\nstaff",GREEN\n2,Brief members,Purple\n';
    const error = importError(() => parsePlanText(text, 'plan.csv', []));
    expect(error.message).toContain('plan.csv');
    expect(error.message).toContain('line 4');
    expect(error.message).toContain('"Status"');
    expect(error.code).toBe('IMPORT_BAD_RAG');
  });

  it('refuses a CSV with a quote that is never closed', () => {
    expect(importError(() => parsePlanText('Action,Deadline\n"Train staff,June 2024\n', 'p.csv', [])).code).toBe('IMPORT_BAD_ROW');
  });

  it('refuses a file type it does not read', () => {
    expect(importError(() => parsePlanText(TABLE, 'plan.docx', [])).message).toMatch(/^plan\.docx: only Markdown/);
  });

  it('refuses a path that cannot be read', async () => {
    await expect(readPlanFile('/no/such/folder/plan.md', [])).rejects.toMatchObject({
      code: 'IMPORT_UNREADABLE',
      file: '/no/such/folder/plan.md',
    });
    const folder = mkdtempSync(join(tmpdir(), 'plan-'));
    await expect(readPlanFile(folder, [])).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE' });
  });

  it('reads an empty file from disk as empty, not unreadable', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'plan-')), 'empty.csv');
    writeFileSync(file, '');
    await expect(readPlanFile(file, [])).rejects.toMatchObject({ code: 'IMPORT_EMPTY' });
  });
});
