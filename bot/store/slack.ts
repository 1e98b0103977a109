import { confirmedAddresses } from '../plan/identity.js';
import type { ConversationKind } from '../core/types.js';
import type { Db } from './client.js';
import type { DefaultPartnershipPolicy } from './partnerships.js';
import { sqltag } from '@prisma/client/runtime/client';
import { PERSON_COLUMNS, rowToInfo, type PersonInfo, type PersonRow } from './people-rows.js';
import { queryRows } from './direct-sql.js';
import { bindPendingGrants, removeMember } from './roster.js';

// Slack's side of the people and conversations tables: a person is identified by (workspace id, user id),
// a workspace belongs to one partnership, and a Slack channel or DM is a stored conversation like a Teams one.

/** The chat id a person known only from Slack is stored (and reached in personal chat) under. */
export const slackChatId = (teamId: string, userId: string): string => `slack:${teamId}:${userId}`;

/** The conversation id of a Slack channel, group DM or DM. */
export const slackConversationId = (teamId: string, channel: string): string => `slack:${teamId}:${channel}`;

/** Where a Slack conversation is: what the Slack sender needs to post there. */
export interface SlackReference {
  platform: 'slack';
  teamId: string;
  channel: string;
}

const withOrg = { organisation: { select: { name: true } } } as const;
type PrismaPerson = Omit<Parameters<typeof rowToInfo>[0], 'organisation'> & { organisation: { name: string } | null };
const toInfo = (p: PrismaPerson): PersonInfo => rowToInfo({ ...p, organisation: p.organisation?.name ?? null });

/**
 * The partnership a Slack workspace belongs to: the one linked to its team id; else, outside production and while no
 * partnership is linked to any workspace, the default partnership (for trying the bot out); else none.
 */
export async function partnershipForSlackTeam(
  db: Db,
  teamId: string,
  defaultPartnership: string,
  policy: DefaultPartnershipPolicy = { production: false },
): Promise<string | null> {
  // one statement per event: the workspace's partnership, and whether any workspace is linked at all
  const [row] = await queryRows<{ linked: string | null; anyLinked: unknown }>(
    db,
    sqltag`SELECT (SELECT p."name" FROM "Partnership" p WHERE p."slackTeamId" = ${teamId}) AS "linked",
      EXISTS (SELECT 1 FROM "Partnership" p WHERE p."slackTeamId" IS NOT NULL) AS "anyLinked"`,
  );
  if (row?.linked) return row.linked;
  if (policy.production) return null;
  const anyLinked = row?.anyLinked === true || Number(row?.anyLinked) === 1;
  return anyLinked ? null : defaultPartnership;
}

/** Links a partnership (created if new) to a Slack workspace; a workspace belongs to one partnership at a time. */
export async function linkPartnershipToSlackTeam(db: Db, partnership: string, teamId: string): Promise<{ movedFrom: string | null }> {
  const previous = await db.partnership.findUnique({ where: { slackTeamId: teamId }, select: { name: true } });
  if (previous && previous.name !== partnership)
    await db.partnership.update({ where: { slackTeamId: teamId }, data: { slackTeamId: null } });
  await db.partnership.upsert({
    where: { name: partnership },
    create: { name: partnership, slackTeamId: teamId },
    update: { slackTeamId: teamId },
  });
  return { movedFrom: previous && previous.name !== partnership ? previous.name : null };
}

/** The person behind a Slack user, by workspace and user id (never the display name, which is refreshed when it changes). */
export async function identifySlackSender(
  db: Db,
  partnership: string,
  sender: { teamId: string; userId: string; name: string },
): Promise<PersonInfo | null> {
  const [row] = await queryRows<PersonRow>(
    db,
    sqltag`SELECT ${PERSON_COLUMNS}
    FROM "Person" pe JOIN "Partnership" s ON s."id" = pe."partnershipId" LEFT JOIN "Organisation" po ON po."id" = pe."organisationId"
    WHERE s."name" = ${partnership} AND pe."slackTeamId" = ${sender.teamId} AND pe."slackUserId" = ${sender.userId}`,
  );
  if (!row) return null;
  if (!sender.name || row.displayName === sender.name) return rowToInfo(row);
  return toInfo(await db.person.update({ where: { id: Number(row.id) }, data: { displayName: sender.name }, include: withOrg }));
}

