import { buildDialogQuestionCard } from '../../../cards/dialog-question.js';
import { buildMessageCard } from '../../../cards/message-card.js';
import type { Notice } from '../../../cards/notice.js';
import type { UpdateDialog } from '../../plan/dialog/update-dialog.js';
import { type StoredDialog } from '../../store/dialogs.js';
import type { Reply, TurnInput } from '../../core/context.js';
import { expiryFrom, isExpired, readRecord, type DialogRecord } from './record.js';

/** The question a dialog is at, as a card. */
export function questionReply(dialogId: number, dialog: UpdateDialog, timeZone: string, notice?: Notice): Reply {
  return buildDialogQuestionCard({ dialogId, dialog, timeZone, notice });
}

/** What the person is told when their conversation ran out: nothing saved, and how to start again. */
export function expiredReply(dialog: UpdateDialog): Reply {
  return buildMessageCard({
    lines: [
      `Our conversation about action ${dialog.ref} ended after 30 minutes without an answer, so nothing was saved. Say "update action ${dialog.ref}" to start again.`,
    ],
  });
}

/** Saves the next state of a dialog; null when another message moved it on first. */
export function saveRecord(
  input: TurnInput,
  stored: Pick<StoredDialog, 'id' | 'version'>,
  record: DialogRecord,
  ended = false,
): Promise<number | null> {
  const now = input.services.now();
  return input.services.store.dialogs.save(stored.id, stored.version, {
    state: { ...record, lastActivityId: input.activityId },
    now,
    expiresAt: ended ? now : expiryFrom(now),
  });
}

/** Ends a dialog, keeping what the person was told so that a retried message gets the same answer. */
export async function finishDialog(
  input: TurnInput,
  stored: Pick<StoredDialog, 'id' | 'version'>,
  record: DialogRecord,
  finished: { title?: string; lines: string[] },
): Promise<Reply[]> {
  await saveRecord(input, stored, { ...record, finished }, true);
  return [buildMessageCard(finished)];
}

/** When two answers raced (two clicks, two instances): where the conversation is now, from the database. */
export async function crossedReplies(input: TurnInput): Promise<Reply[]> {
  const stored = await input.services.store.dialogs.load({ conversationId: input.conversation.id, userChatId: input.sender.id });
  const record = stored && readRecord(stored);
  if (!stored || !record || isExpired(stored, input.services.now()))
    return [buildMessageCard({ lines: ['That conversation has already ended. Say "update action" and its number to start again.'] })];
  if (record.finished) return [buildMessageCard(record.finished)];
  return [
    questionReply(stored.id, record.dialog, record.timeZone, {
      kind: 'warning',
      message: 'That answer crossed with another one, so here is where we are now.',
    }),
  ];
}
