import { describe, expect, it } from 'vitest';
import { buildDialogChoiceCard } from '../../cards/dialog-choice.js';
import { buildDialogQuestionCard } from '../../cards/dialog-question.js';
import { validateCard } from '../../cards/validate.js';
import { ALL_VERBS, VERBS } from '../../cards/verbs.js';
import { startUpdateDialog, UPDATE_STEPS, type UpdateDialog } from '../../bot/plan/dialog/update-dialog.js';
import { buttons, ofType } from '../cards/card-walk.js';
import { makeAction, manyLongActions } from '../cards/factories.js';

const long = manyLongActions(40);
const withTarget = {
  ...startUpdateDialog({
    ...long[0]!,
    target: 25,
    progress: 7,
    lastUpdate: { by: 'Ali Burlington', at: '2026-11-02T10:00:00Z', note: 'n'.repeat(3000) },
  }),
  rag: 'GREEN' as const,
  note: 'x'.repeat(2000),
  progress: 9,
};
const cards: [string, { card: object; text: string }][] = [
  ...UPDATE_STEPS.map((step): [string, { card: object; text: string }] => [
    `question: ${step}`,
    buildDialogQuestionCard({
      dialogId: 12,
      dialog: { ...withTarget, step } as UpdateDialog,
      notice: { kind: 'warning', message: 'I couldn\'t read "purple" as a RAG rating.' },
    }),
  ]),
  ['question without a target', buildDialogQuestionCard({ dialogId: 1, dialog: startUpdateDialog(makeAction({ ref: 18 })) })],
  ['choice of 40 long actions', buildDialogChoiceCard({ topic: 'training', actions: long })],
];

describe.each(cards)('%s', (_name, { card, text }) => {
  it('validates, fits, and gives every button an Action.Submit fallback with the same small data', () => {
    expect(validateCard(card)).toEqual([]);
    expect(JSON.stringify(card).length).toBeLessThan(28 * 1024);
    for (const b of buttons(card)) {
      expect(ALL_VERBS).toContain(b.verb);
      expect((b.fallback as { data: unknown }).data).toEqual(b.data);
      expect(JSON.stringify(b.data).length).toBeLessThan(200);
    }
    expect(ofType(card, 'Action.Submit')).toHaveLength(buttons(card).length);
    expect(text.length).toBeGreaterThan(0);
  });
});

describe('question cards', () => {
  it('answer buttons send only their own answer (inputs not attached), Send sends the typed answer', () => {
    const { card } = buildDialogQuestionCard({ dialogId: 12, dialog: { ...withTarget, step: 'note' } });
    const [send, ...rest] = buttons(card);
    expect(send).toMatchObject({ title: 'Send', verb: VERBS.dialogAnswer, data: { dialogId: 12, step: 'note' } });
    expect(send!.associatedInputs).toBeUndefined();
    for (const b of rest) expect(b.associatedInputs).toBe('none');
    expect(ofType(card, 'Input.Text')[0]).toMatchObject({ id: 'answer', maxLength: 2000 });
  });

  it('the summary says what will be saved, in words', () => {
    const { text } = buildDialogQuestionCard({ dialogId: 12, dialog: { ...withTarget, step: 'confirm', note: 'Met three groups' } });
    expect(text).toContain('RAG: RED → GREEN');
    expect(text).toContain('Progress: 9 of 25');
    expect(text).toContain('Save this update?');
  });

  it('a choice card shows as many actions as fit, and says how to reach the rest', () => {
    const { card, text } = buildDialogChoiceCard({ topic: 'training', actions: long });
    expect(buttons(card).length).toBeLessThanOrEqual(10);
    expect(text).toContain('more actions not shown');
  });
});
