import { z } from 'zod';
import { buildDialogQuestionCard } from '../../../cards/dialog-question.js';
import { buildMessageCard } from '../../../cards/message-card.js';
import type { Notice } from '../../../cards/notice.js';
import type { Reply, TurnInput } from '../../core/context.js';
import { stillOpenLine } from '../../plan/dialog/asides.js';
import { UpdateDialogSchema, type UpdateDialog } from '../../plan/dialog/update-dialog.js';
import type { StoredDialog } from '../../store/dialogs.js';

// The update conversation's stored state: what is kept per conversation, when it runs out, and the replies that show it.

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
  /** whose update it is: by stable ids (Entra object id, person row); the name is for display only. Absent on older records. */
  owner: z.object({ aadObjectId: z.string().nullable(), personId: z.number().int().nullable(), name: z.string() }).optional(),
});
export type DialogRecord = z.infer<typeof DialogRecordSchema>;

/** The record of a stored dialog, or null when it is not an update conversation this version understands. */
export function readRecord(stored: StoredDialog): DialogRecord | null {
  if (stored.kind !== UPDATE_DIALOG_KIND) return null;
  const parsed = DialogRecordSchema.safeParse(stored.state);
  return parsed.success ? parsed.data : null;
}

/** The owner to record for a conversation this turn's speaker starts. */
export function ownerOf(input: TurnInput): NonNullable<DialogRecord['owner']> {
  return {
    aadObjectId: input.person?.aadObjectId ?? input.sender.aadObjectId ?? null,
    personId: input.person?.id ?? null,
    name: input.person?.displayName ?? input.sender.name,
  };
}

/**
 * Whether this turn's speaker owns a stored conversation: by Entra object id when both are known, else by person row,
 * else (records from before owners were kept) by the chat id the conversation is stored under. Never by name.
 */
export function isOwner(record: DialogRecord, storedFor: string, input: TurnInput): boolean {
  const owner = record.owner;
  const aad = input.person?.aadObjectId ?? input.sender.aadObjectId ?? null;
  if (owner?.aadObjectId && aad) return owner.aadObjectId === aad;
  if (owner?.personId !== undefined && owner.personId !== null && input.person) return owner.personId === input.person.id;
  return storedFor === input.sender.id;
}

/** When a conversation touched now runs out. */
export function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + DIALOG_TIMEOUT_MS);
}

/** Whether the person has been silent too long. */
export function isExpired(stored: StoredDialog, now: Date): boolean {
  return stored.expiresAt.getTime() <= now.getTime();
}

/** The question a dialog is at, as a card for the place the turn is in (card inputs in channels and group chats). */
export function questionReply(input: TurnInput, dialogId: number, dialog: UpdateDialog, timeZone: string, notice?: Notice): Reply {
  return buildDialogQuestionCard({ dialogId, dialog, timeZone, notice, place: input.conversation.kind });
}

/** The one line that says a conversation is waiting while something else was answered. */
export function stillOpenReply(dialog: UpdateDialog): Reply {
  return buildMessageCard({ lines: [stillOpenLine(dialog)] });
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
    questionReply(input, stored.id, record.dialog, record.timeZone, {
      kind: 'warning',
      message: 'That answer crossed with another one, so here is where we are now.',
    }),
  ];
}
