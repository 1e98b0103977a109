import { buildMessageCard } from '../../../cards/message-card.js';
import { AppError } from '../../errors.js';
import { formatDay } from '../../plan/schedule/describe.js';
import { localDate } from '../../plan/schedule/local-time.js';
import { actionByRef } from '../../plan/query.js';
import { parseUntil } from '../../plan/schedule/phrases.js';
import type { MessageInput, Reply } from '../../core/context.js';

async function actionIdOf(input: MessageInput, ref: string | undefined): Promise<{ id: number | null; label: string; zone: string }> {
  const plan = await input.services.store.plans.require(input.partnership);
  if (!ref) return { id: null, label: 'any action', zone: plan.timeZone };
  const action = actionByRef(plan.actions, ref);
  if (!action) throw new AppError('NOT_FOUND', `There is no action ${ref} in the plan.`);
  return { id: action.id, label: `action ${action.ref}`, zone: plan.timeZone };
}

/** "stop reminding me about action 7 until January": pauses deadline reminders for the sender. */
export async function muteHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const me = input.person;
  if (!me) return buildMessageCard({ lines: ['I only send reminders to people with a role, and I have none for you to stop.'] });
  const action = await actionIdOf(input, match[1]);
  if (!match[2])
    return buildMessageCard({
      lines: [
        `Until when? Say, for example, "stop reminding me about ${action.label === 'any action' ? 'action 7' : action.label} until January".`,
      ],
    });
  const until = parseUntil(match[2], localDate(input.services.now(), action.zone));
  if (!until)
    return buildMessageCard({
      lines: [`I could not read "${match[2]}" as a date after today. Say, for example, "until January" or "until 12 March".`],
    });
  await input.services.store.mutes.mute({ personId: me.id, actionId: action.id, until });
  return buildMessageCard({
    lines: [
      `I won't remind you about ${action.label} until ${formatDay(until)}. Say "remind me about ${action.label === 'any action' ? 'actions' : action.label} again" to undo this.`,
    ],
  });
}

/** "remind me about action 7 again": lifts a pause. */
export async function unmuteHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const me = input.person;
  if (!me) return buildMessageCard({ lines: ['You have no paused reminders.'] });
  const action = await actionIdOf(input, match[1]);
  const lifted = await input.services.store.mutes.unmute(me.id, action.id);
  return buildMessageCard({
    lines: [
      lifted
        ? `I will remind you about ${action.label === 'any action' ? 'your actions' : action.label} again.`
        : `You had no paused reminders for ${action.label}.`,
    ],
  });
}
