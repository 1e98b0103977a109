import { buildMessageCard } from '../../../cards/message-card.js';
import { parseMeetingDate } from '../../plan/rounds.js';
import type { MessageInput, Reply } from '../../core/context.js';
import type { WithPerson } from '../../routes/route.js';
import { todayIn } from '../../handlers/plan-source.js';
import { closeDueRound } from './deadline.js';
import { describeOpenedRound, openUpdateRound } from './open-round.js';
import { roundStatusReply } from './progress.js';

/** Longest meeting name an update round takes. */
const ROUND_TITLE_MAX = 100;

/** "start an update round for the board meeting on 4 December [with updates due by 1 December]": coordinators only. */
export async function startRoundHandler(input: WithPerson<MessageInput>, match: RegExpMatchArray): Promise<Reply> {
  const { store } = input.services;
  const me = input.person;
  const plan = await store.plans.require(input.partnership);
  const today = todayIn(plan.timeZone, input.services.now());
  const meetingDate = parseMeetingDate(match[2] ?? '', today);
  const dueDate = match[3] ? parseMeetingDate(match[3], today) : null;
  if (!meetingDate || (match[3] && !dueDate)) {
    const unread = (meetingDate ? match[3] : match[2]) ?? '';
    return buildMessageCard({
      lines: [
        `I couldn't read "${unread.slice(0, 60)}" as a date. Say, for example: "start an update round for the board meeting on 4 December", or add "with updates due by 1 December".`,
      ],
    });
  }
  const title = (match[1] ?? 'board meeting').trim();
  if (title.length > ROUND_TITLE_MAX)
    return buildMessageCard({
      lines: [
        `The meeting's name is ${title.length} characters long: keep it to ${ROUND_TITLE_MAX} characters or fewer, e.g. "start an update round for the board meeting on 4 December". No round was started.`,
      ],
    });
  const opened = await openUpdateRound(input.services, {
    partnership: input.partnership,
    title,
    meetingDate,
    dueDate,
    createdBy: me.displayName,
    createdByChatId: input.sender.id,
  });
  return buildMessageCard(describeOpenedRound(opened));
}

/** "update round status": who has and has not replied, per action, in the open (or latest) round; an overdue round is closed first. Coordinators only. */
export async function roundStatusHandler(input: MessageInput): Promise<Reply> {
  const { store } = input.services;
  let round = (await store.rounds.latest(input.partnership, { open: true })) ?? (await store.rounds.latest(input.partnership));
  if (round?.status === 'open' && round.deadline <= input.services.now()) {
    await closeDueRound(input.services, round.id);
    round = await store.rounds.find(round.id);
  }
  if (!round)
    return buildMessageCard({
      lines: ['There has been no update round yet. Start one with "start an update round for the board meeting on 4 December".'],
    });
  return roundStatusReply(input.services, round);
}
