import { AppError } from '../errors.js';
import type { BoardReport, ReportHistoryEntry, ReportSettings } from '../plan/report/types.js';
import type { Rag, UpdateSource } from '../plan/types.js';
import type { Db } from './client.js';
import { findLivePlan } from './live-plan.js';
import { type OutboxInput, queueInTransaction, withQueued } from './outbox.js';

/** A saved board report: the composed report and its version and sign-off. */
export interface SavedReport {
  id: number;
  version: number;
  meetingDate: string;
  periodFrom: string;
  periodTo: string;
  status: 'draft' | 'approved';
  createdAt: string;
  approved: { by: string; name: string; at: string } | null;
  report: BoardReport;
}

type Row = {
  id: number;
  version: number;
  meetingDate: string;
  periodFrom: string;
  periodTo: string;
  status: string;
  createdAt: Date;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: Date | null;
  content: string;
};

const toSaved = (r: Row): SavedReport => ({
  id: r.id,
  version: r.version,
  meetingDate: r.meetingDate,
  periodFrom: r.periodFrom,
  periodTo: r.periodTo,
  status: r.status === 'approved' ? 'approved' : 'draft',
  createdAt: r.createdAt.toISOString(),
  approved: r.approvedAt ? { by: r.approvedBy ?? '', name: r.approvedByName ?? '', at: r.approvedAt.toISOString() } : null,
  report: JSON.parse(r.content) as BoardReport,
});

async function partnershipId(db: Db, partnership: string): Promise<number> {
  const row = await db.partnership.findUnique({ where: { name: partnership }, select: { id: true } });
  if (!row) throw new AppError('NOT_FOUND', `There is no partnership called ${partnership}.`);
  return row.id;
}

/** The header a partnership's reports carry; defaults with placeholders until a coordinator sets them. */
export async function loadReportSettings(db: Db, partnership: string): Promise<ReportSettings> {
  const row = await db.reportSettings.findFirst({ where: { partnership: { name: partnership } } });
  return {
    committee: row?.committee || 'Community Safety Partnership',
    subject: row?.subject || 'Prevent Update',
    public: row?.public ?? true,
    reportOf: row?.reportOf || '[Coordinator to complete]',
    author: row?.author || '[Coordinator to complete]',
    purpose: row?.purpose === 'For Decision' ? 'For Decision' : 'For Information',
  };
}

/** Sets some of the header fields a partnership's reports carry. */
export async function saveReportSettings(db: Db, partnership: string, changes: Partial<ReportSettings>): Promise<ReportSettings> {
  const id = await partnershipId(db, partnership);
  const current = await loadReportSettings(db, partnership);
  const next = { ...current, ...changes };
  await db.reportSettings.upsert({ where: { partnershipId: id }, create: { partnershipId: id, ...next }, update: next });
  return next;
}

