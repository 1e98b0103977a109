import { buildMessageCard } from '../../../cards/message-card.js';
import { composeDigest } from './compose.js';
import { weekdayName } from '../../plan/schedule/describe.js';
import { parseTime, weekdayNumber } from '../../plan/schedule/phrases.js';
import type { MessageInput, Reply } from '../../core/context.js';
import type { WithPerson } from '../../routes/route.js';

async function settingsLine(input: MessageInput, personId: number): Promise<string> {
  const s = await input.services.store.digests.recipient(personId);
  return s?.enabled
    ? `Your weekly digest comes on ${weekdayName(s.day)}s at ${s.time} (${s.timeZone} time), in personal chat.`
    : 'Your weekly digest is switched off. Say "turn on my digest" to have it again.';
}

/** "send my digest on Fridays at 16:00", "send my digest at 08:30": coordinators only. */
export async function digestWhenHandler(input: WithPerson<MessageInput>, match: RegExpMatchArray): Promise<Reply> {
  const day = match[1] ? weekdayNumber(match[1]) : undefined;
  const time = match[2] ? parseTime(match[2]) : undefined;
  if (time === null || day === null)
    return buildMessageCard({ lines: ['I could not read that day or time. Say, for example, "send my digest on Fridays at 16:00".'] });
  await input.services.store.digests.setSettings(input.person.id, { day, time, enabled: true });
  return buildMessageCard({ lines: [await settingsLine(input, input.person.id)] });
}

/** "turn off my digest" / "turn on my digest": coordinators only. */
export async function digestSwitchHandler(input: WithPerson<MessageInput>, match: RegExpMatchArray): Promise<Reply> {
  const off = /^(?:stop|turn\s+off|switch\s+off|no\s+more)/i.test(match[0]);
  await input.services.store.digests.setSettings(input.person.id, { enabled: !off });
  return buildMessageCard({ lines: [await settingsLine(input, input.person.id)] });
}

/** "show the digest": this week's digest now, for coordinators. */
export async function digestPreviewHandler(input: MessageInput): Promise<Reply> {
  const composed = await composeDigest(input.services.store, input.partnership, input.services.now());
  return composed?.reply ?? buildMessageCard({ lines: [`There is no plan for ${input.partnership} yet.`] });
}
