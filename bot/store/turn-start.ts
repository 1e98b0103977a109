import type { PlanView } from '../plan/types.js';
import type { Db } from './client.js';
import { loadDialog, type DialogKey, type StoredDialog } from './dialogs.js';
import { isLive } from './live-plan.js';
import { objectIdOf, settleSender } from './people.js';
import { isSender, PERSON_COLUMNS, rowToInfo, type PersonInfo, type PersonRow } from './people-rows.js';
import { cachedPlanView } from './plan-cache.js';
import { settingsOf, type PrivacySettings } from './privacy-settings.js';
import { STAMP_COLUMNS, stampOf, type StampRow } from './plan-stamp.js';
import { queryRows } from './direct-sql.js';
import { empty, sqltag, type Sql } from '@prisma/client/runtime/client';

/** What a turn read with its sender, for the turn's first look at the live plan and at the sender's conversation in progress. */
export interface TurnReads {
  partnership: string;
  /** the live plan as of the turn's start (from the per-process cache when its stamp is unchanged) */
  livePlan(): Promise<PlanView | null>;
  /** where the sender's conversation in progress would be */
  dialogKey: DialogKey;
  /** the sender's conversation in progress there, as of the turn's start */
  dialog(): Promise<StoredDialog | null>;
  /** the partnership's privacy settings, as of the turn's start */
  privacy: PrivacySettings;
  /** who may update actions (coordinators and leads, as people.updaters lists them), when the turn asked for them */
  updaters?: PersonInfo[];
}

type Row = StampRow & { dialogId: number | null; rosterSeenAt: unknown; updaters?: PersonRow[] | null } & {
  [K in keyof PersonRow]: PersonRow[K] | null;
} & {
  [K in keyof PrivacySettings]: PrivacySettings[K] | null;
};

/** Who a turn is from and where: what its first reads are about. */
export interface TurnOpening {
  partnership: string;
  sender: { id: string; name: string; aadObjectId?: string };
  conversationId: string;
  /** PostgreSQL, read ahead with the conversation: also who may update actions (a card that shows or updates an action) */
  updaters?: boolean;
}

/** A turn opened: the sender as the store knows them (null: nobody it knows), and its first reads. */
export type OpenedTurn = { person: PersonInfo | null; reads: TurnReads };

/**
 * A turn's first reads, made by the statement that found its conversation (see enterConversation): what the sender's
 * first contact needs to know, and the turn opened from them as openTurn would open it, without another statement.
 */
export interface TurnReadAhead {
  /** the sender's record as the roster left it: null when no one in the partnership has their object id (see rosterState) */
  roster: { fromRoster: boolean } | null;
  open(): Promise<OpenedTurn | null>;
}

/**
 * The select list and joins of a turn's first reads over `"Partnership" p`: the sender's candidates (one row each, or one
 * row of nulls), whether they have a conversation in progress here, the live plan's stamp and the privacy settings.
 */
export function turnReadsSql({ sender, conversationId, updaters }: Omit<TurnOpening, 'partnership'>): { columns: Sql; joins: Sql } {
  return readsSql({ conversationId, chatId: sender.id, aadObjectId: objectIdOf(sender), updaters });
}

/**
 * Where a turn's first reads look, as values or as SQL: a column of a list of turns read together (see enterClaiming),
 * with `updaters` then a boolean column saying which of them asked for who may update.
 */
export interface ReadsAt {
  conversationId: string | Sql;
  chatId: string | Sql;
  aadObjectId: string | Sql | null;
  updaters?: boolean | Sql;
}