/** Every history entry of the partnership's live plan (but the copies carried over from an earlier plan), oldest first, as the report reads them. */
export async function loadReportHistory(db: Db, partnership: string): Promise<ReportHistoryEntry[]> {
  const plan = await findLivePlan(db, partnership);
  if (!plan) return [];
  const rows = await db.actionUpdate.findMany({
    where: { action: { planId: plan.id }, source: { not: 'carry' } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    select: { actionId: true, at: true, ragFrom: true, ragTo: true, note: true, progress: true, source: true },
  });
  return rows.map((r) => ({
    actionId: r.actionId,
    at: r.at.toISOString(),
    ragFrom: r.ragFrom as Rag,
    ragTo: r.ragTo as Rag,
    note: r.note,
    progress: r.progress,
    source: r.source as UpdateSource,
  }));
}

/** Columns read for a report (everything but the Word file). */
const WITHOUT_FILE = {
  id: true,
  version: true,
  meetingDate: true,
  periodFrom: true,
  periodTo: true,
  status: true,
  createdAt: true,
  approvedBy: true,
  approvedByName: true,
  approvedAt: true,
  content: true,
} as const;

/**
 * Saves a draft and its Word file as the partnership's next version (1, 2, 3...), with the messages `announce` makes
 * for it (the file offer) queued in the same transaction: both are saved, or neither.
 */
export async function saveDraftReport(
  db: Db,
  input: {
    partnership: string;
    report: BoardReport;
    docx: Buffer;
    createdBy: string;
    at: Date;
    requestKey?: string;
    announce?: (saved: SavedReport, fileBytes: number) => OutboxInput[];
  },
): Promise<SavedReport> {
  const id = await partnershipId(db, input.partnership);
  const earlier = () =>
    input.requestKey ? db.boardReport.findUnique({ where: { requestKey: input.requestKey }, select: WITHOUT_FILE }) : null;
  const done = await earlier();
  if (done) return toSaved(done);
  for (let attempt = 1; ; attempt++) {
    try {
      const saved = await withQueued(db, async (tx) => {
        const last = await tx.boardReport.findFirst({
          where: { partnershipId: id },
          orderBy: { version: 'desc' },
          select: { version: true },
        });
        const row = await tx.boardReport.create({
          data: {
            partnershipId: id,
            version: (last?.version ?? 0) + 1,
            meetingDate: input.report.header.meetingDate,
            periodFrom: input.report.period.from,
            periodTo: input.report.period.to,
            content: JSON.stringify(input.report),
            docx: new Uint8Array(input.docx),
            createdBy: input.createdBy,
            createdAt: input.at,
            requestKey: input.requestKey ?? null,
          },
          select: WITHOUT_FILE,
        });
        const result = toSaved(row);
        const queued = await queueInTransaction(tx, input.announce?.(result, input.docx.length) ?? [], input.at);
        return { result, queued };
      });
      return saved;
    } catch (err) {
      // the same request twice (a Teams retry) at once: the other one saved it
      const same = await earlier();
      if (same) return toSaved(same);
      // two drafts at once took the same version number: take the next one
      if (attempt < 3 && /Unique constraint|P2002/.test(String((err as { code?: string }).code ?? (err as Error).message))) continue;
      throw err;
    }
  }
}

/** One saved report of the partnership, or null. */
export async function findReport(db: Db, partnership: string, id: number): Promise<SavedReport | null> {
  const row = await db.boardReport.findFirst({ where: { id, partnership: { name: partnership } }, select: WITHOUT_FILE });
  return row ? toSaved(row) : null;
}

/** The draft a request (a Teams activity id) already made, or null. */
export async function findReportByRequest(db: Db, requestKey: string): Promise<SavedReport | null> {
  const row = await db.boardReport.findUnique({ where: { requestKey }, select: WITHOUT_FILE });
  return row ? toSaved(row) : null;
}

/** A saved report's Word file, exactly as drafted, or null. */
export async function loadReportFile(db: Db, partnership: string, id: number): Promise<Buffer | null> {
  const row = await db.boardReport.findFirst({ where: { id, partnership: { name: partnership } }, select: { docx: true } });
  return row ? Buffer.from(row.docx) : null;
}

/** The partnership's reports, newest first; `approvedOnly` lists the signed-off ones. */
export async function listReports(db: Db, partnership: string, options: { approvedOnly?: boolean } = {}): Promise<SavedReport[]> {
  const rows = await db.boardReport.findMany({
    where: { partnership: { name: partnership }, ...(options.approvedOnly ? { status: 'approved' } : {}) },
    orderBy: { version: 'desc' },
    select: WITHOUT_FILE,
  });
  return rows.map(toSaved);
}

/** The last approved report (by the end of its period), where the next draft's period starts. */
export async function lastApprovedReport(db: Db, partnership: string): Promise<SavedReport | null> {
  const row = await db.boardReport.findFirst({
    where: { partnership: { name: partnership }, status: 'approved' },
    orderBy: [{ periodTo: 'desc' }, { version: 'desc' }],
    select: WITHOUT_FILE,
  });
  return row ? toSaved(row) : null;
}

export type ApproveOutcome = { status: 'approved' | 'already approved'; report: SavedReport } | { status: 'missing' };

/** Marks a draft approved; an approved report stays as it was (the database refuses any change to it). */
export async function approveReport(
  db: Db,
  input: { partnership: string; id: number; by: { chatId: string; name: string }; at: Date },
): Promise<ApproveOutcome> {
  const changed = await db.boardReport.updateMany({
    where: { id: input.id, partnership: { name: input.partnership }, status: 'draft' },
    data: { status: 'approved', approvedBy: input.by.chatId, approvedByName: input.by.name, approvedAt: input.at },
  });
  const report = await findReport(db, input.partnership, input.id);
  if (!report) return { status: 'missing' };
  return { status: changed.count === 1 ? 'approved' : 'already approved', report };
}
