import { describe, expect, it } from 'vitest';
import { EDIT_COMMAND_PATTERN, parseEditCommand } from '../../../bot/plan/editing/index.js';

describe('parseEditCommand reads the edits coordinators type', () => {
  it.each([
    [
      'add action 2.4 to Training: Deliver WRAP to youth workers, led by CoLP, due 31/03/2027',
      {
        kind: 'add',
        label: '2.4',
        theme: 'Training',
        words: { title: 'Deliver WRAP to youth workers', leads: 'CoLP', deadline: '31/03/2027' },
      },
    ],
    [
      'Add a new action to the Awareness theme: Leaflets for libraries, owned by Ali Burlington',
      { kind: 'add', label: null, theme: 'Awareness', words: { title: 'Leaflets for libraries', owner: 'Ali Burlington' } },
    ],
    [
      'add action 7 to Other: Review the plan, with partners, led by CST and CoLP, due end of March.',
      {
        kind: 'add',
        label: '7',
        theme: 'Other',
        words: { title: 'Review the plan, with partners', leads: 'CST and CoLP', deadline: 'end of March' },
      },
    ],
    [
      'reword action 2.2: Deliver WRAP to all school staff',
      { kind: 'edit', ref: '2.2', words: { title: 'Deliver WRAP to all school staff' } },
    ],
    ['rename action 18 to "Support faith groups"', { kind: 'edit', ref: '18', words: { title: 'Support faith groups' } }],
    ['move action 18 to end of March', { kind: 'edit', ref: '18', words: { deadline: 'end of March' } }],
    ['move action 2.3a to Q3 2025/26.', { kind: 'edit', ref: '2.3a', words: { deadline: 'Q3 2025/26' } }],
    ['change the target date of action 18 to Summer term 2026', { kind: 'edit', ref: '18', words: { deadline: 'Summer term 2026' } }],
    ["move action 18's deadline to Sep-25", { kind: 'edit', ref: '18', words: { deadline: 'Sep-25' } }],
    ['action 18 is now due TBC', { kind: 'edit', ref: '18', words: { deadline: 'TBC' } }],
    ['action 18 is led by CoLP and Islington council', { kind: 'edit', ref: '18', words: { leads: 'CoLP and Islington council' } }],
    ['change the leads of action 4 to CST, CoLP', { kind: 'edit', ref: '4', words: { leads: 'CST, CoLP' } }],
    ['move action 18 to the Awareness theme', { kind: 'edit', ref: '18', words: { theme: 'Awareness' } }],
    ['move action 18 to theme Policy/Processes', { kind: 'edit', ref: '18', words: { theme: 'Policy/Processes' } }],
    ['change the theme of action 18 to Other', { kind: 'edit', ref: '18', words: { theme: 'Other' } }],
    ['action 18 is in the Other theme', { kind: 'edit', ref: '18', words: { theme: 'Other' } }],
    ['Ali Burlington owns action 18', { kind: 'edit', ref: '18', words: { owner: 'Ali Burlington' } }],
    ['action 18 is owned by Sam', { kind: 'edit', ref: '18', words: { owner: 'Sam' } }],
    ['make Ali the owner of action 2.2', { kind: 'edit', ref: '2.2', words: { owner: 'Ali' } }],
    ['assign action 18 to me', { kind: 'edit', ref: '18', words: { owner: 'me' } }],
    ['I own action 18', { kind: 'edit', ref: '18', words: { owner: 'I' } }],
    ['action 18 has no owner', { kind: 'edit', ref: '18', words: { owner: '' } }],
    ['remove the owner of action 18', { kind: 'edit', ref: '18', words: { owner: '' } }],
    ['close action 18', { kind: 'close', ref: '18' }],
    ['mark action 2.2 as complete', { kind: 'close', ref: '2.2' }],
    ['reopen action 18', { kind: 'reopen', ref: '18', rag: null }],
    ['re-open action 18 as amber', { kind: 'reopen', ref: '18', rag: 'AMBER' }],
  ])('%s', (text, expected) => {
    expect(parseEditCommand(text)).toEqual(expected);
    expect(EDIT_COMMAND_PATTERN.test(text)).toBe(true);
  });

  it.each([
    "what's amber?",
    'show action 18',
    'update action 18',
    'move the forum to 12 March',
    'history of action 18',
    'make ali@example.org a lead for CST',
    'close case review PREVENT-2026-001',
    'what does Ali own?',
  ])('leaves other commands and questions alone: %s', (text) => {
    expect(parseEditCommand(text)).toBeNull();
    expect(EDIT_COMMAND_PATTERN.test(text)).toBe(false);
  });
});
