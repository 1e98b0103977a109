import { describe, expect, it } from 'vitest';
import { checkAnnouncements, checkScheduled } from './soak/checks.js';
import { byPhase, phaseOf, rssTrend, type RssSample } from './soak/stats.js';
import type { ProactiveCounts } from './soak/tap.js';
import { cardWords, type AcceptedUpdate, type RequestRecord } from './soak/workers.js';

// The soak's own arithmetic (npm run soak is not part of npm test): what it calls lost, duplicated, flat and "during".

const counts = (over: Partial<ProactiveCounts> = {}): ProactiveCounts => ({
  announcements: new Map(),
  reminders: new Map(),
  digests: new Map(),
  other: new Map(),
  ...over,
});
const update = (note: string, ragChanged = true): AcceptedUpdate => ({ note, actionId: 1, ragChanged, via: 'card', at: 0 });

describe('soak checks', () => {
  it('an accepted RAG change announced twice is a duplicate, one never announced is lost, a note-only update is not expected', () => {
    const tally = checkAnnouncements(
      [update('soak r c0 #1'), update('soak r c0 #2'), update('soak r c0 #3'), update('soak r c0 #4', false)],
      counts({
        announcements: new Map([
          ['soak r c0 #1', 1],
          ['soak r c0 #2', 2],
        ]),
      }),
    );
    expect(tally).toMatchObject({ expected: 3, delivered: 3, lost: 1, duplicated: 1 });
    expect(tally.examples).toEqual(['2× announced: soak r c0 #2', '0× announced: soak r c0 #3']);
  });

  it('reminders and digests are counted per recipient and kind', () => {
    const tally = checkScheduled(
      [
        { kind: 'reminder', label: 'Soak forum 1', key: 'Soak forum 1|19:a', dueAt: 60_000 },
        { kind: 'reminder', label: 'Soak Channel panel', key: 'Soak Channel panel|a:p1', dueAt: 120_000 },
        { kind: 'digest', label: 'Sam', key: 'a:sam', dueAt: 180_000 },
      ],
      counts({ reminders: new Map([['Soak forum 1|19:a', 1]]), digests: new Map([['a:sam', 2]]) }),
    );
    expect(tally).toMatchObject({ expected: 3, lost: 1, duplicated: 1 });
    expect(tally.byKind.reminder).toMatchObject({ expected: 2, lost: 1, duplicated: 0 });
    expect(tally.byKind.digest).toMatchObject({ expected: 1, lost: 0, duplicated: 1 });
  });

  it('a request that overlaps the fault window counts as during, even when it started before it', () => {
    const w = { from: 10_000, to: 20_000 };
    expect(phaseOf({ at: 5_000, ms: 4_000 }, w)).toBe('before');
    expect(phaseOf({ at: 8_000, ms: 4_000 }, w)).toBe('during');
    expect(phaseOf({ at: 19_000, ms: 100 }, w)).toBe('during');
    expect(phaseOf({ at: 20_000, ms: 100 }, w)).toBe('after');
  });

  it('error rate and p99 per phase: a request answered after a retry is not an error, one never answered is', () => {
    const record = (at: number, ms: number, ok: boolean, failed: RequestRecord['failed'] = []): RequestRecord => ({
      kind: 'question',
      id: `soak-${at}`,
      at,
      ms,
      ok,
      attempts: failed.length + 1,
      failed,
      ...(ok ? {} : { problem: 'HTTP no answer' }),
    });
    const records = [
      ...Array.from({ length: 99 }, (_, i) => record(i * 10, 100, true)),
      record(995, 900, true),
      record(12_000, 300, true, ['refused']),
      record(13_000, 15_000, false, ['timeout', 'timeout', 'timeout']),
    ];
    const phases = byPhase(records, { from: 10_000, to: 20_000 }, 30_000);
    expect(phases.before.all).toMatchObject({ requests: 100, errors: 0, p50: 100, p99: 900 });
    expect(phases.during.all).toMatchObject({ requests: 2, errors: 1, errorRate: 0.5, failedAttempts: 4, retried: 2 });
    expect(phases.after.all.requests).toBe(0);
  });

  it('memory that keeps growing after warm-up is not flat; memory that wanders is', () => {
    const samples = (mb: (minute: number) => number): RssSample[] =>
      Array.from({ length: 41 }, (_, i) => ({ at: i * 30_000, rss: { A: mb(i / 2) * 1024 * 1024 }, cpuSeconds: { A: 0 } }));
    const leaking = rssTrend(
      samples((m) => 250 + 3 * m),
      'A',
      5 * 60_000,
      [5, 10, 20],
    );
    expect(leaking.flat).toBe(false);
    expect(leaking.afterWarmup.slopeMbPerMinute).toBeCloseTo(3, 5);
    expect(leaking.atMinutes).toEqual({ 5: 265, 10: 280, 20: 310 });
    const wandering = rssTrend(
      samples((m) => 280 + (m % 2 ? 15 : -10)),
      'A',
      5 * 60_000,
      [5, 10, 20],
    );
    expect(wandering.flat).toBe(true);
  });

  it("reads the words of an invoke's card answer, or the raw body when it is not JSON", () => {
    const body = JSON.stringify({
      statusCode: 200,
      value: {
        body: [
          { type: 'TextBlock', text: 'Sorry, something went wrong' },
          { type: 'TextBlock', text: 'Nothing was saved.' },
        ],
      },
    });
    expect(cardWords(body)).toBe('Sorry, something went wrong / Nothing was saved.');
    expect(cardWords('Bad gateway')).toBe('Bad gateway');
  });
});
