import type { ConversationKind, Platform } from '../core/types.js';
import type { Db } from './client.js';
import type { ReachFailure } from './outbox.js';
import { queryRows } from './direct-sql.js';
import { isPostgres } from './dialect.js';
import { sqltag } from '@prisma/client/runtime/client';
import { readAhead, type TurnOpening, type TurnReadAhead } from './turn-start.js';
import { enterClaiming, type ClaimSeen, type EnterRow } from './enter-claiming.js';

/** A stored conversation reference, as the notifier needs it. */
export interface StoredConversation {
  conversationId: string;
  /** which front end delivers to it */
  platform: Platform;
  kind: ConversationKind;
  /** the Bot Framework ConversationReference */
  reference: Record<string, unknown>;
  userChatId: string | null;
  active: boolean;
  /** why it is inactive, when Teams said (removed the app, blocked the bot, ...) */
  inactiveReason: ReachFailure | null;
}

type Row = {
  conversationId: string;
  platform: string;
  kind: string;
  reference: string;
  userChatId: string | null;
  active: boolean | number;
  inactiveReason: string | null;
};
/** A boolean column as either database answers it: PostgreSQL true or false, SQLite 1 or 0. */
const isTrue = (v: unknown) => v === true || Number(v) === 1;
const toStored = (r: Row): StoredConversation => ({
  conversationId: r.conversationId,
  platform: r.platform === 'slack' ? 'slack' : 'teams',
  kind: r.kind as ConversationKind,
  reference: JSON.parse(r.reference) as Record<string, unknown>,
  userChatId: r.userChatId,
  active: isTrue(r.active),
  inactiveReason: isTrue(r.active) ? null : ((r.inactiveReason as ReachFailure | null) ?? null),
});

/** What a turn tells the store about the conversation it came from. */
export interface ConversationSeen {
  conversationId: string;
  kind: ConversationKind;
  reference: Record<string, unknown>;
  serviceUrl: string;
  tenantId?: string;
  userChatId?: string;
  now: Date;
}

/**
 * The partnership a conversation belongs to, remembering the conversation on the way: the one it was first
 * seen with, else the one `forNew` picks (its tenant's); null when it belongs to none. One indexed read per
 * turn and a write only when something changed: new conversation, moved serviceUrl, or inactive after a 403.
 * No per-process cache, so a conversation marked inactive by any instance is re-activated by the next turn on any other.
 * Given the turn's claim, on PostgreSQL the same statement inserts it when the conversation is known (one round trip
 * fewer): `claimed` says whether it did (false: the key was there already), undefined when it was not tried. Given the
 * sender too, that statement also makes the turn's first reads (see openTurn): `ahead`, another round trip fewer; with
 * `also.updaters`, those include who may update actions (for a card that shows or updates one).
 */
export async function enterConversation(
  db: Db,
  seen: ConversationSeen,
  forNew: () => Promise<string | null>,
  claim?: ClaimSeen,
  sender?: TurnOpening['sender'],
  also: Pick<TurnOpening, 'updaters'> = {},
): Promise<{ partnership: string | null; claimed?: boolean; ahead?: TurnReadAhead }> {
  const claiming = claim && isPostgres(db);
  const rows = claiming
    ? await enterClaiming(db, { conversationId: seen.conversationId, claim, sender, also })
    : await enter(db, seen.conversationId);
  const row = rows[0];
  const partnership = row?.name ?? (await forNew());
  if (!partnership) return { partnership: null };
  const active = isTrue(row?.active);
  if (!active || row?.serviceUrl !== seen.serviceUrl) await rememberConversation(db, { ...seen, partnership });
  return {
    partnership,
    ...(row?.claimed === undefined ? {} : { claimed: Number(row.claimed) === 1 }),
    ...(row && sender && claiming
      ? { ahead: readAhead(db, rows as never, { partnership, sender, conversationId: seen.conversationId }) }
      : {}),
  };
}

// one statement (Prisma would read the relation with a second one)
const enter = (db: Db, conversationId: string) =>
  queryRows<EnterRow>(
    db,
    sqltag`
    SELECT c."serviceUrl" AS "serviceUrl", c."active" AS "active", p."name" AS "name"
    FROM "ConversationRef" c JOIN "Partnership" p ON p."id" = c."partnershipId"
    WHERE c."conversationId" = ${conversationId}`,
  );

