import type { RoundItemView, RoundUpdateView } from '../plan/rounds.js';
import type { Db } from './client.js';
import { withBusyRetry } from './retry.js';

/** An update round as handlers see it. */
export interface RoundInfo {
  id: number;
  partnership: string;
  timeZone: string;
  title: string;
  /** YYYY-MM-DD */
  meetingDate: string;
  deadline: Date;
  status: 'open' | 'closed';
  createdBy: string;
  createdByChatId: string | null;
  createdAt: Date;
  reminderSentAt: Date | null;
  closedAt: Date | null;
}

/** A round item with what is needed to reach its lead. */
export interface RoundItemInfo extends RoundItemView {
  itemId: number;
  chatId: string;
}

const withPartnership = { partnership: { select: { name: true, timeZone: true } } } as const;
type Row = {
  id: number;
  title: string;
  meetingDate: string;
  deadline: Date;
  status: string;
  createdBy: string;
  createdByChatId: string | null;
  createdAt: Date;
  reminderSentAt: Date | null;
  closedAt: Date | null;
  partnership: { name: string; timeZone: string };
};
const toInfo = ({ partnership, ...r }: Row): RoundInfo => ({
  ...r,
  partnership: partnership.name,
  timeZone: partnership.timeZone,
  status: r.status === 'closed' ? 'closed' : 'open',
});

/** The partnership's most recent round, or its open one when `open` is set. */
export async function latestRound(db: Db, partnership: string, options: { open?: boolean } = {}): Promise<RoundInfo | null> {
  const row = await db.updateRound.findFirst({
    where: { partnership: { name: partnership }, ...(options.open ? { status: 'open' } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    include: withPartnership,
  });
  return row ? toInfo(row) : null;
}

/** One round by id. */
export async function findRound(db: Db, id: number): Promise<RoundInfo | null> {
  const row = await db.updateRound.findUnique({ where: { id }, include: withPartnership });
  return row ? toInfo(row) : null;
}

/** Every open round of every partnership (for the deadline job). */
export async function openRounds(db: Db): Promise<RoundInfo[]> {
  return (await db.updateRound.findMany({ where: { status: 'open' }, include: withPartnership, orderBy: { id: 'asc' } })).map(toInfo);
}

/** Creates a round and its items in one transaction; null when the partnership already has an open round. */
export async function createRound(
  db: Db,
  input: {
    partnership: string;
    title: string;
    meetingDate: string;
    deadline: Date;
    createdBy: string;
    createdByChatId: string | null;
    createdAt: Date;
    items: { actionId: number; personId: number }[];
  },
): Promise<RoundInfo | null> {
  const id = await withBusyRetry(() =>
    db.$transaction(async (tx) => {
      const partnership = await tx.partnership.findUniqueOrThrow({ where: { name: input.partnership } });
      if (await tx.updateRound.count({ where: { partnershipId: partnership.id, status: 'open' } })) return null;
      const { title, meetingDate, deadline, createdBy, createdByChatId, createdAt } = input;
      const round = await tx.updateRound.create({
        data: { partnershipId: partnership.id, title, meetingDate, deadline, createdBy, createdByChatId, createdAt },
      });
      if (input.items.length)
        await tx.updateRoundItem.createMany({
          data: input.items.map((i) => ({ actionId: i.actionId, personId: i.personId, roundId: round.id })),
        });
      return round.id;
    }),
  );
  return id === null ? null : findRound(db, id);
}

/** A round's items with their actions and leads. */
export async function roundItems(db: Db, roundId: number): Promise<RoundItemInfo[]> {
  const rows = await db.updateRoundItem.findMany({
    where: { roundId },
    include: {
      action: { select: { ref: true, title: true } },
      person: { select: { displayName: true, chatId: true, organisation: { select: { name: true } } } },
    },
    orderBy: [{ personId: 'asc' }, { actionId: 'asc' }],
  });
  return rows.map((r) => ({
    itemId: r.id,
    actionId: r.actionId,
    ref: r.action.ref,
    title: r.action.title,
    personId: r.personId,
    personName: r.person.displayName,
    organisation: r.person.organisation?.name ?? null,
    chatId: r.person.chatId,
    unreachable: r.status === 'unreachable',
  }));
}

/** Updates to these actions since a moment, from cards, chat or the command line (imports do not count). */
export async function updatesSince(db: Db, actionIds: number[], since: Date): Promise<RoundUpdateView[]> {
  const rows = await db.actionUpdate.findMany({
    where: { actionId: { in: actionIds }, at: { gte: since }, source: { notIn: ['import', 'carry'] } },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => ({ actionId: r.actionId, at: r.at.toISOString(), by: r.actorName, historyId: r.id }));
}

/** Marks the leads the bot could not reach, so the status and summary list them. */
export async function markUnreachable(db: Db, roundId: number, personIds: number[]): Promise<void> {
  if (personIds.length)
    await db.updateRoundItem.updateMany({ where: { roundId, personId: { in: personIds } }, data: { status: 'unreachable' } });
}

/** Claims a round's one reminder; false when it was already sent (by this or another instance) or the round is closed. */
export async function claimReminder(db: Db, roundId: number, at: Date): Promise<boolean> {
  const claimed = await db.updateRound.updateMany({
    where: { id: roundId, status: 'open', reminderSentAt: null },
    data: { reminderSentAt: at },
  });
  return claimed.count === 1;
}

/** Closes an open round, recording which items were answered by which update; false when it was already closed. */
export async function closeRound(
  db: Db,
  roundId: number,
  at: Date,
  answered: { itemId: number; answeredAt: Date; updateId: number }[],
): Promise<boolean> {
  return withBusyRetry(() =>
    db.$transaction(async (tx) => {
      const closed = await tx.updateRound.updateMany({ where: { id: roundId, status: 'open' }, data: { status: 'closed', closedAt: at } });
      if (closed.count !== 1) return false;
      for (const a of answered)
        await tx.updateRoundItem.update({
          where: { id: a.itemId },
          data: { status: 'answered', answeredAt: a.answeredAt, updateId: a.updateId },
        });
      return true;
    }),
  );
}
