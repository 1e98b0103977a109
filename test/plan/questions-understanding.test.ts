import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATIONS } from '../../bot/import/known-organisations.js';
import { PATTERNS } from '../../bot/handlers/commands/patterns.js';
import { describeNoLead, parseQuestion } from '../../bot/plan/questions/index.js';
import { SECTORS, sectorOrganisations } from '../../bot/plan/questions/sectors.js';
import { MAX_TOKENS, tokenise } from '../../bot/plan/questions/tokens.js';
import { allowedDistance, closestWords } from '../../bot/plan/questions/typos.js';
import { actionByRef, describeFilter } from '../../bot/plan/query.js';
import { demoPlanView, makeAction } from '../factories/demo-plan.js';

const plan = demoPlanView();
const TODAY = '2026-11-22';

describe('action references as written', () => {
  const actions = [makeAction({ ref: 1 }), makeAction({ ref: 18 })];

  it('are resolved in one place, today by the action number', () => {
    expect(actionByRef(actions, '18')?.ref).toBe(18);
    expect(actionByRef(actions, ' 18 ')?.ref).toBe(18);
    expect(actionByRef(actions, '2.2')).toBeUndefined();
    expect(actionByRef(actions, '018')).toBeUndefined();
    expect(actionByRef([], '1')).toBeUndefined();
  });

  it('are read whole by the parser and by the command patterns: "2.2", "2.3a"', () => {
    expect(tokenise('show action 2.3a').map((t) => t.word)).toEqual(['show', 'action', '2.3a']);
    expect(parseQuestion('show action 2.2', plan, TODAY)).toEqual({ kind: 'show', ref: '2.2' });
    expect(parseQuestion('2.3a?', plan, TODAY)).toEqual({ kind: 'show', ref: '2.3a' });
    expect(parseQuestion('due in 2021', plan, TODAY).kind).toBe('list');
    expect('update 1.1 to amber'.match(PATTERNS.startUpdate)?.slice(1, 3)).toEqual(['1.1', 'amber']);
    expect('history of action 2.3a'.match(PATTERNS.history)?.[1]).toBe('2.3a');
    expect('stop reminding me about action 7 until January'.match(PATTERNS.muteReminders)?.[1]).toBe('7');
  });
});

describe('words', () => {
  it('keep hyphenated compounds marked as joined, and a long question is read from its first words', () => {
    expect(tokenise('e-learning and night-time').map((t) => [t.word, t.joined ?? false])).toEqual([
      ['e', false],
      ['learning', true],
      ['and', false],
      ['night', false],
      ['time', true],
    ]);
    expect(tokenise('red '.repeat(1000))).toHaveLength(MAX_TOKENS);
  });
});

describe('spelling', () => {
  it('allows no change to short words, one to most, two to long ones', () => {
    expect([3, 4, 7, 8, 14].map(allowedDistance)).toEqual([0, 1, 1, 2, 2]);
  });

  it('reads a misspelt word as the closest word it knows, a swap of two letters counting as one', () => {
    expect(closestWords(plan, 'ambr')).toEqual(['amber']);
    expect(closestWords(plan, 'gropu')).toContain('group');
    expect(closestWords(plan, 'probaton')[0]).toBe('probation');
    expect(closestWords(plan, 'amber')).toEqual([]);
  });

  it('never reads a four-letter word as any word of the plan, only as its own keywords', () => {
    expect(closestWords(plan, 'pane')).toEqual([]);
    expect(closestWords(plan, 'xyzzy')).toEqual([]);
  });

  it('reads misspelt keywords too, and offers the close word when the question is still not understood', () => {
    expect(parseQuestion('summery', plan, TODAY)).toEqual({ kind: 'summary' });
    expect(parseQuestion('remindrs', plan, TODAY)).toEqual({ kind: 'unknown', text: 'remindrs', suggestions: ['reminder'] });
    expect(parseQuestion("what's the weather like?", plan, TODAY)).toEqual({ kind: 'unknown', text: "what's the weather like?" });
  });

  it('says "did you mean" when two readings are as close', () => {
    const q = parseQuestion('what are the plice doing', plan, TODAY);
    expect(q.kind === 'list' && q.filter.corrections).toEqual([{ written: 'plice', read: 'police', others: ['place'] }]);
  });
});

describe('kinds of partner', () => {
  it('are matched to organisations by name or alias', () => {
    const by = (key: string) => sectorOrganisations(SECTORS.find((s) => s.key === key) ?? SECTORS[0]!, DEFAULT_ORGANISATIONS);
    expect(by('police')).toEqual(['City of London Police Prevent team']);
    expect(by('health')).toEqual(['NHS and health partners']);
    expect(by('probation')).toEqual(['London Probation Service']);
    expect(by('council')).toEqual([
      'CoLC Community Safety Team',
      'CoLC Learning and Development',
      'CoLC VAWG Forum',
      'CoLC Adult Social Care',
      "CoLC Children's Social Care",
    ]);
    expect(by('schools')).toEqual(['Schools', 'Further and higher education']);
  });
});

describe('the first line of an answer says how the question was read', () => {
  it.each([
    [{ rags: ['RED', 'AMBER'], status: ['behind'] }, 14, '14 actions are RED or AMBER ("behind" read as RED or AMBER)'],
    [
      { rags: ['RED', 'AMBER'], leads: ['City of London Police Prevent team'], status: ['off track'] },
      12,
      '12 RED or AMBER actions led by City of London Police Prevent team ("off track" read as RED or AMBER)',
    ],
    [{ rags: ['UNRATED'], status: ['not started'] }, 0, 'No actions are not yet rated ("not started" read as not yet rated)'],
    [{ leads: ['London Probation Service'], mine: true }, 1, '1 action led by London Probation Service (your organisation)'],
    [{ rags: ['AMBER'], corrections: [{ written: 'ambr', read: 'amber' }] }, 12, '12 actions are AMBER ("ambr" read as "amber")'],
    [{ text: ['referrals'], rankBy: ['Prevent'] }, 10, '10 actions match "referrals" (best matches for "Prevent" first)'],
    [{ text: ['e-learning'] }, 0, 'No actions match "e-learning"'],
  ] as const)('%j with %i', (filter, count, expected) => {
    expect(describeFilter(filter as unknown as Parameters<typeof describeFilter>[0], count)).toBe(expected);
  });

  it('and a kind of partner that leads nothing gets who does lead', () => {
    expect(describeNoLead('health partners', ['CST', 'CoLP'])).toBe('No action is led by health partners; actions are led by CST, CoLP.');
    expect(describeNoLead('health partners', [])).toBe('No action is led by health partners.');
  });
});

describe('small talk and help', () => {
  it('answers greetings and thanks only when nothing else is asked', () => {
    expect(parseQuestion('hello, what is red?', plan, TODAY)).toMatchObject({ kind: 'list', filter: { rags: ['RED'] } });
    expect(parseQuestion('thanks - and anything on faith groups?', plan, TODAY)).toMatchObject({ kind: 'list' });
    expect(parseQuestion('Good morning everyone', plan, TODAY).kind).toBe('smalltalk');
  });

  it('points to the help topics', () => {
    expect(parseQuestion('help updates', plan, TODAY)).toEqual({ kind: 'help', topic: 'updates' });
    expect(parseQuestion('help with reminders', plan, TODAY)).toEqual({ kind: 'help', topic: 'reminders' });
    expect(parseQuestion('help reports', plan, TODAY)).toEqual({ kind: 'help', topic: 'reports' });
    expect(parseQuestion('help me find red actions', plan, TODAY)).toMatchObject({ kind: 'list', filter: { rags: ['RED'] } });
  });
});
