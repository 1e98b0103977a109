import type { PlanAction, PlanView, Rag, Recurrence } from '../plan/types.js';
import { join, sqltag } from '@prisma/client/runtime/client';
import type { Db } from './client.js';
import { queryRows } from './direct-sql.js';
import type { PlanStamp } from './plan-stamp.js';

/** One row per action and lead (actions without a lead once), with the action's latest history entry. */
type Row = Omit<PlanAction, 'leads' | 'lastUpdate' | 'rag' | 'recurrence' | 'extras' | 'owner'> & {
  ownerId: number | null;
  ownerName: string | null;
  extras: string;
  rag: string;
  recurrence: string | null;
  lead: string | null;
  actorName: string | null;
  at: Date | null;
  note: string | null;
  source: string | null;
  changes: string | null;
};

/**
 * The plan's actions in full, in plan order (one row per action and lead), or only those with the ids given. Each
 * action's theme is looked up by its id: joined instead, PostgreSQL read every plan's themes to hash them (2,148 at
 * national scale), which doubled the statement's time.
 */
function actionRows(db: Db, planId: number, only?: readonly number[]): Promise<Row[]> {
  const which = only ? sqltag`a."planId" = ${planId} AND a."id" IN (${join(only)})` : sqltag`a."planId" = ${planId}`;
  return queryRows<Row>(
    db,
    sqltag`
      SELECT a."id", a."ref", a."label", a."extras", (SELECT t."name" FROM "Theme" t WHERE t."id" = a."themeId") AS "theme", a."title", a."deadlineText", a."dueDate", a."recurrence", a."outcome", a."notes",
        a."rag", a."target", a."progress", a."version", o."name" AS "lead", u."actorName", u."at", u."note", u."source", u."changes",
        w."id" AS "ownerId", w."displayName" AS "ownerName"
      FROM "Action" a
      LEFT JOIN "ActionLead" l ON l."actionId" = a."id"
      LEFT JOIN "Organisation" o ON o."id" = l."organisationId"
      LEFT JOIN "Person" w ON w."id" = a."ownerId"
      LEFT JOIN "ActionUpdate" u ON u."id" = (SELECT x."id" FROM "ActionUpdate" x WHERE x."actionId" = a."id" ORDER BY x."at" DESC, x."id" DESC LIMIT 1)
      WHERE ${which}
      ORDER BY a."ref" ASC, l."position" ASC`,
  );
}

/** Rows of one row per action and lead, one entry per action in their order, each with its leads in theirs. */
function byAction<R extends { id: unknown; lead: string | null }, T extends { leads: string[] }>(
  rows: R[],
  make: (row: R, id: number) => T,
): Map<number, T> {
  const actions = new Map<number, T>();
  for (const r of rows) {
    const id = Number(r.id);
    const seen = actions.get(id);
    if (seen) {
      if (r.lead !== null) seen.leads.push(r.lead);
      continue;
    }
    actions.set(id, make(r, id));
  }
  return actions;
}

/** PlanActions of rows from actionRows, in their order. */
function actionsOf(rows: Row[]): PlanAction[] {
  return [
    ...byAction(rows, (r, id) => ({
      id,
      ref: Number(r.ref),
      label: r.label || String(r.ref),
      theme: r.theme,
      title: r.title,
      deadlineText: r.deadlineText,
      dueDate: r.dueDate,
      recurrence: r.recurrence as Recurrence | null,
      outcome: r.outcome,
      notes: r.notes,
      rag: r.rag as Rag,
      leads: r.lead === null ? [] : [r.lead],
      target: r.target === null ? null : Number(r.target),
      progress: r.progress === null ? null : Number(r.progress),
      version: Number(r.version),
      ...(r.ownerId !== null && r.ownerName !== null ? { owner: { id: Number(r.ownerId), name: r.ownerName } } : {}),
      ...(r.extras && r.extras !== '{}' ? { extras: JSON.parse(r.extras) as Record<string, string> } : {}),
      lastUpdate:
        r.at === null
          ? null
          : {
              by: r.actorName ?? '',
              at: new Date(r.at).toISOString(),
              note: r.source === 'import' || (r.changes ?? '[]') !== '[]' ? '' : (r.note ?? ''),
            },
    })).values(),
  ];
}

