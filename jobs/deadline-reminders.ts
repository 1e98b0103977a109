import { buildLeadReminderCard } from '../cards/reminder-card.js';
import type { Services } from '../bot/core/context.js';
import { leadReminderItems, withoutMuted, type LeadItem } from '../bot/plan/schedule/lead-reminders.js';
import { localTimesBetween } from '../bot/plan/schedule/local-time.js';
import type { PlanView } from '../bot/plan/types.js';
import type { PersonInfo } from '../bot/store/people.js';
import { messageKey, type Job } from './job.js';
import { runPool } from '../bot/notify/fan-out.js';
import { personalMessage } from '../bot/notify/messages.js';
import type { OutboxInput } from '../bot/store/outbox.js';

/** Leads' reminders go out once a day at this local time. */
export const LEAD_REMINDER_TIME = '09:00';
/** JobRun rows under this key record which items each lead has been sent, so each goes once. */
const SENT = 'deadline-reminders:sent';

type Payload = { partnership: string; date: string };
type Outcome = 'queued' | 'nothing' | 'unreachable';
type LeadOutput = { outcome: Outcome; messages: OutboxInput[]; marks: { jobKey: string; occurrence: string }[] };

async function remindLead(
  services: Services,
  plan: PlanView,
  lead: PersonInfo,
  muted: { actionId: number | null }[],
  date: string,
  at: Date,
  keyPrefix: string,
): Promise<LeadOutput> {
  const { store } = services;
  const due = lead.organisation ? withoutMuted(leadReminderItems(plan, lead.organisation, date, at), muted) : [];
  const sent = await store.jobRuns.existing(
    SENT,
    due.map((i) => `${lead.id}:${i.key}`),
  );
  const fresh: LeadItem[] = due.filter((i) => !sent.has(`${lead.id}:${i.key}`));
  if (fresh.length === 0) return { outcome: 'nothing', messages: [], marks: [] };
  const message = await personalMessage(store, {
    key: `${keyPrefix}:person:${lead.id}`,
    partnership: plan.partnership,
    kind: 'deadline-reminder',
    person: lead,
    reply: buildLeadReminderCard({
      name: lead.displayName,
      items: fresh.map((i) => ({
        ref: i.action.ref,
        title: i.action.title,
        rag: i.action.rag,
        dueDate: i.action.dueDate,
        kind: i.kind,
        lastUpdate: i.action.lastUpdate?.at,
      })),
    }),
  });
  if (message.unreachable) return { outcome: 'unreachable', messages: [], marks: [] };
  // Each item is marked as reminded in the same transaction that queues the reminder, so it goes once.
  return { outcome: 'queued', messages: [message], marks: fresh.map((i) => ({ jobKey: SENT, occurrence: `${lead.id}:${i.key}` })) };
}

/** Daily at 09:00 local: each lead hears once about actions due within 14 days, weekly about overdue ones, and every 60 days about stale ones. */
export const deadlineRemindersJob: Job = {
  name: 'deadline-reminders',
  async occurrences(services, from, to) {
    const partnerships = await services.store.partnerships.zones();
    return partnerships.flatMap((p) =>
      localTimesBetween(from, to, p.timeZone, LEAD_REMINDER_TIME, () => true).map(({ date, at }) => ({
        key: `deadlines:${p.id}:${date}`,
        at,
        payload: { partnership: p.name, date } satisfies Payload,
      })),
    );
  },
  async run(services, occurrence) {
    const { partnership, date } = occurrence.payload as Payload;
    const plan = await services.store.plans.current(partnership);
    if (!plan) return 'no plan; nothing sent';
    const leads = (await services.store.people.list(partnership)).filter((p) => p.role === 'lead' && p.organisation);
    const mutes = await services.store.mutes.active(
      leads.map((l) => l.id),
      date,
    );
    const keyPrefix = messageKey('deadline-reminders', occurrence);
    const outputs = await runPool(leads, 8, (lead) =>
      remindLead(
        services,
        plan,
        lead,
        mutes.filter((m) => m.personId === lead.id),
        date,
        occurrence.at,
        keyPrefix,
      ),
    );
    const count = (o: Outcome) => outputs.filter((x) => x.outcome === o).length;
    return {
      detail: `leads reminded: ${count('queued')}; nothing due: ${count('nothing')}; unreachable: ${count('unreachable')}`,
      messages: outputs.flatMap((o) => o.messages),
      marks: outputs.flatMap((o) => o.marks),
    };
  },
};