/** What Slack's users.info says about a member of a linked workspace. */
export interface SlackMember {
  teamId: string;
  userId: string;
  displayName: string;
  /** only when Slack says the address is confirmed */
  email: string | null;
}

/**
 * Records a Slack user as users.info describes them: the person already known by these Slack ids; else the person
 * whose email another platform (the Teams roster) confirmed and Slack confirms too (one person on both platforms);
 * else a new member. Then binds any grant waiting for their confirmed address.
 */
export async function recordSlackMember(
  db: Db,
  input: { partnership: string; member: SlackMember; now: Date; pendingDays: number },
): Promise<{ personId: number; linked: boolean; bound: { role: string; address: string }[] }> {
  const partnership = await db.partnership.findUnique({ where: { name: input.partnership } });
  if (!partnership) return { personId: 0, linked: false, bound: [] };
  const m = input.member;
  const addresses = confirmedAddresses({ email: m.email });
  const byIds = await db.person.findFirst({ where: { partnershipId: partnership.id, slackTeamId: m.teamId, slackUserId: m.userId } });
  const byAddress =
    byIds || !addresses.length
      ? null
      : await db.person.findFirst({
          where: { partnershipId: partnership.id, email: { in: addresses }, aadObjectId: { not: null }, slackUserId: null },
        });
  const slackIds = { slackTeamId: m.teamId, slackUserId: m.userId };
  const row = byIds
    ? await db.person.update({
        where: { id: byIds.id },
        data: { displayName: m.displayName, ...(addresses[0] ? { email: addresses[0] } : {}) },
      })
    : byAddress
      ? await db.person.update({ where: { id: byAddress.id }, data: slackIds })
      : await db.person.create({
          data: {
            partnershipId: partnership.id,
            ...slackIds,
            chatId: slackChatId(m.teamId, m.userId),
            displayName: m.displayName,
            email: addresses[0] ?? null,
            createdAt: input.now,
          },
        });
  if (byAddress) {
    // their Slack personal chat now reaches the person under their chat id
    await db.conversationRef.updateMany({
      where: { userChatId: slackChatId(m.teamId, m.userId), kind: 'personal' },
      data: { userChatId: row.chatId },
    });
  }
  const bound = await bindPendingGrants(db, {
    partnershipId: partnership.id,
    personId: row.id,
    subject: `${row.displayName} (Slack ${m.teamId}/${m.userId})`,
    addresses,
    now: input.now,
    pendingDays: input.pendingDays,
    confirmedBy: 'Slack',
  });
  return { personId: row.id, linked: Boolean(byAddress), bound };
}

/** The chat id of the person with these Slack ids (to file their DM under), or null when unknown. */
export async function slackPersonChatId(db: Db, partnership: string, teamId: string, userId: string): Promise<string | null> {
  const row = await db.person.findFirst({
    where: { partnership: { name: partnership }, slackTeamId: teamId, slackUserId: userId },
    select: { chatId: true },
  });
  return row?.chatId ?? null;
}

const REFRESH_MS = 12 * 60 * 60_000;

/**
 * Remembers a Slack channel or DM as a conversation of the partnership (so announcements, reminders and digests can
 * reach it). One read per turn; a write when it is new, inactive, filed under another person, or not used for 12 hours
 * (a person on both platforms is reminded in the personal chat they used last).
 */