/** Stores or refreshes a conversation reference (new conversation, changed serviceUrl, or re-activated after a 403). */
export async function rememberConversation(db: Db, input: ConversationSeen & { partnership: string }): Promise<void> {
  const partnership = await db.partnership.findUnique({ where: { name: input.partnership } });
  if (!partnership) return;
  const data = {
    kind: input.kind,
    reference: JSON.stringify(input.reference),
    serviceUrl: input.serviceUrl,
    tenantId: input.tenantId ?? null,
    userChatId: input.kind === 'personal' ? (input.userChatId ?? null) : null,
    active: true,
    inactiveReason: null,
    updatedAt: input.now,
  };
  await db.conversationRef.upsert({
    where: { conversationId: input.conversationId },
    create: { ...data, partnershipId: partnership.id, conversationId: input.conversationId, createdAt: input.now },
    update: data,
  });
}

/**
 * Where RAG changes are announced on one platform (Teams unless said): the channel chosen with "post updates here",
 * else the channel the bot was first added to.
 */
export async function announcementConversation(
  db: Db,
  partnership: string,
  platform: Platform = 'teams',
): Promise<StoredConversation | null> {
  const row = await db.conversationRef.findFirst({
    where: { partnership: { name: partnership }, kind: 'channel', active: true, platform },
    orderBy: [{ announcements: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  return row ? toStored(row) : null;
}

/** The partnership's announcement channel on each platform it uses (Teams first). */
export async function announcementConversations(db: Db, partnership: string): Promise<StoredConversation[]> {
  // one plain statement (on every RAG change): the partnership's active channels in announcementConversation's order,
  // then the first on each platform
  const rows = await queryRows<Row>(
    db,
    sqltag`
    SELECT c."conversationId", c."platform", c."kind", c."reference", c."userChatId", c."active", c."inactiveReason"
    FROM "ConversationRef" c JOIN "Partnership" p ON p."id" = c."partnershipId"
    WHERE p."name" = ${partnership} AND c."kind" = 'channel' AND c."active" = ${true} AND c."platform" IN ('teams', 'slack')
    ORDER BY c."announcements" DESC, c."createdAt" ASC, c."id" ASC`,
  );
  const each = (['teams', 'slack'] as const).map((platform) => rows.find((r) => r.platform === platform) ?? null);
  return each.filter((r) => r !== null).map(toStored);
}

/** Makes one channel the partnership's announcement channel on its platform. */
export async function setAnnouncementConversation(db: Db, partnership: string, conversationId: string): Promise<void> {
  const platform = (await db.conversationRef.findUnique({ where: { conversationId }, select: { platform: true } }))?.platform ?? 'teams';
  await db.$transaction([
    db.conversationRef.updateMany({ where: { partnership: { name: partnership }, platform }, data: { announcements: false } }),
    db.conversationRef.update({ where: { conversationId }, data: { announcements: true } }),
  ]);
}

/** A person's personal chat with the bot, if they have ever had one and it is still active. */
export async function personalConversation(db: Db, userChatId: string): Promise<StoredConversation | null> {
  const row = await db.conversationRef.findFirst({
    where: { userChatId, kind: 'personal' },
    orderBy: [{ active: 'desc' }, { updatedAt: 'desc' }],
  });
  return row ? toStored(row) : null;
}

/** Any conversation by id (one plain statement: the outbox sender reads it for every message it sends). */
export async function findConversation(db: Db, conversationId: string): Promise<StoredConversation | null> {
  const [row] = await queryRows<Row>(
    db,
    sqltag`
    SELECT c."conversationId", c."platform", c."kind", c."reference", c."userChatId", c."active", c."inactiveReason"
    FROM "ConversationRef" c WHERE c."conversationId" = ${conversationId}`,
  );
  return row ? toStored(row) : null;
}

/** Marks a conversation inactive after a final send failure (403: bot removed or blocked). */
export async function markConversationInactive(db: Db, conversationId: string, reason: ReachFailure = 'removed-or-blocked'): Promise<void> {
  await db.conversationRef.updateMany({ where: { conversationId }, data: { active: false, inactiveReason: reason } });
}

/** The partnership a stored conversation belongs to, or null when the conversation is unknown. */
export async function conversationPartnership(db: Db, conversationId: string): Promise<string | null> {
  const row = await db.conversationRef.findUnique({ where: { conversationId }, select: { partnership: { select: { name: true } } } });
  return row?.partnership.name ?? null;
}
