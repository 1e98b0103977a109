import { z } from 'zod';
import { UpdateDialogSchema } from '../../plan/dialog/update-dialog.js';
import type { StoredDialog } from '../../store/dialogs.js';

/** The kind of DialogState row this conversation uses. */
export const UPDATE_DIALOG_KIND = 'update';

/** After this long without an answer the conversation ends without saving. */
export const DIALOG_TIMEOUT_MS = 30 * 60 * 1000;

/** What is stored per conversation: the dialog, the last activity it took (Teams retries), and how it ended, once it has. */
export const DialogRecordSchema = z.object({
  dialog: UpdateDialogSchema,
  timeZone: z.string(),
  lastActivityId: z.string().nullable(),
  /** set when the conversation ended (saved or cancelled); kept so that a retried last message gets the same answer */
  finished: z.object({ title: z.string().optional(), lines: z.array(z.string()) }).nullable(),
});
export type DialogRecord = z.infer<typeof DialogRecordSchema>;

/** The record of a stored dialog, or null when it is not an update conversation this version understands. */
export function readRecord(stored: StoredDialog): DialogRecord | null {
  if (stored.kind !== UPDATE_DIALOG_KIND) return null;
  const parsed = DialogRecordSchema.safeParse(stored.state);
  return parsed.success ? parsed.data : null;
}

/** When a conversation touched now runs out. */
export function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + DIALOG_TIMEOUT_MS);
}

/** Whether the person has been silent too long. */
export function isExpired(stored: StoredDialog, now: Date): boolean {
  return stored.expiresAt.getTime() <= now.getTime();
}
