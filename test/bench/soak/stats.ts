import type { RequestKind, RequestRecord } from './workers.js';

/** The three periods the figures are split into. */
export type Phase = 'before' | 'during' | 'after';
export const PHASES: Phase[] = ['before', 'during', 'after'];

/** Requests, errors and latency of one group of requests. */
export interface LoadFigures {
  requests: number;
  perSecond: number;
  /** requests without a good answer after the retries */
  errors: number;
  errorRate: number;
  /** attempts that failed (refused, reset, timed out, 5xx), including those a retry then answered */
  failedAttempts: number;
  retried: number;
  /** answered, but the reply reached the connector after the HTTP answer */
  late: number;
  p50: number;
  p99: number;
  max: number;
  /** the commonest problems, with counts */
  problems: Record<string, number>;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;

/** Figures for a list of requests that took `seconds`. */
export function figures(records: RequestRecord[], seconds: number): LoadFigures {
  const ms = records.map((r) => r.ms).sort((a, b) => a - b);
  const errors = records.filter((r) => !r.ok);
  const problems: Record<string, number> = {};
  for (const r of errors) {
    const key = (r.problem ?? 'unknown')
      .replace(/soak \S+ [ct]\d+ #\d+/g, '…')
      .replace(/\s*\n\s*/g, ' / ')
      .slice(0, 100);
    problems[key] = (problems[key] ?? 0) + 1;
  }
  for (const r of records) for (const f of r.failed) problems[`attempt ${f}`] = (problems[`attempt ${f}`] ?? 0) + 1;
  return {
    requests: records.length,
    perSecond: seconds > 0 ? records.length / seconds : 0,
    errors: errors.length,
    errorRate: records.length ? errors.length / records.length : 0,
    failedAttempts: records.reduce((n, r) => n + r.failed.length, 0),
    retried: records.filter((r) => r.attempts > 1).length,
    late: records.filter((r) => r.late).length,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    max: ms.at(-1) ?? Number.NaN,
    problems,
  };
}

/** The fault window: from the first fault to 30 s after the killed instance answers again. */
export interface Window {
  from: number;
  to: number;
}

/** A request is "during" when any part of it overlaps the fault window; otherwise before or after it. */
export const phaseOf = (r: { at: number; ms: number }, w: Window): Phase =>
  r.at + r.ms < w.from ? 'before' : r.at < w.to ? 'during' : 'after';

/** Figures per phase, overall and per kind of request. */
export function byPhase(records: RequestRecord[], w: Window, end: number) {
  const seconds: Record<Phase, number> = { before: w.from / 1000, during: (w.to - w.from) / 1000, after: (end - w.to) / 1000 };
  const out: Record<Phase, { all: LoadFigures; kinds: Partial<Record<RequestKind, LoadFigures>> }> = {} as never;
  for (const phase of PHASES) {
    const mine = records.filter((r) => phaseOf(r, w) === phase);
    const kinds: Partial<Record<RequestKind, LoadFigures>> = {};
    for (const kind of ['question', 'card update', 'typed update'] as RequestKind[])
      kinds[kind] = figures(
        mine.filter((r) => r.kind === kind),
        seconds[phase],
      );
    out[phase] = { all: figures(mine, seconds[phase]), kinds };
  }
  return out;
}

/** One RSS sample of each instance (bytes; null while it is down). */
export interface RssSample {
  /** ms since the soak started */
  at: number;
  rss: Record<string, number | null>;
  cpuSeconds: Record<string, number | null>;
}

/** RSS over time of one instance: values at given minutes, and whether it is flat from `settledFrom` (ms, after warm-up) on. */
export function rssTrend(samples: RssSample[], instance: string, settledFrom: number, marks: number[]) {
  const points = samples.filter((s) => s.rss[instance] != null).map((s) => ({ at: s.at, mb: s.rss[instance]! / 1024 / 1024 }));
  const at = (minute: number) => {
    const eligible = points.filter((p) => p.at <= minute * 60_000 + 15_000);
    return eligible.at(-1)?.mb ?? null;
  };
  const settled = points.filter((p) => p.at >= settledFrom);
  const n = settled.length;
  let slope = Number.NaN;
  if (n >= 3) {
    const mx = settled.reduce((s, p) => s + p.at, 0) / n;
    const my = settled.reduce((s, p) => s + p.mb, 0) / n;
    const num = settled.reduce((s, p) => s + (p.at - mx) * (p.mb - my), 0);
    const den = settled.reduce((s, p) => s + (p.at - mx) ** 2, 0);
    slope = den ? (num / den) * 60_000 : 0;
  }
  const values = settled.map((p) => p.mb);
  const min = values.length ? Math.min(...values) : Number.NaN;
  const max = values.length ? Math.max(...values) : Number.NaN;
  const first = values[0] ?? Number.NaN;
  const last = values.at(-1) ?? Number.NaN;
  // flat (no leak): growing under 1 MB a minute after warm-up, and ending within 10 % of where warm-up left it
  const flat = n >= 3 && slope < 1 && last <= first * 1.1;
  return {
    atMinutes: Object.fromEntries(marks.map((m) => [m, at(m)])),
    afterWarmup: { samples: n, firstMb: first, lastMb: last, minMb: min, maxMb: max, slopeMbPerMinute: slope },
    flat,
  };
}
