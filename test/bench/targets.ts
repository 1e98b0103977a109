import type { DigestTiming } from './digests.js';
import type { Row } from './table.js';

/** Issue 19's targets, each as a ratio against the echo bot measured in the same run. */
export const TARGETS = {
  /** questions: throughput at least the echo bot's, p99 at most 1.2 times its */
  readThroughput: 1.0,
  readP99: 1.2,
  /** the first question in a cold partnership */
  coldP99Ms: 100,
  /** card updates at 50 conversations */
  writeThroughput: 0.5,
  writeP99: 3,
  /** resident memory after the whole load: below the echo bot's and below this */
  memoryBytes: 200 * 1024 * 1024,
  startupMs: 2000,
  digestSeconds: 60,
} as const;

const mark = (ok: boolean) => (ok ? 'MET    ' : 'NOT MET');
const x = (v: number) => `${v.toFixed(2)}×`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** One line per target: MET or NOT MET, the measured ratio and the target. Figures the run did not measure are skipped. */
export function formatTargets(input: {
  rows: Row[];
  echo: Record<number, { perSecond: number; p99: number }>;
  echoRss: number;
  update?: { perSecond: number; p99: number; lost: number; duplicated: number; versionMismatches: number };
  cold?: { p99: number };
  nationalRss?: number;
  digests?: DigestTiming;
  startups: { figure: string; ms: number }[];
}): string {
  const lines = input.rows
    .filter((r) => r.figure.startsWith('"what\'s amber?"') && r.echoPerSecond && r.echoP99)
    .map((r) => {
      const throughput = (r.perSecond ?? 0) / (r.echoPerSecond ?? 1);
      const p99 = (r.p99 ?? Infinity) / (r.echoP99 ?? 1);
      const ok = throughput >= TARGETS.readThroughput && p99 <= TARGETS.readP99;
      return `${mark(ok)} question, ${r.figure.replace('"what\'s amber?" ', '')} at ${r.concurrency}: throughput ${x(throughput)} echo (target ≥ ${x(TARGETS.readThroughput)}), p99 ${x(p99)} echo (target ≤ ${x(TARGETS.readP99)})`;
    });
  if (input.cold) {
    lines.push(
      `${mark(input.cold.p99 < TARGETS.coldP99Ms)} first question in a cold partnership: p99 ${input.cold.p99.toFixed(1)} ms (target < ${TARGETS.coldP99Ms} ms)`,
    );
  }
  const echo50 = input.echo[50];
  if (input.update && echo50) {
    const u = input.update;
    const throughput = u.perSecond / echo50.perSecond;
    const p99 = u.p99 / echo50.p99;
    const exact = u.lost === 0 && u.duplicated === 0 && u.versionMismatches === 0;
    const ok = throughput >= TARGETS.writeThroughput && p99 <= TARGETS.writeP99 && exact;
    lines.push(
      `${mark(ok)} card update at 50: throughput ${x(throughput)} echo (target ≥ ${x(TARGETS.writeThroughput)}), p99 ${x(p99)} echo (target ≤ ${x(TARGETS.writeP99)}), lost ${u.lost}, duplicated ${u.duplicated}, version errors ${u.versionMismatches} (target 0)`,
    );
  }
  if (input.nationalRss !== undefined) {
    const ok = input.nationalRss < input.echoRss && input.nationalRss < TARGETS.memoryBytes;
    lines.push(
      `${mark(ok)} memory: national bot ${mb(input.nationalRss)} resident after the load (target below the echo bot's ${mb(input.echoRss)} and below ${mb(TARGETS.memoryBytes)})`,
    );
  }
  for (const s of input.startups) {
    lines.push(
      `${mark(s.ms < TARGETS.startupMs)} start-up to a served /healthz, ${s.figure}: ${(s.ms / 1000).toFixed(2)} s (target < ${TARGETS.startupMs / 1000} s)`,
    );
  }
  if (input.digests) {
    lines.push(
      `${mark(input.digests.seconds < TARGETS.digestSeconds)} digests: ${input.digests.seconds.toFixed(1)} s for ${input.digests.partnerships} partnerships (target < ${TARGETS.digestSeconds} s)`,
    );
  }
  return lines.join('\n');
}
