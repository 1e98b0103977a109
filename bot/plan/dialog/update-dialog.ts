import { z } from 'zod';
import { progressProblem } from '../input-bounds.js';
import { RagSchema, SETTABLE_RAGS, type PlanAction } from '../types.js';
import { controlWord, isSkip, parseConfirm, parseProgress, parseRagAnswer, type SettableRag } from './answers.js';

/** Longest note a conversation accepts: the same as the card's form. */
export const DIALOG_NOTE_MAX = 2000;

export const UPDATE_STEPS = ['rag', 'note', 'progress', 'confirm'] as const;
export type UpdateStep = (typeof UPDATE_STEPS)[number];

/** A conversation collecting one update, as stored between messages (plain JSON). */
export const UpdateDialogSchema = z.object({
  kind: z.literal('update'),
  actionId: z.number().int(),
  ref: z.number().int(),
  title: z.string(),
  /** the action's version when the conversation started: the update is saved only if nobody changed it since */
  version: z.number().int(),
  currentRag: RagSchema,
  target: z.number().int().nullable(),
  currentProgress: z.number().int().nullable(),
  lastUpdate: z.object({ by: z.string(), at: z.string(), note: z.string().optional() }).nullable(),
  step: z.enum(UPDATE_STEPS),
  rag: z.enum(SETTABLE_RAGS).nullable(),
  note: z.string().nullable(),
  /** null: keep the progress as it is */
  progress: z.number().int().nullable(),
});
export type UpdateDialog = z.infer<typeof UpdateDialogSchema>;

/** What an answer does: ask a question (again, with the problem when the answer did not fit), stop, or save. */
export type DialogResult =
  | { kind: 'ask'; dialog: UpdateDialog; problem?: string }
  | { kind: 'cancelled'; dialog: UpdateDialog }
  | { kind: 'save'; dialog: UpdateDialog };

/** A new conversation about an action; with a rating already named ("update 18 to amber") it starts at the note. */
export function startUpdateDialog(action: PlanAction, rag: SettableRag | null = null): UpdateDialog {
  return {
    kind: 'update',
    actionId: action.id,
    ref: action.ref,
    title: action.title,
    version: action.version,
    currentRag: action.rag,
    target: action.target,
    currentProgress: action.progress,
    lastUpdate: action.lastUpdate,
    step: rag ? 'note' : 'rag',
    rag,
    note: null,
    progress: null,
  };
}

/** The steps this conversation has: progress only when the action has a target. */
function steps(dialog: UpdateDialog): UpdateStep[] {
  return UPDATE_STEPS.filter((s) => s !== 'progress' || dialog.target !== null);
}

function move(dialog: UpdateDialog, by: 1 | -1): UpdateDialog | null {
  const list = steps(dialog);
  const next = list[list.indexOf(dialog.step) + by];
  return next ? { ...dialog, step: next } : null;
}

/** The dialog at its next question: confirm is always the last step, so every earlier step has one. */
function forward(dialog: UpdateDialog): UpdateDialog {
  return move(dialog, 1) ?? { ...dialog, step: 'confirm' };
}

const ask = (dialog: UpdateDialog, problem?: string): DialogResult => ({ kind: 'ask', dialog, ...(problem ? { problem } : {}) });
const quoted = (text: string) => `"${text.trim().slice(0, 60)}${text.trim().length > 60 ? '…' : ''}"`;

/** What is said when words do not name a rating: "purple" is not a RAG rating: red, amber, green or complete? */
export function notARating(text: string): string {
  return `${quoted(text)} is not a RAG rating: red, amber, green or complete?`;
}

/** Takes one answer (typed, or a button's value) and says what happens next. Pure: no clock, no storage. */
export function answerUpdateDialog(dialog: UpdateDialog, answer: string): DialogResult {
  const control = controlWord(answer);
  if (control === 'cancel') return { kind: 'cancelled', dialog };
  if (control === 'back') {
    const previous = move(dialog, -1);
    return previous ? ask(previous) : ask(dialog, 'This is the first question, so there is nothing to go back to.');
  }
  if (!answer.trim() && dialog.step !== 'note') return ask(dialog, 'I did not get an answer.');
  switch (dialog.step) {
    case 'rag': {
      const rag = parseRagAnswer(answer, dialog.currentRag);
      return rag ? ask(forward({ ...dialog, rag })) : ask(dialog, notARating(answer));
    }
    case 'note': {
      if (!answer.trim()) return ask(dialog, 'I did not get a note. Type what has happened, or say "skip".');
      if (answer.length > DIALOG_NOTE_MAX)
        return ask(
          dialog,
          `That note is ${answer.length.toLocaleString('en-GB')} characters long: please keep it under ${DIALOG_NOTE_MAX.toLocaleString('en-GB')}.`,
        );
      return ask(forward({ ...dialog, note: isSkip(answer) ? '' : answer.trim() }));
    }
    case 'progress': {
      const progress = parseProgress(answer);
      if (progress === null) return ask(dialog, `I couldn't read ${quoted(answer)} as one whole number.`);
      const problem = progress === 'skip' ? null : progressProblem(progress, dialog.target);
      if (problem) return ask(dialog, problem);
      return ask(forward({ ...dialog, progress: progress === 'skip' ? null : progress }));
    }
    case 'confirm': {
      const yes = parseConfirm(answer);
      if (yes === 'yes') return { kind: 'save', dialog };
      return ask(dialog, yes === 'no' ? 'Nothing has been saved yet.' : `I couldn't tell whether ${quoted(answer)} means yes.`);
    }
  }
}

/** After someone else changed the action mid-conversation: the answers kept, the action as it is now, back to the summary. */
export function rebaseUpdateDialog(dialog: UpdateDialog, action: PlanAction): UpdateDialog {
  return {
    ...dialog,
    version: action.version,
    currentRag: action.rag,
    currentProgress: action.progress,
    lastUpdate: action.lastUpdate,
    step: 'confirm',
  };
}
