import type { Tally } from './checks.js';
import type { OutboxCheck } from './outbox.js';
import { PHASES, type LoadFigures, type Phase, type rssTrend } from './stats.js';
import type { RequestKind } from './workers.js';

/** What the soak found, as written to the JSON file (the parts the table shows). */
export interface SoakResult {
  minutes: number;
  machine: { loadAverageStart: number[]; loadAverageEnd: number[] };
  load: { requests: number; acceptedUpdates: number; stale: number; abandoned: number };
  faults: {
    pgRestart: { at: number; ms: number };
    kill: { at: number; downMs: number; restartMs: number };
    window: { from: number; to: number };
  };
  phases: Record<Phase, { all: LoadFigures; kinds: Partial<Record<RequestKind, LoadFigures>> }>;
  integrity: {
    history: Tally & { unacknowledged: number; versionMismatches: number };
    announcements: Tally;
    scheduled: Tally & { byKind: Record<string, Tally> };
    questionReplies: { asked: number; unanswered: number; answeredMoreThanOnce: number; duplicates?: unknown[] };
    jobRuns: { jobKey: string; status: string; _count: number }[];
    outbox: OutboxCheck | null;
  };
  rss: { A: ReturnType<typeof rssTrend>; B: ReturnType<typeof rssTrend>; warmupMinutes: number };
  /** signed requests: tokens the bot got for its outgoing calls, calls the connector refused, activities the bot refused */
  auth?: { tokensIssuedToBot: number; refusedByConnector: number; refusedByBot: number };
}

const f = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
const pct = (v: number) => `${(v * 100).toFixed(2)} %`;
const s = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const tally = (name: string, t: Tally) =>
  `${name}: ${t.expected} expected, ${t.delivered} delivered, lost ${t.lost}, duplicated ${t.duplicated}${t.examples.length ? ` (${t.examples.join('; ')})` : ''}`;

/** The soak's figures as text: load by phase, integrity, memory, faults. */
export function formatReport(r: SoakResult): string {
  const w = r.faults.window;
  const out: string[] = [];
  out.push(
    `Phases: before the faults 0–${s(w.from)}; during ${s(w.from)}–${s(w.to)} (PostgreSQL restart at ${s(r.faults.pgRestart.at)}, took ${s(r.faults.pgRestart.ms)}; kill -9 of B at ${s(r.faults.kill.at)}, B answering again after ${s(r.faults.kill.downMs)}, its start took ${s(r.faults.kill.restartMs)}; then 30 s); after ${s(w.to)}–end`,
  );
  const rows: string[][] = [];
  for (const phase of PHASES) {
    const p = r.phases[phase];
    const line = (label: string, x: LoadFigures) => [
      label,
      String(x.requests),
      f(x.perSecond, 1),
      String(x.errors),
      pct(x.errorRate),
      String(x.failedAttempts),
      String(x.retried),
      String(x.late),
      f(x.p50, 1),
      f(x.p99, 1),
      f(x.max, 0),
    ];
    rows.push(line(`${phase}: all`, p.all));
    for (const [kind, x] of Object.entries(p.kinds)) if (x?.requests) rows.push(line(`  ${kind}`, x));
  }
  out.push(
    table(
      ['phase / kind', 'requests', 'req/s', 'errors', 'error rate', 'failed tries', 'retried', 'late reply', 'p50 ms', 'p99 ms', 'max ms'],
      rows,
    ),
  );
  const problems = PHASES.flatMap((phase) => Object.entries(r.phases[phase].all.problems).map(([k, n]) => `${phase}: ${k} ×${n}`));
  if (problems.length) out.push(`Problems: ${problems.join('; ')}`);
  const i = r.integrity;
  out.push('');
  out.push(
    `${tally('Accepted updates in the history once', i.history)}; saved but the answer lost (not counted as accepted): ${i.history.unacknowledged}; action versions out of step: ${i.history.versionMismatches}; stale cards refreshed: ${r.load.stale}; typed updates abandoned: ${r.load.abandoned}`,
  );
  out.push(tally('RAG-change announcements (one per accepted RAG change)', i.announcements));
  for (const [kind, t] of Object.entries(i.scheduled.byKind)) out.push(tally(`${kind}s due during the run`, t));
  out.push(`Job runs claimed during the run: ${i.jobRuns.map((j) => `${j.jobKey} ${j.status} ${j._count}`).join(', ') || 'none'}`);
  out.push(
    `Questions: ${i.questionReplies.asked} asked, ${i.questionReplies.unanswered} without a reply, ${i.questionReplies.answeredMoreThanOnce} answered more than once`,
  );
  if (r.auth)
    out.push(
      `Signed requests: every activity carried a Bot Service token; ${r.auth.refusedByBot} refused by the bot (401); the bot got ${r.auth.tokensIssuedToBot} token(s) for its own calls; ${r.auth.refusedByConnector} of its calls refused by the connector`,
    );
  const o = i.outbox;
  if (o) {
    const kinds = Object.entries(o.byKind)
      .map(
        ([kind, statuses]) =>
          `${kind} ${Object.entries(statuses)
            .map(([st, n]) => `${st} ${n}`)
            .join('/')}`,
      )
      .join(', ');
    out.push(
      `Outbox (${o.table}): ${Object.entries(o.byStatus)
        .map(([k, n]) => `${k} ${n}`)
        .join(
          ', ',
        )} (${kinds}); still pending after waiting ${s(o.waitedMs)}: ${o.pendingAfterWait}; most attempts on one row ${o.maxAttempts}`,
    );
    out.push(
      `${tally('Outbox rows marked sent, delivered exactly once', o.delivery)}; delivered but not marked sent: ${o.deliveredButNotMarked}`,
    );
  } else out.push('Outbox: this version has no outbox table; announcements are counted per update above');
  out.push('');
  const mark = (t: SoakResult['rss']['A']) =>
    Object.entries(t.atMinutes)
      .map(([m, v]) => `${m} min ${v === null ? '–' : `${f(v)} MB`}`)
      .join(', ');
  const trend = (t: SoakResult['rss']['A'], from = 'the start') =>
    `from ${f(r.rss.warmupMinutes, 1)} min after ${from}: ${f(t.afterWarmup.firstMb)} → ${f(t.afterWarmup.lastMb)} MB (min ${f(t.afterWarmup.minMb)}, max ${f(t.afterWarmup.maxMb)}), trend ${f(t.afterWarmup.slopeMbPerMinute, 2)} MB/min: ${t.afterWarmup.samples < 3 ? 'too few samples to judge' : t.flat ? 'flat' : 'NOT flat'}`;
  out.push(`RSS of A (up throughout): ${mark(r.rss.A)}; ${trend(r.rss.A)}`);
  out.push(`RSS of B (killed and restarted): ${mark(r.rss.B)}; ${trend(r.rss.B, 'its restart')}`);
  const before = r.phases.before.all.p99;
  const after = r.phases.after.all.p99;
  out.push(`p99 before the faults ${f(before, 1)} ms, after ${f(after, 1)} ms (${f(after / before, 2)}×)`);
  out.push(
    `Load average: ${r.machine.loadAverageStart.map((l) => l.toFixed(2)).join(', ')} at start, ${r.machine.loadAverageEnd.map((l) => l.toFixed(2)).join(', ')} at the end (2 cores shared with other sessions)`,
  );
  return out.join('\n');
}
