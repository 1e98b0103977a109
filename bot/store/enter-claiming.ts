import type { Db } from './client.js';
import { coalesced } from './coalesce.js';
import { queryRows } from './direct-sql.js';
import { quickCommit } from './dialect.js';
import { objectIdOf } from './people.js';
import { readsSql, turnReadsSql, type TurnOpening } from './turn-start.js';
import { empty, sqltag } from '@prisma/client/runtime/client';

/** A turn's claim (see claimTurn), made by the statement that reads its conversation where the database allows. */
export interface ClaimSeen {
  key: string;
  at: Date;
  ttlMs: number;
}

/** What the statement that finds a turn's conversation answers: one row per candidate for the sender, none when unknown. */
export type EnterRow = { serviceUrl: string; active: unknown; name: string; claimed?: unknown; updaters?: unknown };

/** One turn's conversation to read and claim, with the sender whose first reads it makes (see enterConversation). */
export interface Entering {
  conversationId: string;
  claim: ClaimSeen;
  sender?: TurnOpening['sender'];
  also: Pick<TurnOpening, 'updaters'>;
}

/** A turn whose first reads are made with its conversation: the turns read together. */
type Opening = Entering & { sender: TurnOpening['sender'] };

/** Each database's turns opening, read and claimed together (see coalesced). */
const opening = new WeakMap<Db, (turn: Opening) => Promise<EnterRow[]>>();

/**
 * PostgreSQL: the conversation read and, when it is known, the turn claimed, in one statement; given the sender, with
 * the turn's first reads (one row per candidate for the sender, as openTurn's statement). The claim's insert is not
 * seen by the reads, which read nothing it writes; its commit does not wait for the disk (see quickCommit).
 * Turns that open while another's statement is in flight go together in the next one (see enterTogether): at fifty
 * conversations a statement every few turns, while a turn on its own is read at once.
 */
export function enterClaiming(db: Db, turn: Entering): Promise<EnterRow[]> {
  const { sender } = turn;
  if (!sender) return enterOne(db, turn);
  let enter = opening.get(db);
  if (!enter) {
    enter = coalesced((turns) => enterTogether(db, turns));
    opening.set(db, enter);
  }
  return enter({ ...turn, sender });
}

/**
 * The rows of each turn, from one statement over the list of them. A key given twice (a retry arriving with its first
 * delivery) is claimed once: by the first in the list; the others go after it, each on its own, so they find that claim.
 */
async function enterTogether(db: Db, turns: Opening[]): Promise<EnterRow[][]> {
  const keys = new Set<string>();
  const list = turns.filter((t) => !keys.has(t.claim.key) && keys.add(t.claim.key));
  const found = new Map<Entering, EnterRow[]>(list.map((t) => [t, []]));
  const [only] = list;
  if (only && list.length === 1) found.set(only, await enterOne(db, only));
  else {
    for (const { n, ...row } of await queryRows<EnterRow & { n: unknown }>(db, enterListSql(db, list))) {
      const turn = list[Number(n) - 1];
      if (turn && !turn.also.updaters) delete row.updaters;
      if (turn) found.get(turn)?.push(row);
    }
  }
  const answers: EnterRow[][] = [];
  for (const turn of turns) answers.push(found.get(turn) ?? (await enterOne(db, turn)));
  return answers;
}

function enterOne(db: Db, { conversationId, claim, sender, also }: Entering): Promise<EnterRow[]> {
  const reads = sender && turnReadsSql({ sender, conversationId, ...also });
  return queryRows<EnterRow>(
    db,
    sqltag`
    WITH conv AS (
      SELECT c."serviceUrl", c."active", c."partnershipId", p."name"
      FROM "ConversationRef" c JOIN "Partnership" p ON p."id" = c."partnershipId"
      WHERE c."conversationId" = ${conversationId}
    ), claim AS (
      INSERT INTO "TurnReply" ("activityKey", "status", "claimedAt", "expiresAt", "sent")
      SELECT ${claim.key}, 'running', ${claim.at}, ${expiry(claim)}, 0 WHERE EXISTS (SELECT 1 FROM conv) ${quickCommit(db)}
      ON CONFLICT ("activityKey") DO NOTHING
      RETURNING 1
    )
    SELECT conv."serviceUrl" AS "serviceUrl", conv."active" AS "active", conv."name" AS "name", (SELECT COUNT(*) FROM claim) AS "claimed"
      ${reads ? sqltag`, ${reads.columns}` : empty}
    FROM conv ${reads ? sqltag`JOIN "Partnership" p ON p."id" = conv."partnershipId" ${reads.joins}` : empty}`,
  );
}

const expiry = (claim: ClaimSeen) => new Date(claim.at.getTime() + claim.ttlMs);

/**
 * enterOne's statement for a list of turns with senders and distinct keys, each row numbered (`n`, from 1) by its
 * turn's place in the list. The list's columns are arrays, one element a turn, unnested together.
 */
function enterListSql(db: Db, turns: Opening[]) {
  const column = <T>(of: (t: Opening) => T) => turns.map(of);
  const reads = readsSql({
    conversationId: sqltag`i."conversationId"`,
    chatId: sqltag`i."chatId"`,
    aadObjectId: sqltag`i."aadObjectId"`,
    updaters: turns.some((t) => t.also.updaters) ? sqltag`i."updaters"` : false,
  });
  return sqltag`
    WITH i AS MATERIALIZED (
      SELECT * FROM unnest(CAST(${column((t) => t.conversationId)} AS text[]), CAST(${column((t) => t.claim.key)} AS text[]),
        CAST(${column((t) => t.claim.at.toISOString())} AS timestamp(3)[]), CAST(${column((t) => expiry(t.claim).toISOString())} AS timestamp(3)[]),
        CAST(${column((t) => t.sender.id)} AS text[]), CAST(${column((t) => objectIdOf(t.sender) ?? '')} AS text[]),
        CAST(${column((t) => Boolean(t.also.updaters))} AS boolean[]))
        WITH ORDINALITY AS l("conversationId", "key", "at", "expiresAt", "chatId", "aadObjectId", "updaters", "n")
    ), conv AS (
      SELECT i."n", c."serviceUrl", c."active", c."partnershipId" FROM i JOIN "ConversationRef" c ON c."conversationId" = i."conversationId"
    ), claim AS (
      INSERT INTO "TurnReply" ("activityKey", "status", "claimedAt", "expiresAt", "sent")
      SELECT i."key", 'running', i."at", i."expiresAt", 0 FROM i WHERE EXISTS (SELECT 1 FROM conv WHERE conv."n" = i."n") ${quickCommit(db)}
      ON CONFLICT ("activityKey") DO NOTHING
      RETURNING "activityKey"
    )
    SELECT i."n" AS "n", conv."serviceUrl" AS "serviceUrl", conv."active" AS "active", p."name" AS "name",
      (SELECT COUNT(*) FROM claim WHERE claim."activityKey" = i."key") AS "claimed", ${reads.columns}
    FROM i JOIN conv ON conv."n" = i."n" JOIN "Partnership" p ON p."id" = conv."partnershipId" ${reads.joins}`;
}
