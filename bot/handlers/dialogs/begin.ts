import { buildMessageCard } from '../../../cards/message-card.js';
import type { Notice } from '../../../cards/notice.js';
import type { SettableRag } from '../../plan/dialog/answers.js';
import { startUpdateDialog } from '../../plan/dialog/update-dialog.js';
import type { PlanAction } from '../../plan/types.js';
import type { Reply, TurnInput } from '../../core/context.js';
import { updatePermission } from '../updates/update-service.js';
import { questionReply } from './persist.js';
import { expiryFrom, isExpired, readRecord, UPDATE_DIALOG_KIND, type DialogRecord } from './record.js';

/** Starts the update conversation about an action for this person, if they may update it; replaces one in progress. */
export async function beginUpdateDialog(
  input: TurnInput,
  action: PlanAction,
  timeZone: string,
  rag: SettableRag | null = null,
): Promise<Reply[]> {
  const { services } = input;
  const { allowed, whoCan } = await updatePermission(services, input.partnership, input.person, action);
  if (!allowed) return [buildMessageCard({ lines: [`You can't update action ${action.ref}. Who can: ${whoCan}.`] })];
  const key = { conversationId: input.conversation.id, userChatId: input.sender.id };
  const earlier = await services.store.dialogs.load(key);
  const earlierRecord = earlier && readRecord(earlier);
  let notice: Notice | undefined;
  if (
    earlier &&
    earlierRecord &&
    !earlierRecord.finished &&
    !isExpired(earlier, services.now()) &&
    earlierRecord.dialog.actionId !== action.id
  ) {
    notice = {
      kind: 'warning',
      message: `I have stopped our conversation about action ${earlierRecord.dialog.ref}: nothing was saved for it.`,
    };
  }
  const record: DialogRecord = { dialog: startUpdateDialog(action, rag), timeZone, lastActivityId: input.activityId, finished: null };
  const now = services.now();
  const stored = await services.store.dialogs.start({
    ...key,
    partnership: input.partnership,
    kind: UPDATE_DIALOG_KIND,
    state: record,
    now,
    expiresAt: expiryFrom(now),
  });
  return [questionReply(stored.id, record.dialog, timeZone, notice)];
}
