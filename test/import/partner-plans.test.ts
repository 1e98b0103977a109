import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATIONS, parsePlanBytes } from '../../bot/import/index.js';
import type { ImportedPlan, ImportOptions } from '../../bot/import/types.js';
import { exportCsv, exportMarkdown } from '../../bot/plan/export.js';
import { exportXlsx } from '../../bot/plan/export-xlsx.js';
import type { PlanView } from '../../bot/plan/types.js';
import { eastbrookDocx, latin1Csv, northshireXlsx, southvaleSubRefsCsv, updateColumnUtf16, westbridgeBragXlsx } from './partner-plans.js';

const OPTIONS: ImportOptions = { today: '2025-11-28', ragWords: { delayed: 'AMBER' } };

/** label, theme, RAG, due date, notes, extras: what a coordinator would check against their file. */
type Pinned = [string, string, string, string | null, string, Record<string, string>?];

const pinned = (plan: ImportedPlan): Pinned[] =>
  plan.actions.map((a) => {
    const row: Pinned = [a.label, a.theme, a.rag, a.dueDate, a.notes];
    if (Object.keys(a.extras).length) row.push(a.extras);
    return row;
  });

/** The plan as the store would give it back, for the exports. */
function asView(plan: ImportedPlan): PlanView {
  return {
    partnership: 'Test',
    timeZone: 'Europe/London',
    title: plan.title,
    period: plan.period,
    themes: plan.themes,
    organisations: plan.organisations,
    actions: plan.actions.map((a, i) => ({ ...a, id: i + 1, progress: null, version: 1, lastUpdate: null })),
  };
}

const shape = (plan: ImportedPlan) =>
  plan.actions.map(({ ref, label, theme, title, deadlineText, dueDate, recurrence, outcome, leads, notes, rag, extras }) => ({
    ref,
    label,
    theme,
    title,
    deadlineText,
    dueDate,
    recurrence,
    outcome,
    leads,
    notes,
    rag,
    extras,
  }));

async function read(bytes: Uint8Array, name: string) {
  return parsePlanBytes(bytes, name, DEFAULT_ORGANISATIONS, OPTIONS);
}

/** Exports the plan as Excel, CSV and Markdown and reads each back: every action must come back as it was. */
async function expectRoundTrips(plan: ImportedPlan): Promise<void> {
  const view = asView(plan);
  const xlsx = (await read(await exportXlsx([view]), 'export.xlsx')).plan;
  expect(shape(xlsx)).toEqual(shape(plan));
  expect(xlsx.title).toBe(plan.title);
  expect(xlsx.themes).toEqual(plan.themes);
  const csv = (await read(Buffer.from(exportCsv(view, { updates: true })), 'export.csv')).plan;
  expect(shape(csv)).toEqual(shape(plan));
  const md = (await read(Buffer.from(exportMarkdown(view)), 'export.md')).plan;
  expect(shape(md)).toEqual(shape(plan));
  expect(md.title).toBe(plan.title);
}

