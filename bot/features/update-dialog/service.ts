import { screenText } from '../../handlers/privacy/guard.js';
import { stoppedDialogCard } from '../../handlers/privacy/stopped-card.js';
import { buildMessageCard } from '../../../cards/message-card.js';
import type { Notice } from '../../../cards/notice.js';
import type { Reply, TurnInput } from '../../core/context.js';
import { AppError } from '../../errors.js';
import type { SettableRag } from '../../plan/dialog/answers.js';
import {
  answerUpdateDialog,
  rebaseUpdateDialog,
  startUpdateDialog,
  type DialogResult,
  type UpdateDialog,
  type UpdateStep,
} from '../../plan/dialog/update-dialog.js';
import { ragWords, type PlanAction } from '../../plan/types.js';
import type { StoredDialog } from '../../store/dialogs.js';
import { submitUpdate, updatePermission, type SavedUpdate } from '../updates/update-service.js';
import {
  crossedReplies,
  expiredReply,
  expiryFrom,
  finishDialog,
  isExpired,
  isOwner,
  ownerOf,
  questionReply,
  readRecord,
  saveRecord,
  stillOpenReply,
  UPDATE_DIALOG_KIND,
  type DialogRecord,
} from './state.js';

// The update conversation as one service: start it, answer it (typed or by button, under the same rules), save it.

/** Starts the update conversation about an action for this person, if they may update it; replaces one in progress. */
export async function beginUpdateDialog(
  input: TurnInput,
  action: PlanAction,
  timeZone: string,
  rag: SettableRag | null = null,
  problem?: string,
): Promise<Reply[]> {
  const { services } = input;
  const { allowed, whoCan } = await updatePermission(services, input.partnership, input.person, action);
  if (!allowed) return [buildMessageCard({ lines: [`You can't update action ${action.ref}. Who can: ${whoCan}.`] })];
  const key = { conversationId: input.conversation.id, userChatId: input.sender.id };
  const earlier = await services.store.dialogs.load(key);
  const earlierRecord = earlier && readRecord(earlier);
  let notice: Notice | undefined = problem ? { kind: 'warning', message: problem } : undefined;
  if (
    earlier &&
    earlierRecord &&
    !earlierRecord.finished &&
    !isExpired(earlier, services.now()) &&
    earlierRecord.dialog.actionId !== action.id
  ) {
    const stopped = `I have stopped our conversation about action ${earlierRecord.dialog.ref}: nothing was saved for it.`;
    notice = { kind: 'warning', message: problem ? `${stopped} ${problem}` : stopped };
  }
  const record: DialogRecord = {
    dialog: startUpdateDialog(action, rag),
    timeZone,
    lastActivityId: input.activityId,
    finished: null,
    owner: ownerOf(input),
  };
  const now = services.now();
  const stored = await services.store.dialogs.start({
    ...key,
    partnership: input.partnership,
    kind: UPDATE_DIALOG_KIND,
    state: record,
    now,
    expiresAt: expiryFrom(now),
  });
  return [questionReply(input, stored.id, record.dialog, timeZone, notice)];
}

/** An answer to the conversation: the text typed or the button's value, and for a button, the question it belongs to. */
export interface DialogAnswer {
  text: string;
  button?: { dialogId: number; actionId: number; step: UpdateStep };
  /** a card answer that did not parse: the reason, said with the question again (nothing changes) */
  malformed?: string;
}

/** How a typed message reads beside a conversation in progress: it starts another, or it asks something else (see isAside). */
export interface TypedAnswer {
  startsAnother: boolean;
  isAside(dialog: UpdateDialog): Promise<boolean>;
}

/**
 * What the conversation made of an answer: `handled` when it was one; otherwise replies to put before the usual answer
 * and `after` it (the reminder that the conversation waits). `toast`: a button that is not this person's to press: say
 * so without replacing the card.
 */
export interface DialogTurn {
  handled: boolean;
  replies: Reply[];
  after?: Reply[];
  toast?: string;
}