export async function rememberSlackConversation(
  db: Db,
  input: { partnership: string; teamId: string; channel: string; kind: ConversationKind; userChatId: string | null; now: Date },
): Promise<string> {
  const conversationId = slackConversationId(input.teamId, input.channel);
  const [row] = await queryRows<{ active: boolean; userChatId: string | null; updatedAt: Date; kind: string }>(
    db,
    sqltag`SELECT c."active", c."userChatId", c."updatedAt", c."kind" FROM "ConversationRef" c WHERE c."conversationId" = ${conversationId}`,
  );
  const userChatId = input.kind === 'personal' ? input.userChatId : null;
  const fresh = row && input.now.getTime() - row.updatedAt.getTime() < REFRESH_MS;
  // a kind that differs is corrected at once (a group DM stored as a channel before Slack was asked)
  if (row?.active && row.userChatId === userChatId && row.kind === input.kind && fresh) return conversationId;
  const partnership = await db.partnership.findUnique({ where: { name: input.partnership }, select: { id: true } });
  if (!partnership) return conversationId;
  const reference: SlackReference = { platform: 'slack', teamId: input.teamId, channel: input.channel };
  const data = {
    platform: 'slack',
    kind: input.kind,
    reference: JSON.stringify(reference),
    serviceUrl: 'slack',
    userChatId,
    active: true,
    updatedAt: input.now,
  };
  await db.conversationRef.upsert({
    where: { conversationId },
    create: { ...data, partnershipId: partnership.id, conversationId, createdAt: input.now },
    update: data,
  });
  return conversationId;
}

/**
 * Someone was deactivated in (left) a Slack workspace: their Slack DM is not used again. Someone known only from Slack
 * also loses their role, Channel panel place and reminders, as a member who leaves the Teams team does (audited, by
 * "Slack"); someone known in Teams too keeps them, since leaving a Slack workspace is not leaving the partnership.
 * Returns how many people of any partnership were removed.
 */
export async function slackMemberLeft(db: Db, input: { teamId: string; userId: string; now: Date }): Promise<number> {
  const people = await db.person.findMany({
    where: { slackTeamId: input.teamId, slackUserId: input.userId },
    select: { chatId: true, aadObjectId: true, partnership: { select: { name: true } } },
  });
  let removed = 0;
  for (const person of people) {
    await db.conversationRef.updateMany({
      where: {
        platform: 'slack',
        kind: 'personal',
        userChatId: person.chatId,
        conversationId: { startsWith: slackConversationId(input.teamId, '') },
      },
      data: { active: false, inactiveReason: 'removed' },
    });
    if (person.aadObjectId) continue;
    const gone = await removeMember(db, {
      partnership: person.partnership.name,
      chatId: person.chatId,
      now: input.now,
      seenBy: { label: 'Slack', how: 'deactivated in the Slack workspace' },
    });
    if (gone) removed++;
  }
  return removed;
}

/**
 * The bot was removed from a Slack channel (or the app from the workspace, when `channel` is omitted): those
 * conversations are not posted to again, so RAG changes go to the next channel the bot is in. Returns the
 * conversations stopped, with their partnership, so coordinators can be told.
 */
export async function slackConversationsLeft(
  db: Db,
  input: { teamId: string; channel?: string },
): Promise<{ partnership: string; conversationId: string; kind: string; announcements: boolean }[]> {
  const rows = await db.conversationRef.findMany({
    where: {
      platform: 'slack',
      active: true,
      ...(input.channel
        ? { conversationId: slackConversationId(input.teamId, input.channel) }
        : { conversationId: { startsWith: slackConversationId(input.teamId, '') } }),
    },
    select: { conversationId: true, kind: true, announcements: true, partnership: { select: { name: true } } },
  });
  if (!rows.length) return [];
  await db.conversationRef.updateMany({
    where: { conversationId: { in: rows.map((r) => r.conversationId) } },
    data: { active: false, inactiveReason: 'removed' },
  });
  return rows.map((r) => ({
    partnership: r.partnership.name,
    conversationId: r.conversationId,
    kind: r.kind,
    announcements: r.announcements,
  }));
}
