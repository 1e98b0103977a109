import { AppError } from '../../errors.js';
import { guardText, stoppedMessage } from '../../plan/confidentiality/index.js';
import { dateIn } from '../../plan/dates.js';
import { DEFAULT_TIME_ZONE } from '../../../cards/format.js';
import type { Services } from '../../core/context.js';

/** Free text that passed the guard, or what the person is told when it did not (their text is never kept or logged). */
export type Screened = { ok: true } | { ok: false; message: string; words: string[] };

/** The year the guard reads dates against: the current year in London. */
export function guardYear(now: Date): number {
  return Number(dateIn(now, DEFAULT_TIME_ZONE).slice(0, 4));
}

/**
 * Runs the confidentiality guard over text someone typed before anything stores or posts it. On a hit the partnership's
 * count of stopped notes goes up by one (the count only: no text, no person) and the words to tell the person come back.
 */
export async function screenText(services: Services, partnership: string, text: string, what?: string): Promise<Screened> {
  const now = services.now();
  const result = guardText(text, { referenceYear: guardYear(now) });
  if (result.ok) return { ok: true };
  await services.store.privacy.countStopped(partnership, dateIn(now, DEFAULT_TIME_ZONE));
  return { ok: false, message: stoppedMessage(result.words, what), words: result.words };
}

/** For the store paths that must never take personal data whatever called them: throws PERSONAL_DATA_REFUSED (no text in it). */
export function assertNoPersonalData(text: string, now: Date, what = 'the text'): void {
  const result = guardText(text, { referenceYear: guardYear(now) });
  if (!result.ok) throw new AppError('PERSONAL_DATA_REFUSED', stoppedMessage(result.words, what), { found: result.kinds });
}
