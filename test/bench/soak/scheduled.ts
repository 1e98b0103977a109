import { DateTime } from 'luxon';
import type { OpenStore as Store } from '../../../bot/store/database.js';
import type { PartnershipChannel } from '../national.js';

/** A proactive message a job must send during the soak: where, and when it falls due. */
export interface ExpectedDelivery {
  kind: 'reminder' | 'digest';
  /** the schedule's name, or the coordinator's */
  label: string;
  /** the key the tap counts it under: `${name}|${conversation}` for reminders, the conversation for digests */
  key: string;
  /** ms since the soak started */
  dueAt: number;
}

const MINUTE = 60_000;

/** Minute boundaries from `first` to `last` (ms since epoch), `count` of them spread evenly. */
function spread(first: number, last: number, count: number): number[] {
  const times = new Set<number>();
  for (let i = 0; i < count; i++) {
    const t = first + ((last - first) * (i + 0.5)) / count;
    times.add(Math.ceil(t / MINUTE) * MINUTE);
  }
  return [...times].filter((t) => t <= last);
}

/**
 * Creates what the jobs must send while the soak runs, due at minute boundaries from 30 s after the start to
 * a minute before the end (a fake clock cannot cross processes): forum meetings an hour away with a reminder "an hour
 * before" in partnerships' channels, one Channel panel meeting whose reminder goes to each panel member in personal
 * chat, and coordinators' weekly digests set for today at those minutes.
 */
export async function scheduleDuringRun(
  store: Store,
  channels: PartnershipChannel[],
  start: number,
  minutes: number,
): Promise<ExpectedDelivery[]> {
  const end = start + minutes * MINUTE;
  const first = start + 30_000;
  const last = end - 60_000;
  const expected: ExpectedDelivery[] = [];
  const count = Math.max(2, Math.round(minutes / 2));
  const personal = await store.db.conversationRef.findMany({
    where: { kind: 'personal', active: true, userChatId: { not: null } },
    select: { conversationId: true, userChatId: true, partnershipId: true },
    orderBy: { id: 'asc' },
  });
  const chatOf = new Map(personal.map((p) => [p.userChatId, p.conversationId]));
  const local = (t: number, zone: string) => DateTime.fromMillis(t, { zone });

  // forum reminders, one partnership after another
  const reminderTimes = spread(first, last, count);
  for (const [i, t] of reminderTimes.entries()) {
    const channel = channels[i % channels.length]!;
    const zone = await store.partnerships.timeZone(channel.partnership);
    const meeting = local(t + 60 * MINUTE, zone);
    const name = `Soak forum ${i + 1}`;
    await store.schedules.create({
      partnership: channel.partnership,
      kind: 'forum',
      name,
      recurrence: { type: 'dates', dates: [meeting.toISODate() ?? ''] },
      time: meeting.toFormat('HH:mm'),
      leadMinutes: [60],
      conversationId: null,
      now: new Date(),
    });
    expected.push({ kind: 'reminder', label: name, key: `${name}|${channel.conversation.id}`, dueAt: t - start });
  }

  // one Channel panel meeting: its reminder goes to every panel member in personal chat
  const panelChannel = channels.find((c) => c.people.filter((p) => chatOf.has(p.id)).length >= 2) ?? channels[0]!;
  const members = panelChannel.people.filter((p) => chatOf.has(p.id));
  for (const m of members) await store.panel.set({ partnership: panelChannel.partnership, who: m.id, member: true });
  const panelAt = spread(first, last, 1)[0] ?? Math.ceil(first / MINUTE) * MINUTE;
  const zone = await store.partnerships.timeZone(panelChannel.partnership);
  const panelMeeting = local(panelAt + 60 * MINUTE, zone);
  await store.schedules.create({
    partnership: panelChannel.partnership,
    kind: 'channel-panel',
    name: 'Soak Channel panel',
    recurrence: { type: 'dates', dates: [panelMeeting.toISODate() ?? ''] },
    time: panelMeeting.toFormat('HH:mm'),
    leadMinutes: [60],
    conversationId: null,
    now: new Date(),
  });
  for (const m of members)
    expected.push({ kind: 'reminder', label: 'Soak Channel panel', key: `Soak Channel panel|${chatOf.get(m.id)}`, dueAt: panelAt - start });

  // coordinators' weekly digests, today at minutes spread over the run
  const coordinators = await store.db.person.findMany({
    where: { role: 'coordinator', chatId: { in: [...chatOf.keys()].filter((k): k is string => k !== null) } },
    include: { partnership: { select: { timeZone: true } } },
    orderBy: { id: 'asc' },
  });
  const digestTimes = spread(first, last, Math.min(coordinators.length, count));
  for (const [i, t] of digestTimes.entries()) {
    const person = coordinators[i]!;
    const at = local(t, person.partnership.timeZone);
    await store.db.person.update({
      where: { id: person.id },
      data: { digestEnabled: true, digestDay: at.weekday, digestTime: at.toFormat('HH:mm') },
    });
    expected.push({ kind: 'digest', label: person.displayName, key: chatOf.get(person.chatId) ?? '', dueAt: t - start });
  }
  return expected;
}
