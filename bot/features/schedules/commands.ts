import { buildMessageCard } from '../../../cards/message-card.js';
import type { MessageInput, Reply } from '../../core/context.js';
import { addScheduleFromText, cancelScheduleByName, listScheduleLines, moveNextMeeting } from './service.js';

/** "schedule the Channel panel monthly on the first Tuesday at 10:00": coordinators only. */
export async function scheduleHandler(input: MessageInput): Promise<Reply> {
  const here = input.conversation.kind === 'channel' ? input.conversation.id : null;
  const lines = await addScheduleFromText(input.services.store, {
    partnership: input.partnership,
    text: input.text,
    now: input.services.now(),
    conversationId: here,
  });
  return buildMessageCard({ title: 'Schedule saved', lines });
}

/** "list schedules": anyone may see when meetings are. */
export async function listSchedulesHandler(input: MessageInput): Promise<Reply> {
  return buildMessageCard({
    title: 'Schedules',
    lines: await listScheduleLines(input.services.store, input.partnership, input.services.now()),
  });
}

/** "move the forum to 12 March [at 14:00]": coordinators only. */
export async function moveScheduleHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const lines = await moveNextMeeting(input.services.store, {
    partnership: input.partnership,
    which: match[1] ?? '',
    to: match[2] ?? '',
    time: match[3],
    now: input.services.now(),
  });
  return buildMessageCard({ lines });
}

/** "cancel schedule 3", "cancel the forum schedule": coordinators only. */
export async function cancelScheduleHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  return buildMessageCard({ lines: await cancelScheduleByName(input.services.store, input.partnership, match[1] ?? match[2] ?? '') });
}
