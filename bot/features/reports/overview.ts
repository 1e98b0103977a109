import { buildMessageCard } from '../../../cards/message-card.js';
import { formatDate } from '../../plan/dates.js';
import { buildOverview, overviewLines, quarterOf } from '../../plan/report/overview.js';
import type { MessageInput, Reply } from '../../core/context.js';
import { planAndToday } from '../../handlers/plan-source.js';

async function overviewReply(input: MessageInput, period: { from: string; to: string; label: string }, title: string): Promise<Reply> {
  const { plan } = await planAndToday(input.services, input.partnership);
  const [history, reports] = await Promise.all([
    input.services.store.reports.history(input.partnership),
    input.services.store.reports.list(input.partnership, { approvedOnly: true }),
  ]);
  const overview = buildOverview({
    plan,
    history,
    ...period,
    at: input.services.now(),
    reports: reports.map((r) => ({ periodTo: r.periodTo, counts: r.report.counts })),
  });
  return buildMessageCard({ title, lines: [`${formatDate(period.from)} to ${formatDate(period.to)}`, ...overviewLines(overview)] });
}

/** "how did we do this quarter?" / "last quarter": the calendar quarter's movements, completions, targets and training. */
export async function quarterHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const { today } = await planAndToday(input.services, input.partnership);
  const quarter = quarterOf(today, match[1]?.toLowerCase() === 'last' ? 'last' : 'this');
  return overviewReply(input, quarter, `How we did: ${quarter.label}`);
}

/** "annual summary [for 2026]": the calendar year, for the annual Prevent assurance return. */
export async function annualHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const { today } = await planAndToday(input.services, input.partnership);
  const year = match[1] ?? today.slice(0, 4);
  return overviewReply(input, { from: `${year}-01-01`, to: `${year}-12-31`, label: year }, `Annual summary ${year}`);
}
