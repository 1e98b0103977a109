import { buildMessageCard } from '../cards/message-card.js';
import { buildMeetingReminderCard } from '../cards/reminder-card.js';
import type { Services } from '../bot/core/context.js';
import { tellCoordinators } from '../bot/notify/coordinators.js';
import { describeRecurrence, formatWhen } from '../bot/plan/schedule/describe.js';
import { reminderOccurrences, type ScheduleView } from '../bot/plan/schedule/occurrences.js';
import type { Job } from './job.js';
import { describeDeliveries, sendEach } from '../bot/notify/fan-out.js';
import { personalRecipients, reportUnreached } from './recipients.js';

type Payload = { scheduleId: number; meetingAt: string; leadMinutes: number };

/** Channel panel reminders: to each panel member in personal chat, never to a channel, with no case information. */
async function remindPanel(
  services: Services,
  schedule: ScheduleView,
  reply: ReturnType<typeof buildMeetingReminderCard>,
  when: string,
): Promise<string> {
  const members = await services.store.panel.list(schedule.partnership);
  if (members.length === 0) {
    await tellCoordinators(
      services.store,
      services.notifier,
      schedule.partnership,
      buildMessageCard({
        lines: [
          `The ${schedule.name} reminder for ${when} had nobody to go to: the Channel panel has no members. Say "add <name> to the Channel panel".`,
        ],
      }),
    );
    return 'no panel members; coordinators told';
  }
  const deliveries = await sendEach(services.notifier, await personalRecipients(services, members), reply);
  return `panel members: ${describeDeliveries(deliveries)}${await reportUnreached(services, schedule.partnership, `the ${schedule.name} reminder for ${when}`, deliveries)}`;
}

/** Other meetings: to the schedule's channel, else the partnership's announcement channel. */
async function remindChannel(
  services: Services,
  schedule: ScheduleView,
  reply: ReturnType<typeof buildMeetingReminderCard>,
  when: string,
): Promise<string> {
  const { store } = services;
  const chosen = schedule.conversationId ? await store.conversations.find(schedule.conversationId) : null;
  // the schedule's own channel, else the partnership's announcement channel on each platform it uses
  const channels = chosen?.active ? [chosen] : await store.conversations.announcements(schedule.partnership);
  if (!channels.length) {
    await tellCoordinators(
      store,
      services.notifier,
      schedule.partnership,
      buildMessageCard({
        lines: [
          `I had no channel to post the ${schedule.name} reminder for ${when} in. Say "post updates here" in the channel that should get reminders.`,
        ],
      }),
    );
    return 'no channel to post in; coordinators told';
  }
  const outcomes = [];
  for (const channel of channels) outcomes.push(`channel ${channel.conversationId}: ${await services.notifier.send(channel, reply)}`);
  return outcomes.join('; ');
}

/** Meeting reminders (forum, Channel panel, network, board or any named meeting) at each schedule's lead times. */
export const scheduleRemindersJob: Job = {
  name: 'schedule-reminders',
  async occurrences(services, from, to) {
    const schedules = await services.store.schedules.allActive();
    return schedules.flatMap((s) =>
      reminderOccurrences(s, from, to).map((o) => ({
        key: o.key,
        at: o.at,
        payload: { scheduleId: s.id, meetingAt: o.meeting.at.toISOString(), leadMinutes: o.leadMinutes } satisfies Payload,
      })),
    );
  },
  async run(services, occurrence) {
    const payload = occurrence.payload as Payload;
    const schedule = await services.store.schedules.find(payload.scheduleId);
    if (!schedule?.active) return 'schedule cancelled; nothing sent';
    const meetingAt = new Date(payload.meetingAt);
    const when = formatWhen(meetingAt, schedule.timeZone);
    const reply = buildMeetingReminderCard({
      name: schedule.name,
      kind: schedule.kind,
      meetingAt,
      leadMinutes: payload.leadMinutes,
      timeZone: schedule.timeZone,
      repeats: describeRecurrence(schedule.recurrence),
    });
    return schedule.kind === 'channel-panel'
      ? remindPanel(services, schedule, reply, when)
      : remindChannel(services, schedule, reply, when);
  },
};
