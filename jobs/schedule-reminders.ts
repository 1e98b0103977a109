import { buildMessageCard } from '../cards/message-card.js';
import { buildMeetingReminderCard } from '../cards/reminder-card.js';
import type { Services } from '../bot/core/context.js';
import { coordinatorNotices, describeQueued, personalMessages } from '../bot/notify/messages.js';
import { describeRecurrence, formatWhen } from '../bot/plan/schedule/describe.js';
import { reminderOccurrences, type ScheduleView } from '../bot/plan/schedule/occurrences.js';
import type { JobOutput, Job } from './job.js';
import { messageKey } from './job.js';
import { unreachedNotices } from './recipients.js';

type Payload = { scheduleId: number; meetingAt: string; leadMinutes: number };
type Reminder = { schedule: ScheduleView; reply: ReturnType<typeof buildMeetingReminderCard>; when: string; key: string };

/** Channel panel reminders: to each panel member in personal chat, never to a channel, with no case information. */
async function remindPanel(services: Services, { schedule, reply, when, key }: Reminder): Promise<JobOutput> {
  const members = await services.store.panel.list(schedule.partnership);
  if (members.length === 0) {
    const notices = await coordinatorNotices(
      services.store,
      schedule.partnership,
      `${key}:no-panel`,
      buildMessageCard({
        lines: [
          `The ${schedule.name} reminder for ${when} had nobody to go to: the Channel panel has no members. Say "add <name> to the Channel panel".`,
        ],
      }),
    );
    return { detail: 'no panel members; coordinators told', messages: notices };
  }
  const what = `the ${schedule.name} reminder for ${when}`;
  const messages = await personalMessages(services.store, {
    keyPrefix: key,
    partnership: schedule.partnership,
    kind: 'panel-reminder',
    people: members,
    reply,
    onFailure: what,
  });
  const unreached = await unreachedNotices(services, schedule.partnership, key, what, messages);
  return { detail: `panel members: ${describeQueued(messages)}${unreached.line}`, messages: [...messages, ...unreached.notices] };
}

/** Other meetings: to the schedule's channel, else the partnership's announcement channel. */
async function remindChannel(services: Services, { schedule, reply, when, key }: Reminder): Promise<JobOutput> {
  const { store } = services;
  const chosen = schedule.conversationId ? await store.conversations.find(schedule.conversationId) : null;
  // the schedule's own channel, else the partnership's announcement channel on each platform it uses
  const channels = chosen?.active ? [chosen] : await store.conversations.announcements(schedule.partnership);
  if (!channels.length) {
    const notices = await coordinatorNotices(
      store,
      schedule.partnership,
      `${key}:no-channel`,
      buildMessageCard({
        lines: [
          `I had no channel to post the ${schedule.name} reminder for ${when} in. Say "post updates here" in the channel that should get reminders.`,
        ],
      }),
    );
    return { detail: 'no channel to post in; coordinators told', messages: notices };
  }
  return {
    detail: channels.map((channel) => `channel ${channel.conversationId}: queued`).join('; '),
    messages: channels.map((channel) => ({
      key: `${key}:conv:${channel.conversationId}`,
      partnership: schedule.partnership,
      kind: 'meeting-reminder',
      conversationId: channel.conversationId,
      recipient: 'the partnership channel',
      reply,
    })),
  };
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
    const reminder: Reminder = {
      schedule,
      when: formatWhen(meetingAt, schedule.timeZone),
      key: messageKey('schedule-reminders', occurrence),
      reply: buildMeetingReminderCard({
        name: schedule.name,
        kind: schedule.kind,
        meetingAt,
        leadMinutes: payload.leadMinutes,
        timeZone: schedule.timeZone,
        repeats: describeRecurrence(schedule.recurrence),
      }),
    };
    return schedule.kind === 'channel-panel' ? remindPanel(services, reminder) : remindChannel(services, reminder);
  },
};
