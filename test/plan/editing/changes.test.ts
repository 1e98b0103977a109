import { describe, expect, it } from 'vitest';
import {
  actionAfterEdit,
  changesFor,
  describeChange,
  editRefusal,
  nextLabel,
  placeFor,
  resolveDeadline,
  resolveEditWords,
  resolveLeadWords,
  resolveOwner,
  resolveTheme,
  type Candidate,
} from '../../../bot/plan/editing/index.js';
import { findActions } from '../../../bot/plan/query.js';
import { makeAction, makePlan } from '../../factories/demo-plan.js';

const TODAY = '2026-11-28';
const person = (id: number, displayName: string, organisation: string | null, extra: Partial<Candidate> = {}): Candidate => ({
  id,
  displayName,
  organisation,
  email: null,
  userPrincipalName: null,
  aadObjectId: `aad-${id}`,
  chatId: `29:${id}`,
  removed: false,
  ...extra,
});
const PEOPLE = [
  person(1, 'Ali Burlington', 'CST', { email: 'ali.burlington@cityoflondon.gov.uk' }),
  person(2, 'Ali Shah', 'CoLP'),
  person(3, 'Jo Marsh', 'CST'),
  person(4, 'Gone Person', 'CST', { removed: true }),
  person(5, 'Waiting Grant', 'CST', { chatId: 'pending:wait@example.org', aadObjectId: null }),
];
const plan = makePlan(
  [
    makeAction({ ref: 1, label: '1.1', theme: 'Training', leads: ['CST'] }),
    makeAction({ ref: 2, label: '1.2', theme: 'Training', leads: ['CST', 'CoLP'] }),
    makeAction({ ref: 3, label: '2.1', theme: 'Awareness', leads: ['CoLP'], owner: { id: 3, name: 'Jo Marsh' } }),
    makeAction({ ref: 4, label: '2.3', theme: 'Awareness', leads: ['CoLP'] }),
  ],
  {
    organisations: [
      { name: 'CoLC Community Safety Team', aliases: ['CST'] },
      { name: 'City of London Police Prevent team', aliases: ['CoLP'] },
    ],
  },
);

describe('date words, as the importer reads them', () => {
  it.each([
    ['31/03/2027', '2027-03-31', null],
    ['Sep-25', '2025-09-30', null],
    ['Q3 2025/26', '2025-12-31', null],
    ['Summer term 2026', '2026-07-31', null],
    ['end of March', '2027-03-31', null],
    ['end of December', '2026-12-31', null],
    ['TBC', null, null],
    ['Monthly', null, 'monthly'],
  ])('%s', (words, dueDate, recurrence) => {
    expect(resolveDeadline(words, TODAY)).toEqual({ ok: true, value: { text: words, dueDate, recurrence } });
  });

  it.each(['next blursday', '31/02/2027', 'soonish', 'Q5 2025/26'])('refuses "%s" and lists the words it knows', (words) => {
    const result = resolveDeadline(words, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problem).toContain(
        'Try a date such as 31/03/2027, a month such as "Sep-25", "Q3 2025/26", "Summer term 2026", "end of March", or "TBC"',
      );
  });
});

describe('themes, organisations and owners are resolved, never guessed', () => {
  it('finds a theme by any case or by the start of its name; lists the themes otherwise', () => {
    expect(resolveTheme('awareness', plan)).toEqual({ ok: true, value: 'Awareness' });
    expect(resolveTheme('Train', plan)).toEqual({ ok: true, value: 'Training' });
    expect(resolveTheme('Finance', plan)).toEqual({
      ok: false,
      problem: 'The plan has no theme "Finance". Nothing was changed. Its themes are: "Training", "Awareness".',
    });
  });

  it('names known organisations canonically, keeps new ones and refuses a near miss', () => {
    expect(resolveLeadWords('CoLP and Islington council', plan)).toEqual({
      ok: true,
      value: { leads: ['City of London Police Prevent team', 'Islington council'], fresh: ['Islington council'] },
    });
    expect(resolveLeadWords('CST/CoLP', plan)).toEqual({
      ok: true,
      value: { leads: ['CoLC Community Safety Team', 'City of London Police Prevent team'], fresh: [] },
    });
    expect(resolveLeadWords('Probation', plan)).toEqual({ ok: true, value: { leads: ['London Probation Service'], fresh: [] } });
    expect(resolveLeadWords('CoLPP', plan).ok).toBe(false);
  });

  it('finds one person by full name, words of the name, address, mention or "me"', () => {
    expect(resolveOwner('Ali Burlington', PEOPLE)).toEqual({ ok: true, value: { id: 1, name: 'Ali Burlington' } });
    expect(resolveOwner('jo', PEOPLE)).toEqual({ ok: true, value: { id: 3, name: 'Jo Marsh' } });
    expect(resolveOwner('ali.burlington@cityoflondon.gov.uk', PEOPLE)).toEqual({ ok: true, value: { id: 1, name: 'Ali Burlington' } });
    expect(resolveOwner('@Someone Else', PEOPLE, { aadObjectId: 'aad-2' })).toEqual({ ok: true, value: { id: 2, name: 'Ali Shah' } });
    expect(resolveOwner('me', PEOPLE, { speakerId: 3 })).toEqual({ ok: true, value: { id: 3, name: 'Jo Marsh' } });
    expect(resolveOwner('nobody', PEOPLE)).toEqual({ ok: true, value: null });
  });

  it('lists the candidates for an ambiguous name and suggests near names for an unknown one', () => {
    expect(resolveOwner('Ali', PEOPLE)).toEqual({
      ok: false,
      problem:
        'More than one person is called "Ali": Ali Burlington (CST); Ali Shah (CoLP). Nothing was changed. Say their full name or @mention them.',
    });
    const unknown = resolveOwner('Jo Marsch', PEOPLE);
    expect(unknown).toEqual({
      ok: false,
      problem: 'I don\'t know anyone called "Jo Marsch" in the partnership. Did you mean: Jo Marsh (CST)? Nothing was changed.',
    });
    expect(resolveOwner('Chris', PEOPLE).ok).toBe(false);
  });

  it('never names someone who has left or whose grant still waits', () => {
    expect(resolveOwner('Gone Person', PEOPLE).ok).toBe(false);
    expect(resolveOwner('Waiting Grant', PEOPLE).ok).toBe(false);
  });

  it('resolves every field of an edit or stops at the first problem', () => {
    const ok = resolveEditWords(
      { deadline: 'end of March', owner: 'Jo Marsh', theme: 'awareness' },
      { plan, today: TODAY, people: PEOPLE, speakerId: 1 },
    );
    expect(ok).toEqual({
      ok: true,
      value: {
        fields: {
          deadline: { text: 'end of March', dueDate: '2027-03-31', recurrence: null },
          theme: 'Awareness',
          owner: { id: 3, name: 'Jo Marsh' },
        },
        freshOrganisations: [],
      },
    });
    expect(resolveEditWords({ title: '   ' }, { plan, today: TODAY, people: PEOPLE, speakerId: 1 }).ok).toBe(false);
    expect(resolveEditWords({ ownerPersonId: 4 }, { plan, today: TODAY, people: PEOPLE, speakerId: 1 }).ok).toBe(false);
  });
});

