import { AppError } from '../../errors.js';
import { rebaseUpdateDialog } from '../../plan/dialog/update-dialog.js';
import { ragWords } from '../../plan/types.js';
import type { StoredDialog } from '../../store/dialogs.js';
import type { Reply, TurnInput } from '../../core/context.js';
import { submitUpdate } from '../updates/update-service.js';
import { crossedReplies, finishDialog, questionReply, saveRecord } from './persist.js';
import type { DialogRecord } from './record.js';

/** Saves the conversation's update through the one update path, and tells the person how it went. */
export async function saveDialogUpdate(
  input: TurnInput,
  stored: Pick<StoredDialog, 'id' | 'version'>,
  record: DialogRecord,
): Promise<Reply[]> {
  const { dialog } = record;
  let result;
  try {
    result = await submitUpdate(input.services, {
      partnership: input.partnership,
      sender: input.sender,
      person: input.person,
      actionId: dialog.actionId,
      expectedVersion: dialog.version,
      rag: dialog.rag!,
      note: dialog.note ?? '',
      progress: dialog.progress,
      source: 'chat',
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
    return [questionReply(stored.id, rebased.dialog, record.timeZone, { kind: 'warning', message })];
  }
  const change =
    outcome.ragFrom === outcome.ragTo ? `still ${ragWords(outcome.ragTo)}` : `${ragWords(outcome.ragFrom)} → ${ragWords(outcome.ragTo)}`;
  const lines = [`Saved: action ${action.ref} is ${change}.${result.announced ? ' The partnership channel has been told.' : ''}`];
  if (dialog.note) lines.push(`Note: ${dialog.note}`);
  if (dialog.target !== null && action.progress !== null) lines.push(`Progress: ${action.progress} of ${dialog.target}.`);
  return finishDialog(input, stored, record, { title: 'Update saved', lines });
}
