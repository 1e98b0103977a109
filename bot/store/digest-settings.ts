import type { Db } from './client.js';

/** A coordinator who gets the weekly digest: when, in their partnership's time zone. */
export interface DigestRecipient {
  personId: number;
  chatId: string;
  displayName: string;
  partnership: string;
  timeZone: string;
  /** 1 (Monday) to 7 (Sunday) */
  day: number;
  /** HH:MM local */
  time: string;
}

/** Every coordinator with the digest switched on, across partnerships. */
export async function listDigestRecipients(db: Db): Promise<DigestRecipient[]> {
  const rows = await db.person.findMany({
    where: { role: 'coordinator', digestEnabled: true },
    include: { partnership: { select: { name: true, timeZone: true } } },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => ({
    personId: r.id,
    chatId: r.chatId,
    displayName: r.displayName,
    partnership: r.partnership.name,
    timeZone: r.partnership.timeZone,
    day: r.digestDay,
    time: r.digestTime,
  }));
}

/** One digest recipient by person id (also when switched off), or null. */
export async function findDigestRecipient(
  db: Db,
  personId: number,
): Promise<(DigestRecipient & { enabled: boolean; role: string }) | null> {
  const r = await db.person.findUnique({ where: { id: personId }, include: { partnership: { select: { name: true, timeZone: true } } } });
  if (!r) return null;
  return {
    personId: r.id,
    chatId: r.chatId,
    displayName: r.displayName,
    partnership: r.partnership.name,
    timeZone: r.partnership.timeZone,
    day: r.digestDay,
    time: r.digestTime,
    enabled: r.digestEnabled,
    role: r.role,
  };
}

/** Changes when a person's digest comes, or switches it on or off. */
export async function setDigestSettings(
  db: Db,
  personId: number,
  settings: { day?: number; time?: string; enabled?: boolean },
): Promise<void> {
  await db.person.update({
    where: { id: personId },
    data: {
      ...(settings.day !== undefined ? { digestDay: settings.day } : {}),
      ...(settings.time !== undefined ? { digestTime: settings.time } : {}),
      ...(settings.enabled !== undefined ? { digestEnabled: settings.enabled } : {}),
    },
  });
}