describe('changes, words and permissions', () => {
  const a = plan.actions[0]!;

  it('keeps only what differs, and says each change from what to what', () => {
    const changes = changesFor(a, {
      title: a.title,
      deadline: { text: 'Q3 2025/26', dueDate: '2025-12-31', recurrence: null },
      leads: ['cst'],
      owner: { id: 1, name: 'Ali Burlington' },
    });
    expect(changes.map(describeChange)).toEqual([
      'target date moved from "Ongoing" to "Q3 2025/26" (31 December 2025)',
      'named owner Ali Burlington (was nobody)',
    ]);
    const after = actionAfterEdit(a, changes, 7);
    expect(after).toMatchObject({
      deadlineText: 'Q3 2025/26',
      dueDate: '2025-12-31',
      owner: { id: 1, name: 'Ali Burlington' },
      version: 7,
    });
    expect(describeChange({ field: 'owner', from: { id: 1, name: 'Ali Burlington' }, to: null })).toBe(
      'named owner removed (was Ali Burlington)',
    );
    expect(describeChange({ field: 'leads', from: ['CST'], to: ['CST', 'CoLP'] })).toBe('leads changed from CST to CST, CoLP');
  });

  it('lets coordinators change anything and an action’s leads only its date and an owner from their organisation', () => {
    const coordinator = { id: 9, role: 'coordinator' as const, organisation: null };
    const lead = { id: 1, role: 'lead' as const, organisation: 'CST' };
    const member = { id: 3, role: 'member' as const, organisation: 'CST' };
    expect(editRefusal(coordinator, a, { title: 'x', leads: ['x'], theme: 'x' })).toBeNull();
    expect(editRefusal(lead, a, { deadline: { text: 'TBC', dueDate: null, recurrence: null } })).toBeNull();
    expect(editRefusal(lead, a, { owner: { id: 3, name: 'Jo Marsh' } }, 'CST')).toBeNull();
    expect(editRefusal(lead, a, { owner: null })).toBeNull();
    expect(editRefusal(lead, a, { owner: { id: 2, name: 'Ali Shah' } }, 'CoLP')).toContain('As a lead you can name an owner from CST only');
    expect(editRefusal(lead, a, { title: 'x' })).toBe(
      'Only a coordinator can change the wording of action 1.1. Nothing was changed. As a lead you can move its target date and name an owner from your organisation.',
    );
    expect(editRefusal(lead, plan.actions[3]!, { deadline: { text: 'TBC', dueDate: null, recurrence: null } })).toContain(
      'Only the plan coordinator or a lead for CoLP',
    );
    expect(editRefusal(member, a, { deadline: { text: 'TBC', dueDate: null, recurrence: null } })).toContain('Only the plan coordinator');
    expect(editRefusal(null, a, {})).toContain('Only the plan coordinator');
  });
});

describe('a new action’s place and number', () => {
  it('goes after the theme’s last action numbered before it', () => {
    expect(placeFor(plan, 'Awareness', '2.2')).toBe(4);
    expect(placeFor(plan, 'Awareness', '2.10')).toBe(5);
    expect(placeFor(plan, 'Awareness', '2.0')).toBe(3);
    expect(placeFor(plan, 'Training', '1.1a')).toBe(2);
    expect(placeFor(plan, 'Other', '9')).toBe(5);
  });

  it('takes the next number in the theme when none is given', () => {
    expect(nextLabel(plan, 'Awareness')).toBe('2.4');
    expect(nextLabel(plan, 'Training')).toBe('1.3');
    expect(nextLabel(makePlan([makeAction({ ref: 1 }), makeAction({ ref: 2 })]), 'Other')).toBe('3');
  });
});

describe('owned actions in questions', () => {
  it('"my actions" is led by my organisation or owned by me', () => {
    const refs = (filter: Parameters<typeof findActions>[1]) => findActions(plan, filter, TODAY).map((x) => x.label);
    expect(refs({ leads: ['CST'], ownedBy: 3 })).toEqual(['1.1', '1.2', '2.1']);
    expect(refs({ ownedBy: 3 })).toEqual(['2.1']);
    expect(refs({ ownedBy: 1 })).toEqual([]);
  });
});
