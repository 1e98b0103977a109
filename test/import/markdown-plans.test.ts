import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATIONS, parsePlanText } from '../../bot/import/index.js';

const md = (lines: string[]) => parsePlanText(lines.join('\n'), 'plan.markdown', DEFAULT_ORGANISATIONS);

describe('Markdown plans', () => {
  it('uses a Ref column for numbers and Markdown headings for themes', () => {
    const plan = md([
      '# Northshire Prevent Plan',
      '2024-2027',
      '## Governance',
      '| Ref | Description | Due | Lead | Status |',
      '|---|---|---|---|---|',
      '| 10 | Agree terms of reference | 12 March 2024 | CST | **Green** |',
      '## Training',
      '| Ref | Description | Due | Lead | Status |',
      '|---|---|---|---|---|',
      '| 14 | Train governors | See 10 above | Schools and Colleges | |',
    ]);
    expect(plan).toMatchObject({ title: 'Northshire Prevent Plan', period: '2024-2027', themes: ['Governance', 'Training'] });
    expect(plan.actions.map((a) => [a.ref, a.theme, a.rag, a.dueDate, a.leads])).toEqual([
      [10, 'Governance', 'GREEN', '2024-03-12', ['CoLC Community Safety Team']],
      [14, 'Training', 'UNRATED', '2024-03-12', ['Schools', 'Further and higher education']],
    ]);
  });

  it('keeps the column mapping when a page-break table starts with a data row', () => {
    const plan = md([
      'Plan',
      '',
      '| Action | Deadline | RAG |',
      '|---|---|---|',
      '| First | June 2024 | RED |',
      '',
      '| Second | July 2024 | AMBER |',
      '|---|---|---|',
      '| Third | Ongoing | GREEN |',
    ]);
    expect(plan.actions.map((a) => [a.ref, a.title, a.rag, a.line])).toEqual([
      [1, 'First', 'RED', 5],
      [2, 'Second', 'AMBER', 7],
      [3, 'Third', 'GREEN', 9],
    ]);
  });

  it('turns <br> and bullets in a cell into list lines and tidies entities', () => {
    const plan = md([
      '| Action | Lead | Notes |',
      '|---|---|---|',
      '| Engage faith &amp; community groups | • CST • CoLP • Faith groups | <p>One</p><p>Two<br>Three</p> |',
    ]);
    expect(plan.actions[0]).toMatchObject({
      title: 'Engage faith & community groups',
      leads: ['CoLC Community Safety Team', 'City of London Police Prevent team', 'Faith groups'],
      notes: 'One\nTwo\nThree',
    });
  });

  it('warns about text after the tables that it cannot place, and a table wider than its header', () => {
    const plan = md([
      '| Action | Deadline |',
      '|---|---|',
      '| First | June 2024 |',
      '',
      'These notes were added after the plan was agreed, and are not an action.',
      '',
      '| | |',
      '|---|---|',
      '| Second | July 2024 | extra |',
    ]);
    expect(plan.actions).toHaveLength(2);
    expect(plan.warnings).toEqual([
      expect.stringMatching(/^Line 5: text outside a table was not imported/),
      expect.stringMatching(/^Line 9: this table has 3 columns but the header had 2/),
    ]);
  });

  it('warns about a continuation row with no action before it', () => {
    const plan = md(['| Action | Deadline | Notes |', '|---|---|---|', '| | | orphan |', '| First | June 2024 | |']);
    expect(plan.actions.map((a) => a.title)).toEqual(['First']);
    expect(plan.warnings).toEqual([expect.stringMatching(/^Line 3: .*no action comes before it/)]);
  });

  it('warns about an action with no text and a lead that hides a known name', () => {
    const plan = md(['| Action | Deadline | Lead |', '|---|---|---|', '| | June 2024 | CoLC CST Safer City Partnership |']);
    expect(plan.actions[0]).toMatchObject({ ref: 1, title: '', leads: ['CoLC CST Safer City Partnership'] });
    expect(plan.organisations).toEqual([{ name: 'CoLC CST Safer City Partnership', aliases: [] }]);
    expect(plan.warnings).toEqual([
      'Line 3: action 1 has no action text.',
      'Line 3: lead "CoLC CST Safer City Partnership" was kept as a new organisation, although it mentions "CoLC Community Safety Team".',
    ]);
  });

  it('reads a .txt file as Markdown', () => {
    const plan = parsePlanText('| Action |\n|---|\n| Only one |\n', 'plan.txt', []);
    expect(plan.actions.map((a) => a.title)).toEqual(['Only one']);
    expect(plan.themes).toEqual(['General']);
  });
});