describe('Excel with a merged title, a two-row merged header and objectives as section rows', async () => {
  const { plan, format } = await read(await northshireXlsx(), 'northshire.xlsx');

  it('reads title, period, themes and every action with its written number', () => {
    expect(format).toBe('xlsx');
    expect(plan.title).toBe('Northshire Prevent Action Plan 2025/26');
    expect(plan.period).toBe('2025-2026');
    expect(plan.themes).toEqual(['Objective 1: Leadership and partnership', 'Objective 2: Training']);
    expect(pinned(plan)).toEqual([
      [
        '1.1',
        'Objective 1: Leadership and partnership',
        'GREEN',
        '2025-12-31',
        'Draft shared with partners in September',
        { Start: 'Apr-25' },
      ],
      ['1.2', 'Objective 1: Leadership and partnership', 'UNRATED', '2026-03-31', ''],
      ['2.1', 'Objective 2: Training', 'AMBER', '2026-07-31', 'Two schools still to book', { Start: 'Sep-25' }],
      ['2.2', 'Objective 2: Training', 'COMPLETE', null, 'Done in June; £450 spent'],
      ['2.3a', 'Objective 2: Training', 'RED', null, ''],
    ]);
    expect(plan.actions.map((a) => a.ref)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the deadline as written, reads a date cell as DD/MM/YYYY and "Monthly" as a repeat', () => {
    expect(plan.actions.map((a) => a.deadlineText)).toEqual(['Q3 2025/26', '31/03/2026', 'Summer term 2026', 'TBC', 'Monthly']);
    expect(plan.actions[4]?.recurrence).toBe('monthly');
  });

  it('reports the columns it did not map itself, instead of dropping them', () => {
    expect(plan.warnings).toEqual([
      expect.stringMatching(/"Update" was read as each action's notes/),
      expect.stringMatching(/"Start" is not one the importer maps; it was kept/),
    ]);
  });

  it('round-trips through Excel, CSV and Markdown unchanged', async () => {
    await expectRoundTrips(plan);
  });
});

describe('Excel with BRAG colours and objectives in a column', async () => {
  const { plan } = await read(await westbridgeBragXlsx(), 'westbridge.xlsx');

  it('reads RAG from the cell colour when there is no word, and Blue as complete', () => {
    expect(plan.title).toBe('Westbridge Prevent Delivery Plan');
    expect(pinned(plan)).toEqual([
      ['1', 'Safeguarding', 'COMPLETE', '2025-10-31', ''],
      ['2', 'Safeguarding', 'AMBER', '2025-11-30', ''],
      ['3', 'Communities', 'COMPLETE', '2025-12-31', ''],
      ['4', 'Communities', 'GREEN', '2026-02-28', ''],
      ['5', 'Communities', 'RED', '2026-03-31', ''],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('round-trips unchanged', async () => {
    await expectRoundTrips(plan);
  });
});

describe('a Word document with a heading and a table per theme', async () => {
  const { plan, format } = await read(await eastbrookDocx(), 'eastbrook.docx');

  it('reads the title paragraph, the headings as themes and both tables', () => {
    expect(format).toBe('docx');
    expect(plan.title).toBe('Eastbrook Prevent Partnership Plan');
    expect(pinned(plan)).toEqual([
      ['1', 'Awareness', 'AMBER', '2026-03-31', 'Venues booked'],
      ['2', 'Awareness', 'COMPLETE', '2025-09-30', 'Briefed on 3 September'],
      ['3', 'Engagement', 'RED', '2026-01-15', 'Two meetings cancelled'],
      ['4', 'Engagement', 'GREEN', null, ''],
    ]);
    expect(plan.actions[3]?.recurrence).toBe('quarterly');
    expect(plan.warnings).toEqual([
      'Line 6: text outside a table was not imported: "Actions agreed at the partnership board in July; reviewed ea".',
    ]);
  });

  it('round-trips unchanged', async () => {
    await expectRoundTrips(plan);
  });
});

describe('a CSV with numbered objective rows and sub-refs (UTF-8 with a byte-order mark)', async () => {
  const { plan, encoding } = await read(southvaleSubRefsCsv(), 'southvale.csv');

  it('turns "1 Governance" into a theme and keeps "1.1" and "2.3a" as written', () => {
    expect(encoding).toBe('utf-8');
    expect(plan.title).toBe('Southvale Prevent Action Plan');
    expect(pinned(plan)).toEqual([
      ['1.1', 'Governance', 'GREEN', '2026-01-31', 'Board agreed in November'],
      ['1.2', 'Governance', 'AMBER', null, ''],
      ['2.1', 'Training', 'RED', '2026-03-31', 'Trainer off sick'],
      ['2.2', 'Training', 'UNRATED', '2026-03-31', ''],
      ['2.3a', 'Training', 'GREEN', '2026-03-31', 'Text drafted'],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('round-trips unchanged', async () => {
    await expectRoundTrips(plan);
  });
});

describe('a Windows-1252 (Latin-1) CSV from Excel, with a mapped word', async () => {
  const { plan, encoding } = await read(latin1Csv(), 'riverbank.csv');

  it('decodes £ and é and maps "Delayed" to AMBER as the coordinator asked', () => {
    expect(encoding).toBe('windows-1252');
    expect(plan.title).toBe('Riverbank Prevent Plan 2025');
    expect(plan.actions.map((a) => a.title)).toEqual([
      'Hold a forum at the Café Rouge community room',
      'Translate leaflets for the Fête de la Musique stall',
      'Train staff at the Théâtre Royal',
    ]);
    expect(pinned(plan)).toEqual([
      ['1', 'Engagement', 'GREEN', '2025-06-30', 'Room hire £120'],
      ['2', 'Engagement', 'AMBER', '2025-07-31', 'Budget £300 agreed'],
      ['3', 'Training', 'AMBER', '2025-09-30', ''],
    ]);
  });

  it('without the mapping, refuses "Delayed" naming the line, the column and the words it takes', async () => {
    await expect(parsePlanBytes(latin1Csv(), 'riverbank.csv', DEFAULT_ORGANISATIONS)).rejects.toMatchObject({
      code: 'IMPORT_BAD_RAG',
      line: 4,
      column: 'Status',
      message: 'riverbank.csv, line 4, column "Status": "Delayed" is not a RAG rating; use RED, AMBER, GREEN or COMPLETE.',
    });
  });

  it('round-trips unchanged', async () => {
    await expectRoundTrips(plan);
  });
});

describe('the plan from the issue: "Ref, Objective, Action, Lead, Target date, RAG, Update" as UTF-16 text', async () => {
  const { plan, encoding, format } = await read(updateColumnUtf16(), 'lakeside.txt');

  it('keeps the Update column as notes, Evidence as an extra field, and reads "Not started"', () => {
    expect([format, encoding]).toEqual(['csv', 'utf-16le']);
    expect(plan.title).toBe('Lakeside Prevent Action Plan 2025/26');
    expect(pinned(plan)).toEqual([
      ['1.1', 'Protect', 'UNRATED', '2025-12-31', ''],
      ['1.2', 'Protect', 'GREEN', '2026-07-31', 'Half the reviews done', { Evidence: 'Audit log v2' }],
      ['2.1', 'Prepare', 'COMPLETE', '2025-09-30', 'Exercise held 12 September', { Evidence: 'Debrief report' }],
      ['2.2', 'Prepare', 'GREEN', null, 'Checked in October'],
      ['2.3', 'Prepare', 'AMBER', null, 'Waiting for the police press office'],
    ]);
    expect(plan.warnings).toHaveLength(2);
  });

  it('round-trips unchanged', async () => {
    await expectRoundTrips(plan);
  });
});
