import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../bot/plan/questions/index.js';
import { actionByRef } from '../../bot/plan/query.js';
import { makeAction, makePlan } from '../factories/demo-plan.js';

const actions = ['1.1', '1.2', '2.2', '2.3a', '3'].map((label, i) => makeAction({ ref: i + 1, label, title: `Action ${label}` }));
const plan = makePlan(actions);

describe('actionByRef', () => {
  it('finds an action by its number as the plan writes it, never by its place in the order', () => {
    expect(actionByRef(actions, '2.2')?.title).toBe('Action 2.2');
    expect(actionByRef(actions, '2.3A')?.title).toBe('Action 2.3a');
    expect(actionByRef(actions, '#3')?.title).toBe('Action 3');
    expect(actionByRef(actions, 'action 1.1')?.title).toBe('Action 1.1');
    expect(actionByRef(actions, '2')).toBeUndefined();
    expect(actionByRef(actions, '4')).toBeUndefined();
  });
});

describe('asking for an action by a written number', () => {
  it.each([
    ['show action 2.2', '2.2'],
    ['action 2.3a', '2.3a'],
    ['tell me about action 1.1', '1.1'],
    ['1.2?', '1.2'],
  ])('%s', (text, ref) => {
    expect(parseQuestion(text, plan, '2026-01-01')).toEqual({ kind: 'show', ref });
  });
});
