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
import { sqltag } from '@prisma/client/runtime/client';

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
}

type Row = StampRow & { dialogId: number | null } & { [K in keyof PersonRow]: PersonRow[K] | null } & {
  [K in keyof PrivacySettings]: PrivacySettings[K] | null;
};

/**
 * A turn's first reads in one statement: the sender (as identifySender finds them), whether they have a conversation in
 * progress here, the live plan's stamp (see readPlanStamp) and the privacy settings. Null when the partnership does not exist.
 */
export async function openTurn(
  db: Db,
  input: { partnership: string; sender: { id: string; name: string; aadObjectId?: string }; conversationId: string },
): Promise<{ person: PersonInfo | null; reads: TurnReads } | null> {
  const { partnership, sender, conversationId } = input;
  const rows = await queryRows<Row>(
    db,
    sqltag`
    SELECT ${STAMP_COLUMNS},
      (SELECT d."id" FROM "DialogState" d WHERE d."conversationId" = ${conversationId} AND d."userChatId" = ${sender.id}) AS "dialogId",
      ${PERSON_COLUMNS},
      pp."postNotesToChannel", pp."referralEmail", pp."referralPhone", pp."referralFormUrl", pp."referralOutOfHours"
    FROM "Partnership" p
    LEFT JOIN "PartnershipPrivacy" pp ON pp."partnershipId" = p."id"
    LEFT JOIN "Plan" pl ON pl."partnershipId" = p."id" AND ${isLive('pl')}
    LEFT JOIN "Person" pe ON pe."partnershipId" = p."id" AND ${isSender(objectIdOf(sender), sender.id)}
    LEFT JOIN "Organisation" po ON po."id" = pe."organisationId"
    WHERE p."name" = ${partnership}`,
  );
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
      dialog: () => loadDialog(db, { conversationId, userChatId: sender.id }, first.dialogId === null ? null : Number(first.dialogId)),
    },
  };
}
