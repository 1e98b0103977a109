import { AppError } from '../errors.js';
import type { Db } from './client.js';

/** A partnership's privacy choices and referral route; defaults when it has not set any. */
export interface PrivacySettings {
  postNotesToChannel: boolean;
  referralEmail: string | null;
  referralPhone: string | null;
  referralFormUrl: string | null;
  referralOutOfHours: string | null;
}

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  postNotesToChannel: false,
  referralEmail: null,
  referralPhone: null,
  referralFormUrl: null,
  referralOutOfHours: null,
};

async function partnershipId(db: Db, partnership: string): Promise<number> {
  const row = await db.partnership.findUnique({ where: { name: partnership }, select: { id: true } });
  if (!row) throw new AppError('NOT_FOUND', `There is no partnership called "${partnership}".`);
  return row.id;
}

/** The partnership's privacy settings (defaults when none are stored). */
export async function privacySettings(db: Db, partnership: string): Promise<PrivacySettings> {
  return settingsOf(await db.partnershipPrivacy.findFirst({ where: { partnership: { name: partnership } } }));
}

/** The settings a stored row says (defaults when there is none; a flag from plain SQL may be 0 or 1). */
export function settingsOf(
  row: (Omit<PrivacySettings, 'postNotesToChannel'> & { postNotesToChannel: boolean | number | null }) | null,
): PrivacySettings {
  if (!row || row.postNotesToChannel === null) return { ...DEFAULT_PRIVACY_SETTINGS };
  const { postNotesToChannel, referralEmail, referralPhone, referralFormUrl, referralOutOfHours } = row;
  return { postNotesToChannel: Boolean(postNotesToChannel), referralEmail, referralPhone, referralFormUrl, referralOutOfHours };
}

/** Changes some privacy settings and records who did it in the audit trail, in one transaction. */
export async function changePrivacySettings(
  db: Db,
  input: { partnership: string; change: Partial<PrivacySettings>; actor: { personId: number | null; label: string }; now: Date },
): Promise<PrivacySettings> {
  const id = await partnershipId(db, input.partnership);
  const [row] = await db.$transaction([
    db.partnershipPrivacy.upsert({
      where: { partnershipId: id },
      create: { ...DEFAULT_PRIVACY_SETTINGS, ...input.change, partnershipId: id, updatedAt: input.now },
      update: { ...input.change, updatedAt: input.now },
    }),
    db.auditEntry.create({
      data: {
        partnershipId: id,
        at: input.now,
        actorPersonId: input.actor.personId,
        actorLabel: input.actor.label,
        action: 'privacy.settings',
        subject: 'partnership',
        detail: JSON.stringify({ changed: Object.keys(input.change) }),
      },
    }),
  ]);
  const { postNotesToChannel, referralEmail, referralPhone, referralFormUrl, referralOutOfHours } = row;
  return { postNotesToChannel, referralEmail, referralPhone, referralFormUrl, referralOutOfHours };
}
