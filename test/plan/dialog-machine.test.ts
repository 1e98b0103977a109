import { describe, expect, it } from 'vitest';
import {
  answerUpdateDialog,
  rebaseUpdateDialog,
  startUpdateDialog,
  UpdateDialogSchema,
  type DialogResult,
  type UpdateDialog,
} from '../../bot/plan/dialog/update-dialog.js';
import { makeAction } from '../factories/demo-plan.js';

const plain = makeAction({ id: 7, ref: 18, title: 'Engage with and support faith groups', rag: 'RED', version: 3 });
const counted = makeAction({ id: 8, ref: 19, title: 'Engage with businesses', rag: 'AMBER', target: 25, progress: 10 });

/** Answers in turn; returns every result. */
function walk(dialog: UpdateDialog, ...answers: string[]): DialogResult[] {
  const results: DialogResult[] = [];
  let current = dialog;
  for (const answer of answers) {
    const result = answerUpdateDialog(current, answer);
    results.push(result);
    current = result.dialog;
  }
  return results;
}

describe('the update conversation as a state machine', () => {
  it('rating → note → summary → save for an action without a target', () => {
    const steps = walk(startUpdateDialog(plain), 'amber', 'Met three faith leaders', 'yes');
    expect(steps.map((s) => (s.kind === 'ask' ? s.dialog.step : s.kind))).toEqual(['note', 'confirm', 'save']);
    expect(steps[2]!.dialog).toMatchObject({ actionId: 7, version: 3, rag: 'AMBER', note: 'Met three faith leaders', progress: null });
  });

  it('asks for progress only when the action has a target; "skip" keeps it', () => {
    const steps = walk(startUpdateDialog(counted), 'green', 'skip', 'skip', 'yes');
    expect(steps.map((s) => s.dialog.step)).toEqual(['note', 'progress', 'confirm', 'confirm']);
    expect(steps[3]).toMatchObject({ kind: 'save', dialog: { note: '', progress: null, rag: 'GREEN' } });
  });

  it('"back" steps back through the questions and the first question says there is nothing before it', () => {
    const steps = walk(startUpdateDialog(counted), 'green', 'note', '3', 'back', 'back', 'back', 'back');
    expect(steps.map((s) => s.dialog.step)).toEqual(['note', 'progress', 'confirm', 'progress', 'note', 'rag', 'rag']);
    expect(steps[6]).toMatchObject({ kind: 'ask', problem: 'This is the first question, so there is nothing to go back to.' });
  });

  it('"cancel" at any step ends it', () => {
    for (let n = 0; n < 4; n += 1) {
      const answers = ['red', 'n', '4'].slice(0, n);
      const steps = walk(startUpdateDialog(counted), ...answers, 'cancel');
      expect(steps.at(-1)!.kind).toBe('cancelled');
    }
  });

  it('answers that do not fit keep the step and say why', () => {
    const [rag] = walk(startUpdateDialog(plain), 'purple');
    expect(rag).toMatchObject({
      kind: 'ask',
      dialog: { step: 'rag' },
      problem: '"purple" is not a RAG rating: red, amber, green or complete?',
    });
    const [, , progress] = walk(startUpdateDialog(counted), 'red', 'n', 'lots');
    expect(progress).toMatchObject({ kind: 'ask', dialog: { step: 'progress' } });
    const [, tooLong] = walk(startUpdateDialog(plain), 'red', 'x'.repeat(2001));
    expect(tooLong).toMatchObject({ kind: 'ask', dialog: { step: 'note' }, problem: expect.stringContaining('2,001 characters') });
    const [, , no] = walk(startUpdateDialog(plain), 'red', 'n', 'no');
    expect(no).toMatchObject({ kind: 'ask', dialog: { step: 'confirm' }, problem: 'Nothing has been saved yet.' });
  });

  it('a rating given up front starts at the note; a rebase keeps the answers and returns to the summary', () => {
    const started = startUpdateDialog(plain, 'GREEN');
    expect(started).toMatchObject({ step: 'note', rag: 'GREEN' });
    const rebased = rebaseUpdateDialog({ ...started, note: 'kept' }, { ...plain, rag: 'AMBER', version: 4 });
    expect(rebased).toMatchObject({ step: 'confirm', version: 4, currentRag: 'AMBER', rag: 'GREEN', note: 'kept' });
  });

  it('is plain JSON that round-trips through its schema (it is stored between messages)', () => {
    const [result] = walk(startUpdateDialog(counted), 'amber');
    expect(UpdateDialogSchema.parse(JSON.parse(JSON.stringify(result!.dialog)))).toEqual(result!.dialog);
  });
});
