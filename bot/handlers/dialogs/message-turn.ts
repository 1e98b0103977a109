import { buildMessageCard } from '../../../cards/message-card.js';
import { answerUpdateDialog } from '../../plan/dialog/update-dialog.js';
import { PATTERNS } from '../commands/patterns.js';
import type { MessageInput, Reply } from '../../core/context.js';
import { applyDialogResult } from './advance.js';
import { expiredReply, questionReply } from './persist.js';
import { isExpired, readRecord } from './record.js';

/** What a dialog made of a message: `handled` when it was an answer; otherwise replies to put before the usual answer. */
export interface DialogTurn {
  handled: boolean;
  replies: Reply[];
}

const PASS: DialogTurn = { handled: false, replies: [] };

/** Whether the message starts a new update conversation, which replaces the one in progress. */
function startsAnother(text: string): boolean {
  return PATTERNS.startUpdate.test(text) || PATTERNS.updateTopic.test(text);
}

/** Gives a message to the person's conversation in progress, if they have one: it takes the message first. */
export async function dialogMessageTurn(input: MessageInput): Promise<DialogTurn> {
  const { store } = input.services;
  const stored = await store.dialogs.load({ conversationId: input.conversation.id, userChatId: input.sender.id });
  if (!stored) return PASS;
  const record = readRecord(stored);
  if (!record) {
    await store.dialogs.delete(stored.id, stored.version);
    return PASS;
  }
  if (record.finished) {
    if (record.lastActivityId === input.activityId) return { handled: true, replies: [buildMessageCard(record.finished)] };
    await store.dialogs.delete(stored.id, stored.version);
    return PASS;
  }
  if (isExpired(stored, input.services.now())) {
    await store.dialogs.delete(stored.id, stored.version);
    return { handled: false, replies: [expiredReply(record.dialog)] };
  }
  const text = input.text.trim();
  if (startsAnother(text)) return PASS;
  if (record.lastActivityId === input.activityId)
    return { handled: true, replies: [questionReply(stored.id, record.dialog, record.timeZone)] };
  return { handled: true, replies: await applyDialogResult(input, stored, record, answerUpdateDialog(record.dialog, text)) };
}
