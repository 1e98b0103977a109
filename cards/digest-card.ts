import { countWords, type Digest, type DigestItem } from '../bot/plan/digest.js';
import { formatDay, formatWhen } from '../bot/plan/schedule/describe.js';
import { ragWords } from '../bot/plan/types.js';
import { largestFitting } from './budget.js';
import { ragChange } from './describe.js';
import { adaptiveCard, heading, text, type CardResult, type Element } from './elements.js';
import { formatDueDate, shorten } from './format.js';

/** The digest and the time zone its times are shown in. */
export interface DigestCardInput {
  digest: Digest;
  timeZone: string;
}

type Section = { title: string; empty: string; lines: string[] };

const due = (i: DigestItem) => (i.dueDate ? `, due ${formatDueDate(i.dueDate)}` : '');
const line = (i: DigestItem, extra = '') => `Action ${i.ref} · ${shorten(i.title, 120)} (${ragWords(i.rag)}${due(i)})${extra}`;

function sections(input: DigestCardInput): Section[] {
  const { digest, timeZone } = input;
  return [
    {
      title: 'RAG changes this week',
      empty: 'No RAG changes this week.',
      lines: digest.changes.map(
        (c) =>
          `Action ${c.ref} · ${shorten(c.title, 120)}: ${ragChange(c.from, c.to)}, by ${c.by}, ${formatWhen(new Date(c.at), timeZone)}`,
      ),
    },
    { title: 'Overdue actions', empty: 'No actions are overdue.', lines: digest.overdue.map((i) => line(i)) },
    { title: 'Deadlines in the next 30 days', empty: 'No deadlines in the next 30 days.', lines: digest.dueSoon.map((i) => line(i)) },
    {
      title: 'No update in 60 days',
      empty: 'Every open action has been updated in the last 60 days.',
      lines: digest.stale.map((i) => line(i, `, last updated ${formatDueDate(i.lastUpdate.slice(0, 10))}`)),
    },
    {
      title: 'Open update rounds',
      empty: 'No update rounds are open.',
      lines: digest.rounds.map(
        (r) =>
          `${shorten(r.title, 200)}: meeting ${formatDay(r.meetingDate)}, answers due ${formatWhen(new Date(r.deadline), timeZone)}; ${r.answered} answered, ${r.pending} waiting`,
      ),
    },
    ...(digest.unreachable.length
      ? [
          {
            title: 'People I cannot reach in personal chat',
            empty: '',
            lines: [`${digest.unreachable.join(', ')}. Ask them to open a chat with me in Teams so reminders reach them.`],
          },
        ]
      : []),
  ];
}

function build(input: DigestCardInput, perSection: number): CardResult {
  const { digest } = input;
  const title = `Weekly digest: ${shorten(digest.planTitle, 200)}`;
  const subtitle = `${digest.partnership}, ${formatDay(digest.today)}`;
  const isNew = digest.counts.every((c) => c.lastWeek === null);
  const counts = `RAG ratings: ${digest.counts.map(countWords).join(', ')}${isNew ? ' (the plan is new this week, so there is nothing to compare with)' : ''}`;
  const body: Element[] = [heading(title), text(subtitle, { isSubtle: true, spacing: 'None' }), text(counts, { weight: 'Bolder' })];
  const out: string[] = [title, subtitle, counts];
  for (const section of sections(input)) {
    const header = section.lines.length ? `${section.title} (${section.lines.length})` : section.title;
    body.push(text(header, { weight: 'Bolder', separator: true }));
    out.push('', `${header}:`);
    const shown = section.lines.slice(0, perSection).map((l) => `- ${l}`);
    for (const l of shown.length ? shown : [section.empty]) {
      body.push(text(l, { spacing: 'Small' }));
      out.push(l);
    }
    const hidden = section.lines.length - shown.length;
    if (section.lines.length && hidden > 0) {
      const more = `and ${hidden} more not shown.`;
      body.push(text(more, { isSubtle: true, spacing: 'Small' }));
      out.push(more);
    }
  }
  return { card: adaptiveCard(body), text: out.join('\n') };
}

/** The weekly digest for coordinators: RAG counts with last week's, changes, overdue, due soon, stale, open rounds. */
export function buildDigestCard(input: DigestCardInput): CardResult {
  return largestFitting(10, 1, (count) => build(input, count));
}
