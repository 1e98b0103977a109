import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../bot/plan/questions/index.js';
import { findActions } from '../../bot/plan/query.js';
import { makeAction, makePlan } from '../factories/demo-plan.js';

const TODAY = '2026-11-22';

const plan = makePlan(
  [
    makeAction({ ref: 1, theme: 'Channel', title: 'Run the Channel panel every month', leads: ['Channel members'] }),
    makeAction({ ref: 2, theme: 'Training', title: 'Train Channel members', leads: ['Council training team'], rag: 'RED' }),
    makeAction({ ref: 3, theme: 'Other', title: 'Refresh the other partners list', leads: ['Council training team'] }),
    makeAction({ ref: 4, theme: 'Training', title: 'Brief the Violence Against Women and Girls forum', rag: 'GREEN' }),
  ],
  {
    organisations: [
      { name: 'Channel members', aliases: ['Channel panel'] },
      { name: 'Council training team', aliases: ['CTT'] },
      { name: 'Faith groups', aliases: [] },
    ],
  },
);

function filterOf(text: string, today = TODAY): unknown {
  const question = parseQuestion(text, plan, today);
  return question.kind === 'list' ? question.filter : question;
}

function refs(text: string): number[] {
  const question = parseQuestion(text, plan, TODAY);
  return question.kind === 'list' ? findActions(plan, question.filter, TODAY).map((a) => a.ref) : [];
}

describe('words shared by organisations and themes', () => {
  it('reads "Channel members" as the organisation, not the Channel theme', () => {
    expect(filterOf('Channel members actions')).toEqual({ leads: ['Channel members'] });
  });

  it('reads "channel" alone as the theme', () => {
    expect(filterOf('channel actions')).toEqual({ themes: ['Channel'] });
  });

  it('reads "training" inside an organisation name as the organisation', () => {
    expect(filterOf('what is the council training team leading?')).toEqual({ leads: ['Council training team'] });
  });

  it('searches for a theme word after a search word instead of filtering by theme', () => {
    expect(filterOf('anything on training?')).toEqual({ text: ['training'] });
    expect(filterOf('find training actions')).toEqual({ themes: ['Training'] });
  });

  it('searches for an organisation name after a search word unless it is marked as the lead', () => {
    expect(filterOf('anything on Channel panel?')).toEqual({ text: ['Channel', 'panel'] });
    expect(filterOf('find actions led by the Channel panel')).toEqual({ leads: ['Channel members'] });
  });

  it('leaves organisations that lead nothing to text search, and says who leads when the plan never mentions them', () => {
    expect(filterOf('faith groups')).toEqual({
      kind: 'noLead',
      sector: 'faith',
      label: 'faith groups',
      leaders: ['Council training team', 'Channel members'],
    });
    expect(filterOf('find faith groups')).toEqual({ text: ['faith', 'groups'] });
  });
});

describe('the theme "Other"', () => {
  it('is the theme when clearly meant', () => {
    expect(filterOf('other actions')).toEqual({ themes: ['Other'] });
    expect(filterOf('amber actions in other')).toEqual({ themes: ['Other'], rags: ['AMBER'] });
    expect(filterOf('the Other theme')).toEqual({ themes: ['Other'] });
  });

  it('is an ordinary word otherwise', () => {
    expect(filterOf('what other actions are red?')).toEqual({ rags: ['RED'] });
    expect(filterOf('any other green ones')).toEqual({ rags: ['GREEN'] });
  });
});

describe('text search', () => {
  it('matches whole words, ignoring case and plurals', () => {
    expect(refs('find panel')).toEqual([1]);
    expect(refs('find panels')).toEqual([1]);
    expect(refs('find pane')).toEqual([]);
    expect(refs('search for PARTNERS')).toEqual([3]);
  });

  it('finds an acronym of capitalised words', () => {
    expect(refs('find VAWG')).toEqual([4]);
    expect(refs('find vawg')).toEqual([4]);
  });

  it('needs every word to match', () => {
    expect(refs('find channel panel')).toEqual([1]);
    expect(refs('find channel partners')).toEqual([]);
  });

  it('drops stop words and keeps the words as written', () => {
    expect(filterOf('Search for the Channel panel, please')).toEqual({ text: ['Channel', 'panel'] });
  });
});

describe('due dates relative to today', () => {
  it('reads "before March" as before the next 1 March after today', () => {
    expect(filterOf('due before March', '2026-11-22')).toEqual({ due: { before: '2027-03-01' } });
    expect(filterOf('due before March', '2026-02-10')).toEqual({ due: { before: '2026-03-01' } });
    expect(filterOf('due before March', '2027-03-10')).toEqual({ due: { before: '2028-03-01' } });
  });

  it('reads "by October" as by the end of the coming October, this one if it is October now', () => {
    expect(filterOf('due by October', '2026-10-05')).toEqual({ due: { before: '2026-11-01' } });
    expect(filterOf('due by October', '2026-11-22')).toEqual({ due: { before: '2027-11-01' } });
    expect(filterOf('due by October 2021')).toEqual({ due: { before: '2021-11-01' } });
  });

  it('reads months, years, weeks and days', () => {
    expect(filterOf('due this month')).toEqual({ due: { from: '2026-11-01', before: '2026-12-01' } });
    expect(filterOf('due next month', '2026-12-31')).toEqual({ due: { from: '2027-01-01', before: '2027-02-01' } });
    expect(filterOf('due in 2021')).toEqual({ due: { from: '2021-01-01', before: '2022-01-01' } });
    expect(filterOf('due this year')).toEqual({ due: { from: '2026-01-01', before: '2027-01-01' } });
    expect(filterOf('due this week')).toEqual({ due: { from: '2026-11-16', before: '2026-11-23' } });
    expect(filterOf('due by 15th March 2027')).toEqual({ due: { before: '2027-03-16' } });
    expect(filterOf('due after May')).toEqual({ due: { from: '2027-06-01' } });
  });

  it('combines overdue with a colour', () => {
    expect(filterOf('overdue red actions')).toEqual({ rags: ['RED'], due: { overdue: true } });
  });
});

describe('odd input', () => {
  it('never throws', () => {
    for (const text of ['', '   ', '####', '#', 'action', '99999999999', "'s", 'due by 31 February', '\u0000\u{1F600}']) {
      expect(() => parseQuestion(text, plan, TODAY)).not.toThrow();
    }
  });

  it('answers an empty plan', () => {
    expect(parseQuestion("what's red?", makePlan([]), TODAY)).toEqual({ kind: 'list', filter: { rags: ['RED'] } });
  });
});
