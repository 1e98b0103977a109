import { z } from 'zod';
import { buildMessageCard } from '../../../cards/message-card.js';
import type { CardActionInput, MessageInput, Reply, TurnInput } from '../../core/context.js';
import { formatDate } from '../../plan/dates.js';
import type { SavedReport } from '../../store/reports.js';
import { reportCardReply } from './report-replies.js';

/** The Approve button's data. */
export const ApproveData = z.object({ reportId: z.coerce.number().int().positive() });

function line(r: SavedReport): string {
  const status = r.approved ? `approved by ${r.approved.name} on ${formatDate(r.approved.at.slice(0, 10))}` : 'draft';
  return `Version ${r.version} · ${r.report.header.committee}, ${formatDate(r.meetingDate)} · ${formatDate(r.periodFrom)} to ${formatDate(r.periodTo)} · ${status}`;
}

/** "list board reports": approved reports (immutable) first, then the drafts, newest first. */
export async function listReportsHandler(input: MessageInput): Promise<Reply> {
  const reports = await input.services.store.reports.list(input.partnership);
  if (!reports.length)
    return buildMessageCard({
      lines: ['No board reports have been drafted yet. A coordinator can say “draft the board report for the 4 December board”.'],
    });
  const approved = reports.filter((r) => r.status === 'approved');
  const drafts = reports.filter((r) => r.status === 'draft');
  return buildMessageCard({
    title: 'Board reports',
    lines: [
      approved.length ? 'Approved (these can no longer be changed):' : 'None approved yet.',
      ...approved.map(line),
      ...(drafts.length ? ['Drafts:', ...drafts.slice(0, 10).map(line)] : []),
    ],
  });
}

async function approve(input: TurnInput, find: (reports: SavedReport[]) => SavedReport | undefined): Promise<Reply> {
  const { reports } = input.services.store;
  const target = find(await reports.list(input.partnership));
  if (!target) return buildMessageCard({ lines: ['There is no such board report. Say “list board reports” to see them.'] });
  const outcome = await reports.approve({
    partnership: input.partnership,
    id: target.id,
    by: { chatId: input.sender.aadObjectId ?? input.sender.id, name: input.person?.displayName ?? input.sender.name },
    at: input.services.now(),
  });
  if (outcome.status === 'missing') return buildMessageCard({ lines: ['That board report no longer exists.'] });
  return reportCardReply(outcome.report, false);
}

/** "approve board report 2" (coordinators): the draft becomes the approved, unchangeable record. */
export async function approveReportHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const version = Number(match[1]);
  return approve(input, (reports) => reports.find((r) => r.version === version));
}

/** The Approve button on a report card (coordinators): the card is replaced by the approved one. */
export async function approveReportButton(input: CardActionInput, data: z.infer<typeof ApproveData>): Promise<{ replaceCard: Reply }> {
  return { replaceCard: await approve(input, (reports) => reports.find((r) => r.id === data.reportId)) };
}
