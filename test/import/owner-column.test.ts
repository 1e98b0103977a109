import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATIONS, parsePlanBytes } from '../../bot/import/index.js';
import type { ImportedPlan } from '../../bot/import/types.js';
import { exportCsv, exportCsvPlans, exportJson, exportMarkdown } from '../../bot/plan/export.js';
import { exportXlsx } from '../../bot/plan/export-xlsx.js';
import type { PlanView } from '../../bot/plan/types.js';

// Exports show each action's named owner, so a coordinator reading the spreadsheet sees who answers for what. Owners
// are people the bot knows by their platform id: a name in a file never makes someone an owner, so reading an export
// back leaves the column out (and says so) rather than keeping it as an extra field or guessing a person from it.

const OPTIONS = { today: '2025-11-28' };

function plan(withOwners: boolean): PlanView {
  const base = {
    deadlineText: 'March 2026',
    dueDate: '2026-03-31',
    recurrence: null,
    outcome: '',
    notes: '',
    target: null,
    progress: null,
    version: 1,
    lastUpdate: null,
  };
  return {
    partnership: 'Test',
    timeZone: 'Europe/London',
    title: 'Test Prevent Action Plan 2025/26',
    period: '2025-2026',
    themes: ['Leadership'],
    organisations: [
      { name: 'CST', aliases: [] },
      { name: 'Police', aliases: [] },
    ],
    actions: [
      { ...base, id: 1, ref: 1, label: '1', theme: 'Leadership', title: 'Refresh the risk assessment', leads: ['CST'], rag: 'AMBER' },
      {
        ...base,
        id: 2,
        ref: 2,
        label: '2',
        theme: 'Leadership',
        title: 'Brief the board',
        leads: ['Police'],
        rag: 'GREEN',
        ...(withOwners ? { owner: { id: 7, name: 'Ali Burlington' } } : {}),
      },
    ],
  };
}

const read = async (bytes: Uint8Array, name: string): Promise<ImportedPlan> =>
  (await parsePlanBytes(bytes, name, DEFAULT_ORGANISATIONS, OPTIONS)).plan;

describe('the named owner in exports', () => {
  it('CSV, Excel, Markdown and JSON show the owner beside the action they own', async () => {
    const view = plan(true);
    const csv = exportCsv(view).split(/\r?\n/);
    expect(csv[0]).toBe('No.,Theme,Key Actions,Deadline,Outcome,Responsibility/Lead,Notes,RAG rating,Named owner');
    expect(csv[1]).toMatch(/,AMBER,$/);
    expect(csv[2]).toMatch(/,GREEN,Ali Burlington$/);
    expect(exportCsvPlans([view]).split(/\r?\n/)[0]).toBe(
      'Plan,Plan status,No.,Theme,Key Actions,Deadline,Outcome,Responsibility/Lead,Notes,RAG rating,Named owner',
    );
    expect(exportMarkdown(view)).toMatch(/\| RAG rating \| Named owner \|[\s\S]*\| GREEN \| Ali Burlington \|/);
    expect(JSON.parse(exportJson([view])).plans[0].actions[1].owner).toBe('Ali Burlington');
    const xlsx = await read(await exportXlsx([view]), 'export.xlsx');
    expect(xlsx.actions).toHaveLength(2);
  });

  it('a plan with no owners has no owner column', () => {
    expect(exportCsv(plan(false)).split(/\r?\n/)[0]).toBe('No.,Theme,Key Actions,Deadline,Outcome,Responsibility/Lead,Notes,RAG rating');
    expect(exportMarkdown(plan(false))).not.toMatch(/owner/i);
  });

  it('reading an export back leaves the owner column out, says so, and changes nothing else', async () => {
    const view = plan(true);
    for (const [bytes, name] of [
      [Buffer.from(exportCsv(view, { updates: true })), 'export.csv'],
      [await exportXlsx([view]), 'export.xlsx'],
      [Buffer.from(exportMarkdown(view)), 'export.md'],
    ] as const) {
      const back = await read(bytes, name);
      expect(back.actions.map((a) => [a.label, a.title, a.rag, a.extras])).toEqual([
        ['1', 'Refresh the risk assessment', 'AMBER', {}],
        ['2', 'Brief the board', 'GREEN', {}],
      ]);
      expect(back.actions.some((a) => 'owner' in a)).toBe(false);
      expect(back.warnings.join('\n'), name).toMatch(/"Named owner" comes from the bot .* was not imported/);
    }
  });

  it("a partner's own Owner column is still kept with each action, as every column the importer does not map", async () => {
    const csv =
      'No.,Key Actions,Deadline,Responsibility/Lead,RAG rating,Owner\n1,Refresh the risk assessment,March 2026,CST,Amber,Jo Bloggs\n';
    const back = await read(Buffer.from(csv), 'plan.csv');
    expect(back.actions[0]?.extras).toEqual({ Owner: 'Jo Bloggs' });
  });
});
