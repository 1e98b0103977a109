import type { OpenStore as Store } from '../../../bot/store/database.js';
import type { ExpectedDelivery } from './scheduled.js';
import type { ProactiveCounts } from './tap.js';
import type { AcceptedUpdate } from './workers.js';

/** Lost and duplicated, with examples. */
export interface Tally {
  expected: number;
  delivered: number;
  lost: number;
  duplicated: number;
  examples: string[];
}

/**
 * Every accepted update in the history exactly once (by its unique note); notes in the history the load never
 * saw accepted (saved, but the answer was lost) are counted apart; each action's version must equal the number of
 * its updates since the start.
 */
export async function checkHistory(
  store: Store,
  runId: string,
  accepted: AcceptedUpdate[],
  startVersions: Map<number, number>,
): Promise<Tally & { unacknowledged: number; versionMismatches: number }> {
  const rows = await store.db.actionUpdate.findMany({
    where: { note: { startsWith: `soak ${runId} ` } },
    select: { note: true, actionId: true },
  });
  const inHistory = new Map<string, number>();
  for (const r of rows) inHistory.set(r.note, (inHistory.get(r.note) ?? 0) + 1);
  const acceptedNotes = new Set(accepted.map((a) => a.note));
  const examples: string[] = [];
  let lost = 0;
  let duplicated = 0;
  for (const a of accepted) {
    const n = inHistory.get(a.note) ?? 0;
    if (n === 0) {
      lost++;
      if (examples.length < 5) {
        const around = await store.db.actionUpdate.findMany({
          where: { actionId: a.actionId, note: { startsWith: `soak ${runId} ` } },
          select: { note: true, source: true },
          orderBy: { id: 'asc' },
        });
        examples.push(
          `lost: ${a.note} (its action's history: ${around.map((r) => r.note.replace(`soak ${runId} `, '')).join(', ')})${a.trace ? ` [${a.trace.join(' ; ')}]` : ''}`,
        );
      }
    }
  }
  for (const [note, n] of inHistory) {
    if (n > 1) {
      duplicated += n - 1;
      if (examples.length < 5) examples.push(`${n}× in history: ${note}`);
    }
  }
  const unacknowledged = [...inHistory.keys()].filter((n) => !acceptedNotes.has(n)).length;
  let versionMismatches = 0;
  const perAction = new Map<number, number>();
  for (const r of rows) perAction.set(r.actionId, (perAction.get(r.actionId) ?? 0) + 1);
  for (const [actionId, startVersion] of startVersions) {
    const action = await store.db.action.findUnique({ where: { id: actionId }, select: { version: true } });
    if (action?.version !== startVersion + (perAction.get(actionId) ?? 0)) versionMismatches++;
  }
  return { expected: accepted.length, delivered: rows.length, lost, duplicated, examples, unacknowledged, versionMismatches };
}

/** Each accepted update that changed a RAG was announced in its channel exactly once (the note is posted with it). */
export function checkAnnouncements(accepted: AcceptedUpdate[], counts: ProactiveCounts): Tally {
  const due = accepted.filter((a) => a.ragChanged);
  const tally: Tally = { expected: due.length, delivered: 0, lost: 0, duplicated: 0, examples: [] };
  for (const a of due) {
    const n = counts.announcements.get(a.note) ?? 0;
    tally.delivered += n;
    if (n === 0) tally.lost++;
    if (n > 1) tally.duplicated += n - 1;
    if ((n === 0 || n > 1) && tally.examples.length < 5) tally.examples.push(`${n}× announced: ${a.note}`);
  }
  return tally;
}

/** Reminders and digests the jobs had to send: each delivered once. */
export function checkScheduled(expected: ExpectedDelivery[], counts: ProactiveCounts): Tally & { byKind: Record<string, Tally> } {
  const byKind: Record<string, Tally> = {};
  const all: Tally = { expected: 0, delivered: 0, lost: 0, duplicated: 0, examples: [] };
  for (const e of expected) {
    const n = (e.kind === 'digest' ? counts.digests : counts.reminders).get(e.key) ?? 0;
    const t = (byKind[e.kind] ??= { expected: 0, delivered: 0, lost: 0, duplicated: 0, examples: [] });
    for (const tally of [t, all]) {
      tally.expected++;
      tally.delivered += n;
      if (n === 0) tally.lost++;
      if (n > 1) tally.duplicated += n - 1;
      if ((n === 0 || n > 1) && tally.examples.length < 5)
        tally.examples.push(`${n}× ${e.kind} ${e.label} due at ${(e.dueAt / 1000).toFixed(0)} s`);
    }
  }
  return { ...all, byKind };
}

/** Whether everything expected has arrived (to stop waiting early at the end). */
export function scheduledComplete(expected: ExpectedDelivery[], counts: ProactiveCounts): boolean {
  return expected.every((e) => ((e.kind === 'digest' ? counts.digests : counts.reminders).get(e.key) ?? 0) > 0);
}
