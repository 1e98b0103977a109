import type { UpdateDialog } from '../bot/plan/dialog/update-dialog.js';
import { SETTABLE_RAGS, ragWords } from '../bot/plan/types.js';
import { actionLabel, ragChange, ragChoiceTitle } from './describe.js';
import { actionSet, adaptiveCard, button, factSet, heading, text, type CardResult, type Element } from './elements.js';
import { DEFAULT_TIME_ZONE, formatInstant, shorten } from './format.js';
import { noticeBlock, noticeWords, type Notice } from './notice.js';
import { noteVisibility } from './note-visibility.js';
import { VERBS } from './verbs.js';

export interface DialogQuestionInput {
  dialogId: number;
  dialog: UpdateDialog;
  /** why the question is asked again, or what changed meanwhile */
  notice?: Notice;
  timeZone?: string;
  /** what the person typed, put back in the answer box (e.g. after the confidentiality guard stopped it) */
  draft?: string;
  /**
   * Where the card is shown. In a channel or group chat the bot hears only messages that @mention it, so the card asks
   * with its own inputs (a rating list, a text box, a number box) and never says "type it"; personal chat (the default)
   * keeps rating buttons and typed answers.
   */
  place?: 'personal' | 'channel' | 'groupChat';
}

const QUESTIONS: Record<UpdateDialog['step'], string> = {
  rag: 'What is its RAG rating now?',
  note: 'What has happened since the last update?',
  progress: 'How many so far?',
  confirm: 'Save this update?',
};

/** The bot's name as people @mention it in Teams (the manifest's short name). */
export const BOT_MENTION = '@Prevent plan';

/** In a channel or group chat: answers on the card, with the explicit @mention for anyone who would rather type. */
const SHARED_HINTS: Record<UpdateDialog['step'], string> = {
  rag: `Choose a rating and press Send, or Cancel to stop without saving. To type instead, reply with "${BOT_MENTION} amber" (or red, green, complete).`,
  note: `Write it in the box and press Send. Skip saves no note, Back changes the rating, Cancel stops without saving. To type instead, reply with "${BOT_MENTION}" and your note.`,
  progress: `Put a whole number in the box and press Send. "Keep as it is" leaves it, Back changes the note, Cancel stops without saving.`,
  confirm: 'Press Save, Back to change something, or Cancel to stop without saving.',
};

const HINTS: Record<UpdateDialog['step'], string> = {
  rag: 'Choose a button, or type it: "amber", "still red", "done" (for COMPLETE) or "no change". Say "cancel" at any time to stop without saving.',
  note: 'Type it as a message, for example "Met three faith leaders; forum planned for January." Say "skip" for no note, "back" to change the rating, or "cancel".',
  progress: 'Type a whole number, for example "12". Say "skip" to keep it as it is, "back" to change the note, or "cancel".',
  confirm: 'Say "yes" to save, "back" to change something, or "cancel" to stop without saving.',
};

function progressNow(d: UpdateDialog): string {
  return d.currentProgress === null ? 'none recorded yet' : `${d.currentProgress} of ${d.target}`;
}

function stateLines(d: UpdateDialog, timeZone: string): string[] {
  const lines = [`It is ${ragWords(d.currentRag)} now.${d.target !== null ? ` Progress: ${progressNow(d)}.` : ''}`];
  if (d.lastUpdate) {
    const { date, time } = formatInstant(d.lastUpdate.at, timeZone);
    const note = d.lastUpdate.note?.trim();
    lines.push(`Last updated by ${d.lastUpdate.by} on ${date} at ${time}${note ? `: “${shorten(note, 400)}”` : '.'}`);
  }
  return lines;
}

function summary(d: UpdateDialog): [string, string][] {
  const facts: [string, string][] = [
    ['RAG', ragChange(d.currentRag, d.rag ?? 'UNRATED')],
    ['Note', d.note ? shorten(d.note, 1500) : '(no note)'],
  ];
  if (d.target !== null) facts.push(['Progress', d.progress !== null ? `${d.progress} of ${d.target}` : `unchanged (${progressNow(d)})`]);
  return facts;
}

