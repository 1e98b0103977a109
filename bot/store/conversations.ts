import type { ConversationKind } from '../handlers/context.js';
import type { Db } from './database.js';

/** A stored conversation reference, as the notifier needs it. */
export interface StoredConversation {
  conversationId: string;
  kind: ConversationKind;
  /** the Bot Framework ConversationReference */
  reference: Record<string, unknown>;
  userChatId: string | null;
  active: boolean;
}

type Row = { conversationId: string; kind: string; reference: string; userChatId: string | null; active: boolean };
const toStored = (r: Row): StoredConversation => ({
  conversationId: r.conversationId,
  kind: r.kind as ConversationKind,
  reference: JSON.parse(r.reference) as Record<string, unknown>,
  userChatId: r.userChatId,
  active: r.active,
});

/** What this process last stored per conversation (per database), so most turns write nothing. */
const seenByDb = new WeakMap<Db, Map<string, string>>();
function seenFor(db: Db): Map<string, string> {
  let seen = seenByDb.get(db);
  if (!seen) seenByDb.set(db, (seen = new Map()));
  return seen;
}

/** Stores or refreshes a conversation reference (new conversation, changed serviceUrl, or re-activated after a 403). */
export async function rememberConversation(
  db: Db,
  input: {
    partnership: string;
    conversationId: string;
    kind: ConversationKind;
    reference: Record<string, unknown>;
    serviceUrl: string;
    tenantId?: string;
    userChatId?: string;
    now: Date;
  },
): Promise<void> {
  const stamp = `${input.serviceUrl}|${input.partnership}`;
  const seen = seenFor(db);
  if (seen.get(input.conversationId) === stamp) return;
  const partnership = await db.partnership.findUnique({ where: { name: input.partnership } });
  if (!partnership) return;
  const data = {
    kind: input.kind,
    reference: JSON.stringify(input.reference),
    serviceUrl: input.serviceUrl,
    tenantId: input.tenantId ?? null,
    userChatId: input.kind === 'personal' ? (input.userChatId ?? null) : null,
    active: true,
    updatedAt: input.now,
  };
  await db.conversationRef.upsert({
    where: { conversationId: input.conversationId },
    create: { ...data, partnershipId: partnership.id, conversationId: input.conversationId, createdAt: input.now },
    update: data,
  });
  seen.set(input.conversationId, stamp);
}

/** Where RAG changes are announced: the channel chosen with "post updates here", else the channel the bot was first installed in. */
export async function announcementConversation(db: Db, partnership: string): Promise<StoredConversation | null> {
  const row = await db.conversationRef.findFirst({
    where: { partnership: { name: partnership }, kind: 'channel', active: true },
    orderBy: [{ announcements: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
  });
  return row ? toStored(row) : null;
}

/** Makes one channel the partnership's announcement channel. */
export async function setAnnouncementConversation(db: Db, partnership: string, conversationId: string): Promise<void> {
  await db.$transaction([
    db.conversationRef.updateMany({ where: { partnership: { name: partnership } }, data: { announcements: false } }),
    db.conversationRef.update({ where: { conversationId }, data: { announcements: true } }),
  ]);
}

/** A person's personal chat with the bot, if they have ever had one and it is still active. */
export async function personalConversation(db: Db, userChatId: string): Promise<StoredConversation | null> {
  const row = await db.conversationRef.findFirst({ where: { userChatId, kind: 'personal' }, orderBy: { updatedAt: 'desc' } });
  return row ? toStored(row) : null;
}

/** Any conversation by id. */
export async function findConversation(db: Db, conversationId: string): Promise<StoredConversation | null> {
  const row = await db.conversationRef.findUnique({ where: { conversationId } });
  return row ? toStored(row) : null;
}

/** Marks a conversation inactive after a final send failure (403: bot removed or blocked). */
export async function markConversationInactive(db: Db, conversationId: string): Promise<void> {
  await db.conversationRef.updateMany({ where: { conversationId }, data: { active: false } });
  seenFor(db).delete(conversationId);
}