const PASS: DialogTurn = { handled: false, replies: [] };
const handled = (replies: Reply[]): DialogTurn => ({ handled: true, replies });
const ENDED = buildMessageCard({ lines: ['This conversation has ended. Say "update action" and its number to start again.'] });

/**
 * Gives an answer to the person's conversation in progress. The same rules for typed and button answers: an ended
 * conversation repeats how it ended (to a retry), a silent one runs out, a retried activity or an earlier question's
 * button gets the current question again, anything else moves the conversation on. A typed message that is not for the
 * conversation (none in progress, or "update action 12" starting another) passes to the usual commands.
 */
export async function answerDialog(input: TurnInput, answer: DialogAnswer, typed?: TypedAnswer): Promise<DialogTurn> {
  const { store } = input.services;
  const { button } = answer;
  const stored = await store.dialogs.load({ conversationId: input.conversation.id, userChatId: input.sender.id });
  const record = stored && readRecord(stored);
  if (button && stored?.id !== button.dialogId) {
    const someoneElses = await othersUpdate(input, button);
    if (someoneElses) return { handled: true, replies: [], toast: someoneElses };
  }
  if (!stored || !record || (button && (stored.id !== button.dialogId || record.dialog.actionId !== button.actionId))) {
    if (stored && !record && !button) await store.dialogs.delete(stored.id, stored.version);
    return button ? handled([ENDED]) : PASS;
  }
  if (record.finished) {
    if (button || record.lastActivityId === input.activityId) return handled([buildMessageCard(record.finished)]);
    await store.dialogs.delete(stored.id, stored.version);
    return PASS;
  }
  if (isExpired(stored, input.services.now())) {
    await store.dialogs.delete(stored.id, stored.version);
    return { handled: !!button, replies: [expiredReply(record.dialog)] };
  }
  if (!button && typed?.startsAnother) return PASS;
  if (!button && typed && (await typed.isAside(record.dialog)))
    return { handled: false, replies: [], after: [stillOpenReply(record.dialog)] };
  const earlierQuestion = button !== undefined && record.dialog.step !== button.step;
  if (earlierQuestion || record.lastActivityId === input.activityId) {
    const notice: Notice | undefined = earlierQuestion
      ? { kind: 'warning', message: 'That button belongs to an earlier question. Here is where we are now.' }
      : undefined;
    return handled([questionReply(input, stored.id, record.dialog, record.timeZone, notice)]);
  }
  if (answer.malformed)
    return handled([questionReply(input, stored.id, record.dialog, record.timeZone, { kind: 'error', message: answer.malformed })]);
  if (button) {
    // typed answers were screened before they reached the conversation (routes/dispatch); a card's text box is screened here
    const screened = await screenText(input.services, input.partnership, answer.text, 'your note');
    if (!screened.ok) return handled([stoppedDialogCard(input, stored.id, record.dialog, record.timeZone, answer.text, screened.message)]);
  }
  return handled(await applyDialogResult(input, stored, record, answerUpdateDialog(record.dialog, answer.text)));
}

/** When a button belongs to someone else's conversation (a group chat or channel): the line that says whose it is; else null. */
async function othersUpdate(input: TurnInput, button: NonNullable<DialogAnswer['button']>): Promise<string | null> {
  const found = await input.services.store.dialogs.find(button.dialogId);
  const record = found && readRecord(found);
  if (!found || !record || found.conversationId !== input.conversation.id || isOwner(record, found.userChatId, input)) return null;
  const whose = record.owner?.name ?? 'someone else';
  const ask =
    input.conversation.kind === 'personal' ? `"update action ${record.dialog.ref}"` : `"@Prevent plan update action ${record.dialog.ref}"`;
  return `This is ${whose}'s update, so nothing has changed. To update action ${record.dialog.ref} yourself, say ${ask}.`;
}