function shared(input: DialogQuestionInput): boolean {
  return input.place !== undefined && input.place !== 'personal';
}

function buttons(input: DialogQuestionInput): Element[] {
  const { dialogId, dialog } = input;
  const where = { dialogId, actionId: dialog.actionId, step: dialog.step };
  const data = (answer: string) => ({ ...where, answer });
  const plain = { associatedInputs: 'none' as const };
  const back = button('Back', VERBS.dialogAnswer, data('back'), plain);
  const cancel = button('Cancel', VERBS.dialogAnswer, data('cancel'), plain);
  switch (dialog.step) {
    case 'rag':
      if (shared(input)) return [button('Send', VERBS.dialogAnswer, where, { style: 'positive' }), cancel];
      return [...SETTABLE_RAGS.map((rag) => button(ragChoiceTitle(rag), VERBS.dialogAnswer, data(rag), plain)), cancel];
    case 'note':
      return [
        button('Send', VERBS.dialogAnswer, where, { style: 'positive' }),
        button('Skip', VERBS.dialogAnswer, data('skip'), plain),
        back,
        cancel,
      ];
    case 'progress':
      return [
        button('Send', VERBS.dialogAnswer, where, { style: 'positive' }),
        button('Keep as it is', VERBS.dialogAnswer, data('skip'), plain),
        back,
        cancel,
      ];
    case 'confirm':
      return [button('Save', VERBS.dialogAnswer, data('yes'), { ...plain, style: 'positive' }), back, cancel];
  }
}

function answerInput(input: DialogQuestionInput): Element[] {
  const { dialog, draft } = input;
  if (dialog.step === 'rag' && shared(input))
    return [
      {
        type: 'Input.ChoiceSet',
        id: 'answer',
        label: 'RAG rating',
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Choose a rating.',
        choices: SETTABLE_RAGS.map((rag) => ({ title: ragChoiceTitle(rag), value: rag })),
      },
    ];
  if (dialog.step === 'note')
    return [
      {
        type: 'Input.Text',
        id: 'answer',
        label: 'What has happened',
        isMultiline: true,
        maxLength: 2000,
        placeholder: 'For example: met three faith leaders.',
        ...(draft ? { value: draft.slice(0, 2000) } : {}),
      },
      text(noteVisibility(undefined), { isSubtle: true, size: 'Small', spacing: 'Small' }),
    ];
  if (dialog.step === 'progress')
    return [
      { type: 'Input.Number', id: 'answer', label: `Progress so far (target ${dialog.target})`, min: 0, placeholder: 'A whole number' },
    ];
  return [];
}

/** One question of the update conversation: where the action stands, the question, buttons and the words to type instead. */
export function buildDialogQuestionCard(input: DialogQuestionInput): CardResult {
  const d = input.dialog;
  const hints = shared(input) ? SHARED_HINTS : HINTS;
  const label = actionLabel({ ref: d.ref, title: shorten(d.title, 500) });
  const question = d.step === 'progress' ? `${QUESTIONS.progress} The target is ${d.target}.` : QUESTIONS[d.step];
  const context = d.step === 'rag' ? stateLines(d, input.timeZone ?? DEFAULT_TIME_ZONE) : [];
  const facts = d.step === 'confirm' ? summary(d) : [];
  const body: Element[] = [];
  if (input.notice) body.push(noticeBlock(input.notice));
  body.push(heading(label), ...context.map((line) => text(line, { isSubtle: true })));
  if (facts.length) body.push(factSet(facts));
  body.push(
    text(question, { weight: 'Bolder' }),
    ...answerInput(input),
    actionSet(buttons(input)),
    text(hints[d.step], { isSubtle: true, size: 'Small' }),
  );
  const lines = [
    ...(input.notice ? [noticeWords(input.notice)] : []),
    label,
    ...context,
    ...facts.map(([title, value]) => `${title}: ${value}`),
    question,
    ...(d.step === 'rag' ? [`Choices: ${SETTABLE_RAGS.map(ragChoiceTitle).join(', ')}.`] : []),
    ...(d.step === 'note' ? [noteVisibility(undefined)] : []),
    hints[d.step],
  ];
  return { card: adaptiveCard(body), text: lines.join('\n') };
}