/**
 * Reads a plan as plain data, given its stamp (which names the partnership and plan): two plain statements, run
 * together. Each action's latest history entry is found by one indexed probe per action, never by reading the history.
 */
export async function readPlanView(
  db: Db,
  partnership: string,
  stamp: PlanStamp & { plan: NonNullable<PlanStamp['plan']> },
): Promise<PlanView> {
  const planId = stamp.plan.id;
  // two statements, run together: the actions, and the plan's themes with the partnership's organisations (one round
  // trip fewer than a statement each: every statement costs a socket write and a read on either side)
  const [rows, named] = await Promise.all([
    actionRows(db, planId),
    queryRows<{ kind: string; name: string; aliases: string | null }>(
      db,
      sqltag`
      SELECT 'theme' AS "kind", t."name", NULL AS "aliases", t."position" AS "position" FROM "Theme" t WHERE t."planId" = ${planId}
      UNION ALL
      SELECT 'organisation' AS "kind", o."name", o."aliases", 0 AS "position" FROM "Organisation" o WHERE o."partnershipId" = ${stamp.partnershipId}
      ORDER BY "kind" DESC, "position" ASC, "name" ASC`,
    ),
  ]);
  const themes = named.filter((r) => r.kind === 'theme');
  const organisations = named.filter((r) => r.kind === 'organisation');
  return {
    partnership,
    timeZone: stamp.timeZone,
    title: stamp.plan.title,
    period: stamp.plan.period,
    planId,
    status: stamp.plan.status,
    themes: themes.map((t) => t.name),
    organisations: organisations.map((o) => ({ name: o.name, aliases: JSON.parse(o.aliases ?? '[]') as string[] })),
    actions: actionsOf(rows),
  };
}

/** What says whether an action's cached form still holds: its version, its owner (id and name) and its leads' names. */
const outlineOf = (a: { version: number; owner?: { id: number; name: string } | null; leads: readonly string[] }) =>
  JSON.stringify([a.version, a.owner?.id ?? null, a.owner?.name ?? null, a.leads]);

/**
 * The plan as `previous` was, with only the actions that changed since read again: for a plan whose stamp moved only
 * because actions were changed (their themes, organisations, plan fields and the set of actions as before). One small
 * statement (each action's id, version, owner and leads' names, in plan order), then, when any differ, one for those
 * actions in full. Null when actions were added, removed or reordered: the caller reads the whole plan.
 */
export async function refreshPlanActions(db: Db, previous: PlanView): Promise<PlanView | null> {
  const planId = previous.planId;
  if (planId === undefined) return null;
  const rows = await queryRows<{ id: unknown; version: unknown; ownerId: unknown; ownerName: string | null; lead: string | null }>(
    db,
    sqltag`
      SELECT a."id", a."version", w."id" AS "ownerId", w."displayName" AS "ownerName", o."name" AS "lead"
      FROM "Action" a
      LEFT JOIN "ActionLead" l ON l."actionId" = a."id"
      LEFT JOIN "Organisation" o ON o."id" = l."organisationId"
      LEFT JOIN "Person" w ON w."id" = a."ownerId"
      WHERE a."planId" = ${planId}
      ORDER BY a."ref" ASC, l."position" ASC`,
  );
  const now = byAction(rows, (r) => ({
    version: Number(r.version),
    ...(r.ownerId !== null && r.ownerName !== null ? { owner: { id: Number(r.ownerId), name: r.ownerName } } : {}),
    leads: r.lead === null ? [] : [r.lead],
  }));
  const ids = [...now.keys()];
  if (ids.length !== previous.actions.length || previous.actions.some((a, i) => a.id !== ids[i])) return null;
  const changed = previous.actions
    .filter((a) => {
      const current = now.get(a.id);
      return !current || outlineOf(a) !== outlineOf(current);
    })
    .map((a) => a.id);
  if (changed.length === 0) return previous;
  const fresh = new Map(actionsOf(await actionRows(db, planId, changed)).map((a) => [a.id, a]));
  if (fresh.size !== changed.length) return null; // removed meanwhile
  return { ...previous, actions: previous.actions.map((a) => fresh.get(a.id) ?? a) };
}
