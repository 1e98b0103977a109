import { localTimesBetween, weekdayOf } from '../bot/plan/schedule/local-time.js';
import { composeDigestOnce } from '../bot/features/digests/compose.js';
import { personalMessage, REACH_WORDS } from '../bot/notify/messages.js';
import { messageKey, type Job } from './job.js';

type Payload = { personId: number; date: string };

/** The weekly digest for each coordinator, on their day and at their local time (default Monday 09:00). */
export const weeklyDigestJob: Job = {
  name: 'weekly-digest',
  async occurrences(services, from, to) {
    const recipients = await services.store.digests.recipients();
    // most coordinators share a schedule (Monday 09:00, Europe/London): its local times are worked out once each
    const times = new Map<string, { date: string; at: Date }[]>();
    const timesOf = (r: (typeof recipients)[number]) => {
      const schedule = `${r.timeZone}\u0000${r.time}\u0000${r.day}`;
      let found = times.get(schedule);
      if (!found) {
        found = localTimesBetween(from, to, r.timeZone, r.time, (date) => weekdayOf(date) === r.day);
        times.set(schedule, found);
      }
      return found;
    };
    return recipients.flatMap((r) =>
      timesOf(r).map(({ date, at }) => ({
        key: `digest:person:${r.personId}:${date}`,
        at,
        payload: { personId: r.personId, date } satisfies Payload,
      })),
    );
  },
  async run(services, occurrence) {
    const { store } = services;
    const payload = occurrence.payload as Payload;
    const person = await store.digests.recipient(payload.personId);
    if (!person?.enabled || person.role !== 'coordinator') return 'digest switched off; nothing sent';
    const composed = await composeDigestOnce(store, person.partnership, occurrence.at);
    if (!composed) return `${person.partnership} has no plan; nothing sent`;
    const message = await personalMessage(store, {
      key: `${messageKey('weekly-digest', occurrence)}:person:${payload.personId}`,
      partnership: person.partnership,
      kind: 'digest',
      person: { id: payload.personId, chatId: person.chatId, displayName: person.displayName },
      reply: composed.reply,
    });
    const queued = message.unreachable ? `not queued: ${REACH_WORDS[message.unreachable]}` : 'queued';
    return { detail: `digest for ${person.displayName}: ${queued}`, messages: [message] };
  },
};
