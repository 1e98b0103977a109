import type { Db } from './client.js';

/** A partnership's current plan in brief: its ids and headline fields, and a stamp that changes whenever its PlanView would. */
export interface PlanStamp {
  partnershipId: number;
  timeZone: string;
  plan: { id: number; title: string; period: string } | null;
  stamp: string;
}

type Row = {
  partnershipId: number;
  timeZone: string;
  planId: number | null;
  title: string | null;
  period: string | null;
  importedAt: unknown;
  [aggregate: string]: unknown;
};

const text = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v));

/**
 * One small indexed query: the partnership, its latest plan and aggregates over everything a PlanView is made of.
 * Correct across instances because every change to an action bumps its version (optimistic concurrency relies on
 * that too) and every history entry comes with such a change; actions are added (count, sum of ids), re-imports
 * move the plan's importedAt and add organisations or aliases (count, alias lengths) and themes (count, names by position).
 */
export async function readPlanStamp(db: Db, partnership: string): Promise<PlanStamp | null> {
  // One aggregate subquery per table (no MAX(id): PostgreSQL would answer it by scanning the whole primary key).
  const rows = await db.$queryRaw<Row[]>`
    SELECT p."id" AS "partnershipId", p."timeZone" AS "timeZone",
      pl."id" AS "planId", pl."title" AS "title", pl."period" AS "period", pl."importedAt" AS "importedAt",
      (SELECT COUNT(*) || ':' || COALESCE(SUM(a."version"), 0) || ':' || COALESCE(SUM(a."id"), 0) || ':' || COALESCE(CAST(MAX(a."updatedAt") AS TEXT), '')
        FROM "Action" a WHERE a."planId" = pl."id") AS "actions",
      (SELECT COUNT(*) || ':' || COALESCE(SUM(LENGTH(o."aliases")), 0) FROM "Organisation" o WHERE o."partnershipId" = p."id") AS "organisations",
      (SELECT COUNT(*) || ':' || COALESCE(SUM(LENGTH(t."name") * (t."position" + 1)), 0) FROM "Theme" t WHERE t."planId" = pl."id") AS "themes"
    FROM "Partnership" p
    LEFT JOIN "Plan" pl ON pl."id" = (SELECT x."id" FROM "Plan" x WHERE x."partnershipId" = p."id" ORDER BY x."importedAt" DESC, x."id" DESC LIMIT 1)
    WHERE p."name" = ${partnership}`;
  const row = rows[0];
  if (!row) return null;
  const { partnershipId, timeZone, planId, title, period, ...rest } = row;
  return {
    partnershipId: Number(partnershipId),
    timeZone,
    plan: planId === null ? null : { id: Number(planId), title: title ?? '', period: period ?? '' },
    stamp: [
      partnershipId,
      timeZone,
      planId,
      title,
      period,
      ...Object.keys(rest)
        .sort()
        .map((k) => `${k}=${text(rest[k])}`),
    ]
      .map(text)
      .join('|'),
  };
}
