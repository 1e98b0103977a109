import { formatDate } from '../bot/plan/dates.js';
import { movementWords } from '../bot/plan/report/wording.js';
import type { BoardReport } from '../bot/plan/report/types.js';
import { ragWords } from '../bot/plan/types.js';
import { largestFitting } from './budget.js';
import { actionSet, adaptiveCard, button, factSet, heading, text, type CardResult, type Element, flagged } from './elements.js';
import { shorten } from './format.js';
import { VERBS } from './verbs.js';

/** A saved board report as the card shows it. */
export interface ReportCardInput {
  report: BoardReport;
  id: number;
  version: number;
  status: 'draft' | 'approved';
  /** when approved: who approved it (a display name for the card only) and the date */
  approved?: { by: string; on: string };
  /** show the Approve button (coordinators, drafts only) */
  canApprove: boolean;
  /** where the Word file can be downloaded, when there is a place */
  downloadUrl?: string;
}

function build(input: ReportCardInput, movementCount: number): CardResult {
  const { report } = input;
  const title = `${input.status === 'approved' ? 'Approved' : 'Draft'} board report ${input.version}: ${report.header.committee}, ${formatDate(report.header.meetingDate)}`;
  const period = `Period: ${formatDate(report.period.from)} to ${formatDate(report.period.to)}`;
  const counts = report.ragCounts.map((c) => [ragWords(c.rag), `${c.now} (at the start: ${c.atStart})`] as [string, string]);
  const moves = report.movements.slice(0, movementCount).map((m) => shorten(movementWords(m), 400));
  const hidden = report.movements.length - moves.length;
  const status =
    input.status === 'approved' && input.approved
      ? `Approved by ${input.approved.by} on ${formatDate(input.approved.on)}: it can no longer be changed.`
      : 'Draft: check the placeholders, then a coordinator approves it.';
  const withheld = report.withheld.length
    ? `${report.withheld.length} note(s) left out by the confidentiality check: ${report.withheld.map((w) => `action ${w.ref} (${w.reason})`).join('; ')}.`
    : '';
  const body: Element[] = [
    heading(title),
    text(period, { isSubtle: true, spacing: 'None' }),
    text(shorten(report.summary, 1500)),
    text('RAG ratings now', { weight: 'Bolder' }),
    factSet(counts),
    text('Moved in the period', { weight: 'Bolder' }),
    ...(moves.length ? moves.map((m) => text(`• ${m}`)) : [text('No action changed its RAG rating.')]),
    ...(hidden > 0 ? [text(`…and ${hidden} more in the document.`, { isSubtle: true })] : []),
    ...(withheld ? [flagged(withheld, 'attention', {}, { weight: 'Default' })] : []),
    text(status, { isSubtle: true }),
  ];
  const actions: Element[] = [];
  if (input.canApprove && input.status === 'draft')
    actions.push(
      button('Approve this draft', VERBS.approveReport, { reportId: input.id }, { style: 'positive', associatedInputs: 'none' }),
    );
  if (input.downloadUrl) actions.push({ type: 'Action.OpenUrl', title: 'Download the Word file', url: input.downloadUrl });
  if (actions.length) body.push(actionSet(actions));
  const lines = [title, period, report.summary, ...counts.map(([r, n]) => `${r}: ${n}`), ...moves, withheld, status].filter(Boolean);
  return { card: adaptiveCard(body), text: lines.join('\n') };
}

/** The chat summary of a board report: summary, RAG counts, movements, status, and Approve for coordinators. */
export function buildReportCard(input: ReportCardInput): CardResult {
  return largestFitting(input.report.movements.length, 0, (count) => build(input, count));
}
