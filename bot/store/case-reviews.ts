import { AppError } from '../errors.js';
import { checkCaseRef } from '../plan/confidentiality/case-ref.js';
import type { Db } from './client.js';

/** A Channel case review: an opaque reference and dates, nothing else. */
export interface CaseReviewView {
  id: number;
  partnership: string;
  timeZone: string;
  caseRef: string;
  interventionStart: string;
  reviewDue: string;
  closed: boolean;
}

type Row = {
  id: number;
  caseRef: string;
  interventionStart: string;
  reviewDue: string;
  closed: boolean;
  partnership: { name: string; timeZone: string };
};
const include = { partnership: { select: { name: true, timeZone: true } } } as const;
const toView = (r: Row): CaseReviewView => ({
  id: r.id,
  partnership: r.partnership.name,
  timeZone: r.partnership.timeZone,
  caseRef: r.caseRef,
  interventionStart: r.interventionStart,
  reviewDue: r.reviewDue,
  closed: r.closed,
});

/** Starts tracking a case review. The reference is checked first: anything like personal data is refused (PERSONAL_DATA_REFUSED) and never stored. */
export async function addCaseReview(
  db: Db,
  input: { partnership: string; caseRef: string; interventionStart: string; reviewDue: string; now: Date },
): Promise<CaseReviewView> {
  const check = checkCaseRef(input.caseRef, input.now.getUTCFullYear());
  if (!check.ok) throw new AppError('PERSONAL_DATA_REFUSED', check.message, { kind: check.kind });
  const partnership = await db.partnership.findUnique({ where: { name: input.partnership } });
  if (!partnership) throw new AppError('NOT_FOUND', `There is no partnership called "${input.partnership}".`);
  const row = await db.caseReview.upsert({
    where: { partnershipId_caseRef: { partnershipId: partnership.id, caseRef: check.ref } },
    create: {
      partnershipId: partnership.id,
      caseRef: check.ref,
      interventionStart: input.interventionStart,
      reviewDue: input.reviewDue,
      createdAt: input.now,
    },
    update: { interventionStart: input.interventionStart, reviewDue: input.reviewDue, closed: false },
    include,
  });
  return toView(row);
}

/** A partnership's open case reviews, soonest due first. */
export async function listCaseReviews(db: Db, partnership: string): Promise<CaseReviewView[]> {
  const rows = await db.caseReview.findMany({
    where: { partnership: { name: partnership }, closed: false },
    orderBy: [{ reviewDue: 'asc' }, { id: 'asc' }],
    include,
  });
  return rows.map(toView);
}

/** Every open case review due on or before a date, across partnerships (for the reminder job). */
export async function openCaseReviewsDueBy(db: Db, lastDue: string): Promise<CaseReviewView[]> {
  const rows = await db.caseReview.findMany({ where: { closed: false, reviewDue: { lte: lastDue } }, orderBy: { id: 'asc' }, include });
  return rows.map(toView);
}

/** One case review by id, or null. */
export async function findCaseReview(db: Db, id: number): Promise<CaseReviewView | null> {
  const row = await db.caseReview.findUnique({ where: { id }, include });
  return row ? toView(row) : null;
}

/** Closes a case review by reference; NOT_FOUND when the partnership has no such open review. */
export async function closeCaseReview(db: Db, partnership: string, caseRef: string): Promise<CaseReviewView> {
  const row = await db.caseReview.findFirst({
    where: { partnership: { name: partnership }, caseRef: caseRef.trim().toUpperCase(), closed: false },
    include,
  });
  if (!row) throw new AppError('NOT_FOUND', `There is no open case review with that reference. Say "list case reviews" to see them.`);
  return toView(await db.caseReview.update({ where: { id: row.id }, data: { closed: true }, include }));
}
