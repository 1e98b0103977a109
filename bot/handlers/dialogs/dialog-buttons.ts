import { z } from 'zod';
import { buildMessageCard } from '../../../cards/message-card.js';
import { AppError } from '../../errors.js';
import { answerUpdateDialog, UPDATE_STEPS } from '../../plan/dialog/update-dialog.js';
import type { CardActionResult } from '../../core/context.js';
import type { CardActionInput, Reply } from '../../core/context.js';
import { planAndAction } from '../updates/update-service.js';
import { screenText } from '../privacy/guard.js';
import { stoppedDialogCard } from '../privacy/stopped-card.js';
import { applyDialogResult } from './advance.js';
import { beginUpdateDialog } from './begin.js';
import { expiredReply, questionReply } from './persist.js';
import { isExpired, readRecord } from './record.js';

/** What "Update action 18" sends: the action's id. */
export const StartData = z.object({ actionId: z.coerce.number().int().positive() });
/** What an answer button sends: the conversation, its action, the step it answers, and the answer. */
export const AnswerData = z.object({
  dialogId: z.coerce.number().int().positive(),
  actionId: z.coerce.number().int().positive(),
  step: z.enum(UPDATE_STEPS),
  answer: z.union([z.string().max(4000), z.number()]).optional(),
});

const asResult = (replies: Reply[]): CardActionResult => ({ replaceCard: replies[0], messages: replies.slice(1) });

/** "Update action 18" on a choice or a round's request: starts the conversation as a new message, leaving the card as it was. */
export async function dialogStartHandler(input: CardActionInput, data: z.infer<typeof StartData>): Promise<CardActionResult> {
  const { plan, action } = await planAndAction(input.services, input.partnership, data.actionId);
  return {
    messages: await beginUpdateDialog(input, action, plan.timeZone),
    toast: `Let's update action ${action.ref}: the first question is below.`,
  };
}

/** A button on a question card: the same answer as typing it, checked against where the conversation is now. */
export async function dialogAnswerHandler(input: CardActionInput, data: z.infer<typeof AnswerData>): Promise<CardActionResult> {
  const { store } = input.services;
  const stored = await store.dialogs.load({ conversationId: input.conversation.id, userChatId: input.sender.id });
  const record = stored && readRecord(stored);
  if (!stored || !record || stored.id !== data.dialogId || record.dialog.actionId !== data.actionId) {
    return asResult([buildMessageCard({ lines: ['This conversation has ended. Say "update action" and its number to start again.'] })]);
  }
  if (record.finished) return asResult([buildMessageCard(record.finished)]);
  if (isExpired(stored, input.services.now())) {
    await store.dialogs.delete(stored.id, stored.version);
    return asResult([expiredReply(record.dialog)]);
  }
  if (record.dialog.step !== data.step || record.lastActivityId === input.activityId) {
    const notice =
      record.dialog.step !== data.step
        ? { kind: 'warning' as const, message: 'That button belongs to an earlier question. Here is where we are now.' }
        : undefined;
    return asResult([questionReply(stored.id, record.dialog, record.timeZone, notice)]);
  }
  const answer = String(data.answer ?? '');
  const screened = await screenText(input.services, input.partnership, answer, 'your note');
  if (!screened.ok) return asResult([stoppedDialogCard(input, stored.id, record.dialog, record.timeZone, answer, screened.message)]);
  return asResult(await applyDialogResult(input, stored, record, answerUpdateDialog(record.dialog, answer)));
}
