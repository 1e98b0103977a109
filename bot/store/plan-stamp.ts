import { sqltag, type Sql } from '@prisma/client/runtime/client';
import type { PlanStatus } from '../plan/types.js';
import type { Db } from './client.js';
import { isLive, LIVE } from './live-plan.js';
import { queryRows } from './direct-sql.js';

/** A partnership's current plan in brief: its ids and headline fields, and a stamp that changes whenever its PlanView would. */
export interface PlanStamp {
  partnershipId: number;
  timeZone: string;
  plan: { id: number; title: string; period: string; status: PlanStatus } | null;
  stamp: string;
}

/** The stamp's columns of a row selected with STAMP_COLUMNS. */
export type StampRow = {
  partnershipId: number;
  timeZone: string;
  planId: number | null;
  title: string | null;
  period: string | null;
  status: string | null;
  importedAt: unknown;
  actions: unknown;
  organisations: unknown;
  themes: unknown;
};

const text = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v));

/**
 * The stamp's columns over `"Partnership" p` and `"Plan" pl`: the partnership, the plan and aggregates over everything a
 * PlanView is made of. One aggregate subquery per table (no MAX(id): PostgreSQL would answer it by scanning the whole
 * primary key). Correct across instances because every change to an action bumps its version (optimistic concurrency
 * relies on that too) and every history entry comes with such a change; actions are added (count, sum of ids), re-imports
 * move the plan's importedAt and add organisations or aliases (count, alias lengths) and themes (count, names by position).
 */
export const STAMP_COLUMNS: Sql = sqltag`p."id" AS "partnershipId", p."timeZone" AS "timeZone",
      pl."id" AS "planId", pl."title" AS "title", pl."period" AS "period", pl."status" AS "status", pl."importedAt" AS "importedAt",
      (SELECT COUNT(*) || ':' || COALESCE(SUM(a."version"), 0) || ':' || COALESCE(SUM(a."id"), 0) || ':' || COALESCE(CAST(MAX(a."updatedAt") AS TEXT), '')
        FROM "Action" a WHERE a."planId" = pl."id") AS "actions",
      (SELECT COUNT(*) || ':' || COALESCE(SUM(LENGTH(o."aliases")), 0) FROM "Organisation" o WHERE o."partnershipId" = p."id") AS "organisations",
      (SELECT COUNT(*) || ':' || COALESCE(SUM(LENGTH(t."name") * (t."position" + 1)), 0) FROM "Theme" t WHERE t."planId" = pl."id") AS "themes"`;

const ACTIONS = 'actions=';

/**
 * A stamp without its actions part: two stamps alike in this differ only in the plan's actions (versions, ids, count,
 * latest change), so a cached view needs only its changed actions read again. The actions part comes last and never
 * holds `|actions=` itself, so the last one marks it whatever the plan's title says.
 */
export function withoutActions(stamp: string): string {
  return stamp.slice(0, stamp.lastIndexOf(`|${ACTIONS}`));
}

/** A stamp's actions part (what its `actions` column said). */
export function actionsPart(stamp: string): string {
  return stamp.slice(stamp.lastIndexOf(`|${ACTIONS}`) + ACTIONS.length + 1);
}

/** The stamp with another actions part. */
export function withActions(stamp: string, actions: string): string {
  return `${withoutActions(stamp)}|${ACTIONS}${actions}`;
}

/** The PlanStamp of a row selected with STAMP_COLUMNS. */
export function stampOf(row: StampRow): PlanStamp {
  const { partnershipId, timeZone, planId: id, title, period, status } = row;
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
      `importedAt=${text(row.importedAt)}`,
      `organisations=${text(row.organisations)}`,
      `themes=${text(row.themes)}`,
      // last: see withoutActions
      `${ACTIONS}${text(row.actions)}`,
    ]
      .map(text)
      .join('|'),
  };
}

/** One small indexed query: the partnership's live plan (or the plan with the id given, when it is the partnership's) and its stamp. */
export async function readPlanStamp(db: Db, partnership: string, planId?: number): Promise<PlanStamp | null> {
  const which = planId === undefined ? isLive('pl') : sqltag`pl."id" = ${planId}`;
  const rows = await queryRows<StampRow>(
    db,
    sqltag`
    SELECT ${STAMP_COLUMNS}
    FROM "Partnership" p
    LEFT JOIN "Plan" pl ON pl."partnershipId" = p."id" AND ${which}
    WHERE p."name" = ${partnership}`,
  );
  const row = rows[0];
  return row ? stampOf(row) : null;
}