/** turnReadsSql's select list and joins for a turn given as values or as a list's columns (see ReadsAt). */
export function readsSql({ conversationId, chatId, aadObjectId, updaters }: ReadsAt): { columns: Sql; joins: Sql } {
  const whoMayUpdate =
    updaters === true
      ? sqltag`${UPDATERS_SELECT} AS "updaters",`
      : updaters
        ? sqltag`CASE WHEN ${updaters} THEN ${UPDATERS_SELECT} END AS "updaters",`
        : empty;
  return {
    columns: sqltag`${STAMP_COLUMNS}, ${whoMayUpdate}
      (SELECT d."id" FROM "DialogState" d WHERE d."conversationId" = ${conversationId} AND d."userChatId" = ${chatId}) AS "dialogId",
      ${PERSON_COLUMNS}, pe."rosterSeenAt" AS "rosterSeenAt",
      pp."postNotesToChannel", pp."referralEmail", pp."referralPhone", pp."referralFormUrl", pp."referralOutOfHours"`,
    joins: sqltag`
    LEFT JOIN "PartnershipPrivacy" pp ON pp."partnershipId" = p."id"
    LEFT JOIN "Plan" pl ON pl."partnershipId" = p."id" AND ${isLive('pl')}
    ${typeof chatId === 'string' ? sqltag`LEFT JOIN "Person" pe ON pe."partnershipId" = p."id" AND ${isSender(aadObjectId, chatId)}` : sqltag`LEFT JOIN LATERAL (SELECT * FROM "Person" pe WHERE pe."partnershipId" = p."id" AND ${isSender(aadObjectId, chatId)} OFFSET 0) pe ON true`}
    LEFT JOIN "Organisation" po ON po."id" = pe."organisationId"`,
  };
}

/**
 * PostgreSQL: the partnership's coordinators and leads as one JSON value, the rows people.updaters reads (same columns,
 * same order; the creation time as UTC text), so a card update needs no statement of its own to know who may update.
 */
const UPDATERS_SELECT = sqltag`(
      SELECT json_agg(json_build_object('id', u."id", 'aadObjectId', u."aadObjectId", 'tenantId', u."tenantId", 'chatId', u."chatId",
        'displayName', u."displayName", 'email', u."email", 'userPrincipalName', u."userPrincipalName", 'guest', u."guest",
        'removedAt', u."removedAt", 'role', u."role", 'createdAt', to_char(u."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'organisation', uo."name") ORDER BY u."displayName" ASC)
      FROM "Person" u LEFT JOIN "Organisation" uo ON uo."id" = u."organisationId"
      WHERE u."partnershipId" = p."id" AND u."role" IN ('coordinator', 'lead')
    )`;

/**
 * A turn's first reads in one statement: the sender (as identifySender finds them), whether they have a conversation in
 * progress here, the live plan's stamp (see readPlanStamp) and the privacy settings. Null when the partnership does not exist.
 */
export async function openTurn(db: Db, input: TurnOpening): Promise<OpenedTurn | null> {
  const { columns, joins } = turnReadsSql(input);
  const rows = await queryRows<Row>(db, sqltag`SELECT ${columns} FROM "Partnership" p ${joins} WHERE p."name" = ${input.partnership}`);
  return openedFrom(db, rows, input);
}

/** The read-ahead of a turn from rows selected with turnReadsSql (see TurnReadAhead). */
export function readAhead(db: Db, rows: Row[], input: TurnOpening): TurnReadAhead {
  const aad = objectIdOf(input.sender);
  const mine = aad ? rows.filter((r) => r.id !== null && r.aadObjectId === aad) : [];
  return {
    roster: mine.length ? { fromRoster: mine.some((r) => Boolean(r.rosterSeenAt || r.email)) } : null,
    open: () => openedFrom(db, rows, input),
  };
}

async function openedFrom(db: Db, rows: Row[], input: TurnOpening): Promise<OpenedTurn | null> {
  const { partnership, sender, conversationId } = input;
  const first = rows[0];
  if (!first) return null;
  const candidates = rows.filter((r): r is Row & PersonRow => r.id !== null).map(rowToInfo);
  const stamp = stampOf(first);
  return {
    person: await settleSender(db, candidates, sender),
    reads: {
      partnership,
      livePlan: () => cachedPlanView(db, partnership, undefined, stamp),
      dialogKey: { conversationId, userChatId: sender.id },
      privacy: settingsOf(first),
      ...(first.updaters === undefined ? {} : { updaters: (first.updaters ?? []).map(rowToInfo) }),
      dialog: () => loadDialog(db, { conversationId, userChatId: sender.id }, first.dialogId === null ? null : Number(first.dialogId)),
    },
  };
}
