import { describe, expect, it } from 'vitest';
import type { Services } from '../../bot/core/context.js';
import type { DigestRecipient } from '../../bot/store/digest-settings.js';
import { weeklyDigestJob } from '../../jobs/weekly-digest.js';

const coordinator = (personId: number, timeZone: string, day: number, time: string): DigestRecipient => ({
  personId,
  chatId: `29:${personId}`,
  displayName: `Coordinator ${personId}`,
  partnership: `Partnership ${personId}`,
  timeZone,
  day,
  time,
});

/** The job reads nothing but its recipients here: a store with only that. */
const servicesWith = (recipients: DigestRecipient[]) =>
  ({ store: { digests: { recipients: async () => recipients } } }) as unknown as Services;

describe('weekly digest occurrences', () => {
  it('gives each coordinator their own day, time and time zone, however many share a schedule', async () => {
    const recipients = [
      coordinator(1, 'Europe/London', 1, '09:00'),
      coordinator(2, 'Europe/London', 1, '09:00'),
      coordinator(3, 'Europe/London', 3, '17:30'),
      coordinator(4, 'America/New_York', 1, '09:00'),
      coordinator(5, 'Europe/London', 1, '09:00'),
    ];
    // Sunday 22 November to Sunday 6 December 2026 (GMT, New York five hours behind)
    const found = await weeklyDigestJob.occurrences(
      servicesWith(recipients),
      new Date('2026-11-22T00:00:00Z'),
      new Date('2026-12-06T00:00:00Z'),
    );
    const seen = found.map((o) => `${o.key} ${o.at.toISOString()}`).sort();
    expect(seen).toEqual(
      [
        'digest:person:1:2026-11-23 2026-11-23T09:00:00.000Z',
        'digest:person:1:2026-11-30 2026-11-30T09:00:00.000Z',
        'digest:person:2:2026-11-23 2026-11-23T09:00:00.000Z',
        'digest:person:2:2026-11-30 2026-11-30T09:00:00.000Z',
        'digest:person:3:2026-11-25 2026-11-25T17:30:00.000Z',
        'digest:person:3:2026-12-02 2026-12-02T17:30:00.000Z',
        'digest:person:4:2026-11-23 2026-11-23T14:00:00.000Z',
        'digest:person:4:2026-11-30 2026-11-30T14:00:00.000Z',
        'digest:person:5:2026-11-23 2026-11-23T09:00:00.000Z',
        'digest:person:5:2026-11-30 2026-11-30T09:00:00.000Z',
      ].sort(),
    );
    expect(found.find((o) => o.key === 'digest:person:4:2026-11-23')?.payload).toEqual({ personId: 4, date: '2026-11-23' });
  });

  it('keeps to the window: a time at its end is in, one at its start is not', async () => {
    const found = await weeklyDigestJob.occurrences(
      servicesWith([coordinator(1, 'Europe/London', 1, '09:00'), coordinator(2, 'Europe/London', 1, '09:00')]),
      new Date('2026-11-23T09:00:00Z'),
      new Date('2026-11-30T09:00:00Z'),
    );
    expect(found.map((o) => o.key).sort()).toEqual(['digest:person:1:2026-11-30', 'digest:person:2:2026-11-30']);
  });
});
