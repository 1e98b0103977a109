import { formatDay, formatWhen } from '../schedule/describe.js';
import { localWall } from '../schedule/local-time.js';

/** "at 14:30" today, "tomorrow at 09:00", else the day in full; in the partnership's zone. */
function whenNext(at: Date, now: Date, zone: string): string {
  const next = localWall(at, zone);
  const today = localWall(now, zone).date;
  if (next.date === today) return `at ${next.time}`;
  if (next.date === localWall(new Date(now.getTime() + 86_400_000), zone).date) return `tomorrow at ${next.time}`;
  return `on ${formatWhen(at, zone)}`;
}

/**
 * Why the bot cannot reach someone in personal chat: it has never talked with them, or Teams refused a send and said
 * why (the app removed, the bot blocked, the app turned off by an administrator) or did not say which.
 */
export type ReachProblem = 'never-talked' | 'removed' | 'blocked' | 'disabled' | 'removed-or-blocked';

/** What could not be delivered in a partnership, from what the notifier records: people it cannot reach, channels it was removed from, round requests not delivered. */
export interface DeliveryProblems {
  people: { name: string; role: string; problem: ReachProblem }[];
  channels: { name: string }[];
  /** per open round: the people whose requests could not be delivered */
  rounds: { title: string; meetingDate: string; people: string[] }[];
  /** messages of the last week that Teams kept failing (after every retry), by recipient and what they were */
  failed?: { recipient: string; what: string; count: number }[];
  /** messages Teams has not accepted yet (a passing failure) that will be tried again, soonest first */
  retrying?: { recipient: string; what: string; nextTry: Date }[];
  /** the partnership's time zone, for the times of the next tries */
  timeZone?: string;
}

/** What to do about someone the bot cannot reach, in plain words. */
export const REACH_ADVICE: Record<ReachProblem, string> = {
  'never-talked':
    'has never talked to the bot, so it cannot message them: ask them to open a chat with the bot (search for it in Teams and say "hello")',
  removed: 'removed the app: ask them to add the app again and open a chat with it',
  blocked: "blocked the bot: ask them to unblock it in their chat with the bot (the chat's menu, Unblock)",
  disabled: 'cannot get messages because an administrator turned the app off for them: ask your Teams administrator',
  'removed-or-blocked': 'removed the app or blocked the bot: ask them to add the app again and open a chat with it',
};

/** The lines of "delivery problems": who cannot be reached and why, channels the bot was removed from, round requests not delivered. */
export function deliveryProblemLines(problems: DeliveryProblems, now: Date = new Date()): { title: string; lines: string[] } {
  const lines: string[] = [];
  for (const p of problems.people) lines.push(`${p.name} (${p.role === 'member' ? 'Channel panel' : p.role}) ${REACH_ADVICE[p.problem]}.`);
  for (const c of problems.channels)
    lines.push(
      `The bot was removed from ${c.name}, so announcements there are not delivered: add the app to the team again, then say "post updates here".`,
    );
  for (const r of problems.rounds)
    lines.push(`Update round for the ${r.title} on ${formatDay(r.meetingDate)}: the request did not reach ${r.people.join(', ')}.`);
  for (const f of problems.failed ?? [])
    lines.push(
      `${f.count === 1 ? `A ${f.what}` : `${f.count} ${f.what}s`} to ${f.recipient} could not be delivered this week: Teams kept failing after every retry. If it goes on, tell whoever runs the bot.`,
    );
  for (const r of problems.retrying ?? [])
    lines.push(
      `A ${r.what} to ${r.recipient} is waiting to be delivered: Teams has not accepted it yet; I will try again ${whenNext(r.nextTry, now, problems.timeZone ?? 'Europe/London')}.`,
    );
  const count =
    problems.people.length +
    problems.channels.length +
    problems.rounds.length +
    (problems.failed?.length ?? 0) +
    (problems.retrying?.length ?? 0);
  if (count === 0)
    return {
      title: 'No delivery problems',
      lines: ['Everyone with a role or a Channel panel seat can be reached, and every channel is connected.'],
    };
  return { title: `Delivery problems (${count})`, lines };
}
