import { describeAhead, formatDay, formatWhen } from '../bot/plan/schedule/describe.js';
import { ragWords, type Rag } from '../bot/plan/types.js';
import { adaptiveCard, heading, text, type CardResult, type Element } from './elements.js';
import { formatDueDate, shorten } from './format.js';

/** One reminder of one meeting. */
export interface MeetingReminderInput {
  name: string;
  kind: string;
  meetingAt: Date;
  leadMinutes: number;
  timeZone: string;
  /** e.g. "monthly on the first Tuesday" */
  repeats: string;
}

function card(title: string, lines: string[], subtle: string[] = []): CardResult {
  const body: Element[] = [heading(title), ...lines.map((l) => text(l)), ...subtle.map((l) => text(l, { isSubtle: true, size: 'Small' }))];
  return { card: adaptiveCard(body), text: [title, ...lines, ...subtle].join('\n') };
}

/** A meeting reminder. For the Channel panel it says nothing about cases: logistics only. */
export function buildMeetingReminderCard(input: MeetingReminderInput): CardResult {
  const name = shorten(input.name, 200);
  const when = formatWhen(input.meetingAt, input.timeZone);
  const lines = [`${name}: ${when} (${describeAhead(input.leadMinutes)}).`, `It meets ${input.repeats}.`];
  const subtle =
    input.kind === 'channel-panel'
      ? ['Sent to panel members only, in personal chat. Case papers come through the usual secure route, never by chat.']
      : [];
  return card(`Reminder: ${name}`, lines, subtle);
}

/** One action in a lead's reminder. */
export interface LeadReminderLine {
  ref: number;
  title: string;
  rag: Rag;
  dueDate: string | null;
  kind: 'due-soon' | 'overdue' | 'stale';
  lastUpdate?: string;
}

const HEADINGS: Record<LeadReminderLine['kind'], string> = {
  'due-soon': 'Due in the next 14 days',
  overdue: 'Overdue',
  stale: 'No update in 60 days',
};

/** One message to a lead with their actions that are due soon, overdue or not updated for 60 days. */
export function buildLeadReminderCard(input: { name: string; items: LeadReminderLine[] }): CardResult {
  const body: Element[] = [heading('Your Prevent actions need attention')];
  const out = ['Your Prevent actions need attention'];
  for (const kind of ['overdue', 'due-soon', 'stale'] as const) {
    const items = input.items.filter((i) => i.kind === kind).slice(0, 15);
    if (!items.length) continue;
    body.push(text(HEADINGS[kind], { weight: 'Bolder', separator: true }));
    out.push(`${HEADINGS[kind]}:`);
    for (const i of items) {
      const when =
        kind === 'stale' && i.lastUpdate
          ? `last updated ${formatDueDate(i.lastUpdate.slice(0, 10))}`
          : i.dueDate
            ? `due ${formatDay(i.dueDate)}`
            : '';
      const l = `Action ${i.ref} · ${shorten(i.title, 150)} (${ragWords(i.rag)}${when ? `, ${when}` : ''})`;
      body.push(text(`- ${l}`, { spacing: 'Small' }));
      out.push(`- ${l}`);
    }
  }
  const refs = input.items.map((i) => i.ref);
  const hint = `To update one, say "show action ${refs[0] ?? 1}". To pause these, say "stop reminding me about action ${refs[0] ?? 1} until January".`;
  body.push(text(hint, { isSubtle: true, size: 'Small' }));
  out.push(hint);
  return { card: adaptiveCard(body), text: out.join('\n') };
}

/** A Channel case review reminder, by opaque case reference only, for a panel member in personal chat. */
export function buildCaseReviewCard(input: { caseRef: string; reviewDue: string; daysAhead: number }): CardResult {
  const when = input.daysAhead === 0 ? 'today' : `in ${input.daysAhead === 7 ? 'a week' : `${input.daysAhead} days`}`;
  return card(
    'Channel case review due',
    [`Case ${input.caseRef} is due for its six-month review on ${formatDay(input.reviewDue)} (${when}).`],
    [`Sent to Channel panel members only, in personal chat. Say "close case ${input.caseRef}" when the review is done.`],
  );
}

/** Tells coordinators who a reminder could not reach, and why. */
export function buildUnreachableCard(input: { what: string; people: string[] }): CardResult {
  return card('Some reminders could not be delivered', [
    `I could not send ${input.what} to: ${input.people.join(', ')}.`,
    'They need to open a personal chat with me in Teams (search for the app and say hello) before I can reach them.',
  ]);
}
