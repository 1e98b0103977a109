import { describe, expect, it } from 'vitest';
import { isAside, stillOpenLine } from '../../bot/plan/dialog/asides.js';
import { startUpdateDialog, type UpdateDialog } from '../../bot/plan/dialog/update-dialog.js';
import { parseQuestion } from '../../bot/plan/questions/index.js';
import { demoPlanView, makeAction } from '../factories/demo-plan.js';

const plan = demoPlanView();
const today = '2026-11-22';
const faith = makeAction({ id: 7, ref: 18, title: 'Engage with and support faith groups', rag: 'RED' });
const counted = makeAction({ id: 8, ref: 19, title: 'Engage with businesses', rag: 'AMBER', target: 25 });
const at = (step: UpdateDialog['step'], action = faith): UpdateDialog => ({ ...startUpdateDialog(action), step });

/** As the bot reads it: `command` when the message is one of its typed commands. */
const aside = (dialog: UpdateDialog, text: string, command = false) =>
  isAside(dialog, text, { command, question: parseQuestion(text, plan, today) });

describe('a question is never mistaken for an answer', () => {
  it('questions the parser understands, commands and "help" are asides at every step', () => {
    for (const step of ['rag', 'note', 'progress', 'confirm'] as const) {
      const dialog = at(step, counted);
      expect(aside(dialog, "what's overdue?"), step).toBe(true);
      expect(aside(dialog, 'who are the leads?', true), step).toBe(true);
      expect(aside(dialog, 'help'), step).toBe(true);
      expect(aside(dialog, 'show action 4'), step).toBe(true);
      expect(aside(dialog, 'which actions are behind'), step).toBe(true);
    }
  });

  it('an answer that fits the question is an answer, even when it could be read as a question', () => {
    expect(aside(at('rag'), 'amber')).toBe(false);
    expect(aside(at('rag'), 'still red')).toBe(false);
    expect(aside(at('progress', counted), '12 of 25')).toBe(false);
    expect(aside(at('confirm'), 'yes')).toBe(false);
    expect(aside(at('note'), 'cancel')).toBe(false);
  });

  it('notes are notes: plain sentences, even ones that mention the plan', () => {
    for (const note of [
      'Met with schools on Tuesday',
      'Met three faith leaders; forum planned for January.',
      'Training delivered to 40 staff at the NHS trust',
      'Should we move the forum to January?',
      'skip',
    ])
      expect(aside(at('note'), note), note).toBe(false);
  });

  it('words that fit nothing at the rating are not asides: the rating question says they are not a rating', () => {
    expect(aside(at('rag'), 'purple')).toBe(false);
  });

  it('the reminder says where the conversation waits, in one line', () => {
    expect(stillOpenLine(at('rag'))).toBe('Your update to action 18 is still open: red, amber, green or complete?');
    expect(stillOpenLine(at('progress', counted))).toBe('Your update to action 19 is still open: how many so far (the target is 25)?');
    expect(stillOpenLine(at('confirm'))).toBe('Your update to action 18 is still open: save it, yes or no?');
  });
});

describe('short questions and numbers', () => {
  it('a short question ending in "?" is an aside; a bare number at the progress step is the progress', () => {
    expect(aside(at('note'), 'red for the police?')).toBe(true);
    expect(aside(at('progress', counted), '12')).toBe(false);
    expect(aside(at('progress', counted), 'we have trained 12')).toBe(false);
  });
});
