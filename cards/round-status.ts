import type { LeadProgress, RoundProgress } from '../bot/plan/rounds.js';
import { largestFitting } from './budget.js';
import { actionLabel } from './describe.js';
import { adaptiveCard, heading, text, type CardResult, type Element } from './elements.js';
import { shorten } from './format.js';
import { roundName, timeAndDay } from './round-words.js';

export interface RoundStatusInput {
  round: {
    title: string;
    meetingDate: string;
    deadline: Date;
    status: 'open' | 'closed';
    createdAt: Date;
    reminderSentAt: Date | null;
    closedAt: Date | null;
  };
  timeZone: string;
  progress: RoundProgress;
  /** when leads who have not replied are reminded */
  reminderAt: Date;
  /** the current instant: a reminder time already past is not promised */
  now: Date;
  /** the summary sent to the coordinator when the round closes */
  closing?: boolean;
}

const UNREACHABLE =
  'Could not be reached (they have not added me in personal chat, or have removed or blocked me; ask them to open a chat with me in Teams, and say "delivery problems" for the list)';

function stateLine(input: RoundStatusInput): string {
  const { round, timeZone } = input;
  if (round.status === 'closed') return `Closed at ${timeAndDay(round.closedAt ?? round.deadline, timeZone)}.`;
  const due = `Open: updates are due by ${timeAndDay(round.deadline, timeZone)}.`;
  if (round.reminderSentAt) return `${due} A reminder was sent at ${timeAndDay(round.reminderSentAt, timeZone)}.`;
  if (input.reminderAt > round.createdAt && input.reminderAt > input.now)
    return `${due} Leads who have not replied will be reminded at ${timeAndDay(input.reminderAt, timeZone)}.`;
  return due;
}

function leadLines(lead: LeadProgress, detailed: boolean, timeZone: string): string[] {
  const who = lead.organisation ? `${lead.name} (${lead.organisation})` : lead.name;
  const updated = lead.actions.filter((a) => a.update).length;
  const head = `${who}: ${updated} of ${lead.actions.length} updated`;
  if (!detailed) return [head];
  return [
    head,
    ...lead.actions.map(
      (a) =>
        `  ${actionLabel({ ref: a.ref, title: shorten(a.title, 80) })}: ${a.update ? `updated by ${a.update.by} at ${timeAndDay(a.update.at, timeZone)}` : 'no update yet'}`,
    ),
  ];
}

function build(input: RoundStatusInput, detailedLeads: number): CardResult {
  const { progress } = input;
  const name = roundName(input.round);
  const title = input.closing ? `The update round for ${name} has closed` : `Update round for ${name}`;
  const totals = `${progress.leadsAnswered} of ${progress.leads.length} leads have replied; ${progress.actionsUpdated} of ${progress.actionsTotal} actions have been updated.`;
  const body: Element[] = [heading(title), text(stateLine(input)), text(totals, { weight: 'Bolder' })];
  const lines = [title, stateLine(input), totals];
  const closed = input.round.status === 'closed';
  const groups: [string, LeadProgress[]][] = [
    ['Replied', progress.leads.filter((l) => l.answered)],
    [closed ? 'Did not reply' : 'Not replied yet', progress.leads.filter((l) => !l.answered && !l.unreachable)],
    [UNREACHABLE, progress.leads.filter((l) => !l.answered && l.unreachable)],
  ];
  let shown = 0;
  for (const [label, leads] of groups) {
    if (!leads.length) continue;
    const groupLines = leads.flatMap((lead) => leadLines(lead, shown++ < detailedLeads, input.timeZone));
    body.push(
      text(label, { weight: 'Bolder', spacing: 'Medium' }),
      text(groupLines.map((l) => `- ${l.trim()}`).join('\n'), { spacing: 'Small' }),
    );
    lines.push(`${label}:`, ...groupLines.map((l) => (l.startsWith('  ') ? `    - ${l.trim()}` : `- ${l}`)));
  }
  const footer = input.closing
    ? 'The updates are in each action\'s history: ask "history of action" and its number.'
    : 'Ask "update round status" again at any time.';
  body.push(text(footer, { isSubtle: true }));
  lines.push(footer);
  return { card: adaptiveCard(body), text: lines.join('\n') };
}

/** Where an update round stands (or its closing summary): who has replied, who has not, who could not be reached, per action. */
export function buildRoundStatusCard(input: RoundStatusInput): CardResult {
  return largestFitting(input.progress.leads.length, 0, (count) => build(input, count));
}
