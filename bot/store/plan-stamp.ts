import type { PlanStatus } from '../plan/types.js';
import type { Db } from './client.js';
import { LIVE } from './live-plan.js';

/** A partnership's current plan in brief: its ids and headline fields, and a stamp that changes whenever its PlanView would. */
export interface PlanStamp {
  partnershipId: number;
  timeZone: string;
  plan: { id: number; title: string; period: string; status: PlanStatus } | null;
  stamp: string;
}

type Row = {
  partnershipId: number;
  timeZone: string;
  planId: number | null;
  title: string | null;
  period: string | null;
  status: string | null;
  importedAt: unknown;
  [aggregate: string]: unknown;
};

const text = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v));

/**
 * One small indexed query: the partnership, its live plan (or the plan with the id given, when it is the partnership's) and aggregates over everything a PlanView is made of.
 * Correct across instances because every change to an action bumps its version (optimistic concurrency relies on
 * that too) and every history entry comes with such a change; actions are added (count, sum of ids), re-imports
 * move the plan's importedAt and add organisations or aliases (count, alias lengths) and themes (count, names by position).
 */
export async function readPlanStamp(db: Db, partnership: string, planId?: number): Promise<PlanStamp | null> {
  // One aggregate subquery per table (no MAX(id): PostgreSQL would answer it by scanning the whole primary key).
  const rows = planId === undefined ? await stampRows(db, partnership, LIVE) : await stampRowsOf(db, partnership, planId);
  const row = rows[0];
  if (!row) return null;
  const { partnershipId, timeZone, planId: id, title, period, status, ...rest } = row;
  return {
    partnershipId: Number(partnershipId),
    timeZone,
    plan: id === null ? null : { id: Number(id), title: title ?? '', period: period ?? '', status: (status ?? LIVE) as PlanStatus },
    stamp: [
      partnershipId,
      timeZone,
      id,
      title,
      period,
      status,
      ...Object.keys(rest)
        .sort()
        .map((k) => `${k}=${text(rest[k])}`),
    ]
      .map(text)
      .join('|'),
  };
}

/** The stamp's row for the partnership's live plan (the partial unique index makes it at most one). */
function stampRows(db: Db, partnership: string, live: PlanStatus): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT p."id" AS "partnershipId", p."timeZone" AS "timeZone",
      pl."id" AS "planId", pl."title" AS "title", pl."period" AS "period", pl."status" AS "status", pl."importedAt" AS "importedAt",
      (SELECT COUNT(*) || ':' || COALESCE(SUM(a."version"), 0) || ':' || COALESCE(SUM(a."id"), 0) || ':' || COALESCE(CAST(MAX(a."updatedAt") AS TEXT), '')
        FROM "Action" a WHERE a."planId" = pl."id") AS "actions",
      (SELECT COUNT(*) || ':' || COALESCE(SUM(LENGTH(o."aliases")), 0) FROM "Organisation" o WHERE o."partnershipId" = p."id") AS "organisations",
      (SELECT COUNT(*) || ':' || COALESCE(SUM(LENGTH(t."name") * (t."position" + 1)), 0) FROM "Theme" t WHERE t."planId" = pl."id") AS "themes"
    FROM "Partnership" p
    LEFT JOIN "Plan" pl ON pl."partnershipId" = p."id" AND pl."status" = ${live}
    WHERE p."name" = ${partnership}`;
}

/** The stamp's row for one plan of the partnership (none when the id is another partnership's). */
function stampRowsOf(db: Db, partnership: string, planId: number): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT p."id" AS "partnershipId", p."timeZone" AS "timeZone",
      pl."id" AS "planId", pl."title" AS "title", pl."period" AS "period", pl."status" AS "status", pl."importedAt" AS "importedAt",
      (SELECT COUNT(*) || ':' || COALESCE(SUM(a."version"), 0) || ':' || COALESCE(SUM(a."id"), 0) || ':' || COALESCE(CAST(MAX(a."updatedAt") AS TEXT), '')
        FROM "Action" a WHERE a."planId" = pl."id") AS "actions",
      (SELECT COUNT(*) || ':' || COALESCE(SUM(LENGTH(o."aliases")), 0) FROM "Organisation" o WHERE o."partnershipId" = p."id") AS "organisations",
      (SELECT COUNT(*) || ':' || COALESCE(SUM(LENGTH(t."name") * (t."position" + 1)), 0) FROM "Theme" t WHERE t."planId" = pl."id") AS "themes"
    FROM "Partnership" p
    LEFT JOIN "Plan" pl ON pl."partnershipId" = p."id" AND pl."id" = ${planId}
    WHERE p."name" = ${partnership}`;
}
