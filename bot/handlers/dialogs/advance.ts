import { buildMessageCard } from '../../../cards/message-card.js';
import type { Notice } from '../../../cards/notice.js';
import type { DialogResult } from '../../plan/dialog/update-dialog.js';
import type { StoredDialog } from '../../store/dialogs.js';
import type { Reply, TurnInput } from '../../core/context.js';
import { crossedReplies, questionReply, saveRecord } from './persist.js';
import type { DialogRecord } from './record.js';
import { saveDialogUpdate } from './save.js';

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
  return [questionReply(stored.id, result.dialog, record.timeZone, notice)];
}
