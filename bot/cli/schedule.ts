import { parseArgs } from 'node:util';
import { addScheduleFromText, cancelScheduleByName, listScheduleLines, moveNextMeeting } from '../features/schedules/service.js';
import type { CliCommand } from './context.js';

const USAGE = `Usage:
  schedule add "<meeting> <how often> at <time>" [--channel CONVERSATION_ID]   e.g. schedule add "the Channel panel monthly on the first Tuesday at 10:00"
  schedule list
  schedule move <number or name> "<date>" [--time HH:MM]                      moves the next meeting only
  schedule cancel <number or name>
  (each takes --partnership NAME)`;

/** `schedule add|list|move|cancel`: the same schedules coordinators manage in chat. */
export const scheduleCommand: CliCommand = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { partnership: { type: 'string' }, channel: { type: 'string' }, time: { type: 'string' } },
  });
  const [action, ...rest] = positionals;
  const partnership = values.partnership ?? ctx.config.DEFAULT_PARTNERSHIP;
  const { store } = ctx;
  let lines: string[] | null = null;
  if (action === 'add' && rest.length)
    lines = await addScheduleFromText(store, { partnership, text: rest.join(' '), now: ctx.now(), conversationId: values.channel ?? null });
  else if (action === 'list') lines = await listScheduleLines(store, partnership, ctx.now());
  else if (action === 'move' && rest.length === 2)
    lines = await moveNextMeeting(store, { partnership, which: rest[0] ?? '', to: rest[1] ?? '', time: values.time, now: ctx.now() });
  else if (action === 'cancel' && rest.length === 1) lines = await cancelScheduleByName(store, partnership, rest[0] ?? '');
  if (!lines) {
    ctx.out(USAGE);
    return 2;
  }
  for (const line of lines) ctx.out(line);
  return 0;
};