/** Carries out what an answer decided: the next question, the end of the conversation, or saving the update. */
export async function applyDialogResult(
  input: TurnInput,
  stored: StoredDialog,
  record: DialogRecord,
  result: DialogResult,
): Promise<Reply[]> {
  const next: DialogRecord = { ...record, dialog: result.dialog };
  if (result.kind === 'cancelled') {
    const version = await saveRecord(
      input,
      stored,
      { ...next, finished: { lines: [`Cancelled: nothing was saved for action ${result.dialog.ref}.`] } },
      true,
    );
    return version === null
      ? crossedReplies(input)
      : [buildMessageCard({ lines: [`Cancelled: nothing was saved for action ${result.dialog.ref}.`] })];
  }
  const version = await saveRecord(input, stored, next);
  if (version === null) return crossedReplies(input);
  if (result.kind === 'save') return saveDialogUpdate(input, { id: stored.id, version }, next);
  const notice: Notice | undefined = result.problem ? { kind: 'warning', message: result.problem } : undefined;
  return [questionReply(input, stored.id, result.dialog, record.timeZone, notice)];
}

/** "Saved: action 18 is RED → AMBER.", with the note and progress: what the person is told once the update is saved. */
function savedMessage(dialog: UpdateDialog, saved: SavedUpdate): { title: string; lines: string[] } {
  const change = saved.ragFrom === saved.ragTo ? `still ${ragWords(saved.ragTo)}` : `${ragWords(saved.ragFrom)} → ${ragWords(saved.ragTo)}`;
  const lines = [`Saved: action ${dialog.ref} is ${change}.${saved.announced ? ' The partnership channel will be told.' : ''}`];
  if (dialog.note) lines.push(`Note: ${dialog.note}`);
  if (dialog.target !== null && saved.progress !== null) lines.push(`Progress: ${saved.progress} of ${dialog.target}.`);
  return { title: 'Update saved', lines };
}

/**
 * Saves the conversation's update through the one update path, and tells the person how it went. The conversation's
 * end is written in the update's own transaction: an update is never saved while its conversation stays open (whose
 * next message would then be taken as an answer).
 */
export async function saveDialogUpdate(
  input: TurnInput,
  stored: Pick<StoredDialog, 'id' | 'version'>,
  record: DialogRecord,
): Promise<Reply[]> {
  const { dialog } = record;
  const endDialog = (saved: SavedUpdate) => ({
    id: stored.id,
    version: stored.version,
    state: { ...record, lastActivityId: input.activityId, finished: savedMessage(dialog, saved) },
  });
  let result: Awaited<ReturnType<typeof submitUpdate>>;
  try {
    result = await submitUpdate(input.services, {
      partnership: input.partnership,
      sender: input.sender,
      person: input.person,
      actionId: dialog.actionId,
      expectedVersion: dialog.version,
      rag: dialog.rag ?? dialog.currentRag,
      note: dialog.note ?? '',
      progress: dialog.progress,
      source: 'chat',
      endDialog,
    });
  } catch (err) {
    if (!(err instanceof AppError) || (err.code !== 'FORBIDDEN' && err.code !== 'NOT_FOUND' && err.code !== 'INVALID_INPUT')) throw err;
    return finishDialog(input, stored, record, { lines: [err.message] });
  }
  const { outcome, action } = result;
  if (outcome.status === 'missing')
    return finishDialog(input, stored, record, { lines: ['That action is no longer in the plan, so nothing was saved.'] });
  if (outcome.status === 'stale') {
    const rebased = { ...record, dialog: rebaseUpdateDialog(dialog, action) };
    const version = await saveRecord(input, stored, rebased);
    if (version === null) return crossedReplies(input);
    const message = `Someone else updated action ${action.ref} while we were talking: it is now ${ragWords(action.rag)}. Nothing has been saved yet. Your answers are kept below.`;
    return [questionReply(input, stored.id, rebased.dialog, record.timeZone, { kind: 'warning', message })];
  }
  const finished = savedMessage(dialog, { ...outcome, announced: result.announced, progress: action.progress });
  // applied: the conversation ended in the same transaction; a duplicate (a retry) ends it now if it is still open
  if (outcome.status === 'applied') return [buildMessageCard(finished)];
  return finishDialog(input, stored, record, finished);
}
