import { AppError } from '../../errors.js';
import { addDays, dateIn, monthStart } from '../../plan/dates.js';
import { composeReport } from '../../plan/report/compose.js';
import { checkReportText } from '../../plan/report/guard.js';
import type { TypedCounts } from '../../plan/report/types.js';
import type { Store } from '../../store/database.js';
import type { OutboxInput } from '../../store/outbox.js';
import type { SavedReport } from '../../store/reports.js';

/** What a coordinator asks for when drafting. */
export interface DraftRequest {
  partnership: string;
  meetingDate: string;
  /** first day of the period; default: the end of the last approved report, else three months ago */
  since?: string;
  nextMeetingDate?: string;
  counts: TypedCounts;
  /** anything the coordinator typed, checked by the confidentiality guard before anything is saved */
  typed?: string;
  createdBy: string;
  at: Date;
  /** the request's id (a Teams activity id): the same request twice makes one draft */
  requestKey?: string;
  /** messages about the saved draft (the file offer), queued in the same transaction as the draft */
  announce?: (saved: SavedReport, fileBytes: number) => OutboxInput[];
}

/** Where the next draft's period starts: the end of the last approved report, else three months before today. */
export async function defaultSince(store: Store, partnership: string, today: string): Promise<string> {
  const last = await store.reports.lastApproved(partnership);
  return last ? last.periodTo : monthStart(addDays(today, -1), -3);
}

/** Drafts a board report from the stored plan and history, renders its Word file and saves both as the next version. */
export async function draftReport(store: Store, request: DraftRequest): Promise<SavedReport> {
  const done = request.requestKey ? await store.reports.byRequest(request.requestKey) : null;
  if (done) return done;
  if (request.typed) {
    const check = checkReportText(request.typed, request.at.getUTCFullYear());
    if (!check.ok)
      throw new AppError(
        'PERSONAL_DATA_REFUSED',
        `I can't draft from that: ${check.reason}. A board report gives Channel activity as counts only, never a case reference or anyone's details. Nothing was saved.`,
      );
  }
  const plan = await store.plans.require(request.partnership);
  const today = dateIn(request.at, plan.timeZone);
  const since = request.since ?? (await defaultSince(store, request.partnership, today));
  if (since > today) throw new AppError('INVALID_INPUT', 'The report period cannot start after today.');
  const [history, settings, toolkit] = await Promise.all([
    store.reports.history(request.partnership),
    store.reports.settings(request.partnership),
    store.toolkit.tags(request.partnership),
  ]);
  const report = composeReport({
    plan,
    history,
    settings,
    meetingDate: request.meetingDate,
    nextMeetingDate: request.nextMeetingDate,
    since,
    at: request.at,
    counts: request.counts,
    toolkit,
  });
  // the Word writer (docx, pngjs) is loaded when the first report is drafted, not at start-up
  const { reportDocx } = await import('../../plan/report/render/docx.js');
  const docx = await reportDocx(report);
  return store.reports.saveDraft({
    partnership: request.partnership,
    report,
    docx,
    createdBy: request.createdBy,
    at: request.at,
    requestKey: request.requestKey,
    announce: request.announce,
  });
}
