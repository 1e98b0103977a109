import { fileConsentAttachment } from '../../../cards/file-consent.js';
import { buildReportCard } from '../../../cards/report-card.js';
import { formatDate } from '../../plan/dates.js';
import type { SavedReport } from '../../store/reports.js';
import type { Reply } from '../../core/context.js';

/** The Word file's name: "Prevent-Update-2026-12-04-v2.docx". */
export function reportFileName(saved: SavedReport): string {
  return `Prevent-Update-${saved.meetingDate}-v${saved.version}.docx`;
}

/** The report's summary card (Approve for a coordinator while it is a draft). */
export function reportCardReply(saved: SavedReport, canApprove: boolean): Reply {
  return buildReportCard({
    report: saved.report,
    id: saved.id,
    version: saved.version,
    status: saved.status,
    approved: saved.approved ? { by: saved.approved.name, on: saved.approved.at.slice(0, 10) } : undefined,
    canApprove,
  });
}

/** A file consent card offering the report's Word file (Teams shows Accept and Decline; personal chat only). */
export function fileOfferReply(saved: SavedReport, sizeInBytes: number): Reply {
  const meeting = `${saved.report.header.committee}, ${formatDate(saved.meetingDate)}`;
  return {
    text: `Board report ${saved.version} for ${meeting} as a Word file: accept to save it to your OneDrive.`,
    attachments: [
      fileConsentAttachment({
        name: reportFileName(saved),
        description: `Prevent Update for ${meeting} (${saved.status} ${saved.version})`,
        sizeInBytes,
        context: { reportId: saved.id },
      }),
    ],
  };
}
