import type { PlanAction, PlanView, Rag, Recurrence } from '../plan/types.js';
import { join, sqltag, type Sql } from '@prisma/client/runtime/client';
import type { Db } from './client.js';
import { coalesced } from './coalesce.js';
import { isPostgres } from './dialect.js';
import { queryRows } from './direct-sql.js';
import type { PlanStamp } from './plan-stamp.js';

/** One row per action and lead (actions without a lead once), with the action's latest history entry and its plan's id. */
type Row = Omit<PlanAction, 'leads' | 'lastUpdate' | 'rag' | 'recurrence' | 'extras' | 'owner'> & {
  planId: unknown;
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

/** A list of plan ids as one bound value (PostgreSQL's `= ANY`). */
const idList = (ids: readonly number[]) => sqltag`ANY(CAST(${[...ids]} AS integer[]))`;

/**
 * How actionRows reaches each action's leads, owner and latest history entry. On PostgreSQL by each action, through its
 * indexes (`LATERAL`, with `OFFSET 0` so they are not flattened back into joins): joined over several plans' actions,
 * PostgreSQL read every action lead, organisation and person to hash them, and 25 plans took 50–64 ms against 20–25 ms.
 * SQLite has no `LATERAL` and finds them by index as joins.
 */
function actionJoins(db: Db): { lead: Sql; joins: Sql } {
  const latest = sqltag`LEFT JOIN "ActionUpdate" u ON u."id" = (SELECT x."id" FROM "ActionUpdate" x WHERE x."actionId" = a."id" ORDER BY x."at" DESC, x."id" DESC LIMIT 1)`;
  if (!isPostgres(db)) {
    return {
      lead: sqltag`o."name"`,
      joins: sqltag`LEFT JOIN "ActionLead" l ON l."actionId" = a."id"
      LEFT JOIN "Organisation" o ON o."id" = l."organisationId"
      LEFT JOIN "Person" w ON w."id" = a."ownerId"
      ${latest}`,
    };
  }
  return {
    lead: sqltag`l."lead"`,
    joins: sqltag`${latest}
      LEFT JOIN LATERAL (SELECT w."id", w."displayName" FROM "Person" w WHERE w."id" = a."ownerId" OFFSET 0) w ON true
      LEFT JOIN LATERAL (SELECT o."name" AS "lead", l."position" FROM "ActionLead" l JOIN "Organisation" o ON o."id" = l."organisationId" WHERE l."actionId" = a."id" OFFSET 0) l ON true`,
  };
}

/**
 * The plan's actions in full, in plan order (one row per action and lead), or only those with the ids given; given
 * several plans (PostgreSQL), theirs, plan by plan. Each action's theme is looked up by its id: joined instead,
 * PostgreSQL read every plan's themes to hash them (2,148 at national scale), which doubled the statement's time.
 */
function actionRows(db: Db, planIds: readonly number[], only?: readonly number[]): Promise<Row[]> {
  const plans = planIds.length === 1 ? sqltag`a."planId" = ${planIds[0]}` : sqltag`a."planId" = ${idList(planIds)}`;
  const which = only ? sqltag`${plans} AND a."id" IN (${join(only)})` : plans;
  const { lead, joins } = actionJoins(db);
  return queryRows<Row>(
    db,
    sqltag`
      SELECT a."id", a."planId", a."ref", a."label", a."extras", (SELECT t."name" FROM "Theme" t WHERE t."id" = a."themeId") AS "theme", a."title", a."deadlineText", a."dueDate", a."recurrence", a."outcome", a."notes",
        a."rag", a."target", a."progress", a."version", ${lead} AS "lead", u."actorName", u."at", u."note", u."source", u."changes",
        w."id" AS "ownerId", w."displayName" AS "ownerName"
      FROM "Action" a
      ${joins}
      WHERE ${which}
      ORDER BY a."planId" ASC, a."ref" ASC, l."position" ASC`,
  );
}

/** A plan's themes (by their plan) and a partnership's organisations (by their partnership), in the order a view lists them. */
type NamedRow = { kind: 'theme' | 'organisation'; owner: unknown; name: string; aliases: string | null };

/** The themes of the plans and the organisations of the partnerships given: one statement (PostgreSQL for several). */
function namedRows(db: Db, planIds: readonly number[], partnershipIds: readonly number[]): Promise<NamedRow[]> {
  const [plan, partnership] = planIds.length === 1 && partnershipIds.length === 1 ? [planIds[0], partnershipIds[0]] : [null, null];
  const themesOf = plan !== null ? sqltag`= ${plan}` : sqltag`= ${idList(planIds)}`;
  const organisationsOf = partnership !== null ? sqltag`= ${partnership}` : sqltag`= ${idList(partnershipIds)}`;
  return queryRows<NamedRow>(
    db,
    sqltag`
      SELECT 'theme' AS "kind", t."planId" AS "owner", t."name", NULL AS "aliases", t."position" AS "position" FROM "Theme" t WHERE t."planId" ${themesOf}
      UNION ALL
      SELECT 'organisation' AS "kind", o."partnershipId" AS "owner", o."name", o."aliases", 0 AS "position" FROM "Organisation" o WHERE o."partnershipId" ${organisationsOf}
      ORDER BY "kind" DESC, "position" ASC, "name" ASC`,
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

/** What reading a plan needs: the partnership it is read for and its stamp (which names the partnership and plan). */
type Reading = { partnership: string; stamp: PlanStamp & { plan: NonNullable<PlanStamp['plan']> } };

/** A PlanView from its plan's rows: its actions' rows and its themes' and organisations' (in their order). */
function viewOf({ partnership, stamp }: Reading, rows: Row[], named: NamedRow[]): PlanView {
  const themes = named.filter((r) => r.kind === 'theme' && Number(r.owner) === stamp.plan.id);
  const organisations = named.filter((r) => r.kind === 'organisation' && Number(r.owner) === stamp.partnershipId);
  return {
    partnership,
    timeZone: stamp.timeZone,
    title: stamp.plan.title,
    period: stamp.plan.period,
    planId: stamp.plan.id,
    status: stamp.plan.status,
    themes: themes.map((t) => t.name),
    organisations: organisations.map((o) => ({ name: o.name, aliases: JSON.parse(o.aliases ?? '[]') as string[] })),
    actions: actionsOf(rows),
  };
}

/**
 * Plans read together: two statements for all of them, run together (the actions of every plan, and the plans' themes
 * with the partnerships' organisations); each view built from its own plan's rows. The same plan asked for twice is
 * read once.
 */
async function readTogether(db: Db, readings: Reading[]): Promise<PlanView[]> {
  const planIds = [...new Set(readings.map((r) => r.stamp.plan.id))];
  const partnershipIds = [...new Set(readings.map((r) => r.stamp.partnershipId))];
  const [rows, named] = await Promise.all([actionRows(db, planIds), namedRows(db, planIds, partnershipIds)]);
  const byPlan = new Map<number, Row[]>(planIds.map((id) => [id, []]));
  for (const row of rows) byPlan.get(Number(row.planId))?.push(row);
  return readings.map((r) => viewOf(r, byPlan.get(r.stamp.plan.id) ?? [], named));
}

/** Each PostgreSQL database's plans being read, together (see coalesced). */
const reading = new WeakMap<Db, (r: Reading) => Promise<PlanView>>();

/**
 * Plans a statement reads at most. Smaller lists kept the first questions' p99 lower in the national bench (4 plans:
 * 496 and 528 ms; 8: 917 ms; 25: 701–1,138 ms in five runs) at about the same CPU a question.
 */
const PLANS_TOGETHER = 4;

/**
 * Reads a plan as plain data, given its stamp (which names the partnership and plan): two plain statements, run
 * together. Each action's latest history entry is found by one indexed probe per action, never by reading the history.
 * On PostgreSQL, plans asked for while another plan's statements are in flight (the first questions in many
 * partnerships after a start) are read together in the next two, up to PLANS_TOGETHER: a round trip and a wake-up of
 * the server for many plans, not for each; a plan asked for on its own is read at once, as before.
 */
export function readPlanView(db: Db, partnership: string, stamp: PlanStamp & { plan: NonNullable<PlanStamp['plan']> }): Promise<PlanView> {
  if (!isPostgres(db)) return readTogether(db, [{ partnership, stamp }]).then(([view]) => view as PlanView);
  let read = reading.get(db);
  if (!read) {
    read = coalesced((readings: Reading[]) => readTogether(db, readings), PLANS_TOGETHER);
    reading.set(db, read);
  }
  return read({ partnership, stamp });
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
  const fresh = new Map(actionsOf(await actionRows(db, [planId], changed)).map((a) => [a.id, a]));
  if (fresh.size !== changed.length) return null; // removed meanwhile
  return { ...previous, actions: previous.actions.map((a) => fresh.get(a.id) ?? a) };
}
