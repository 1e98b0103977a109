/** One row of the results table; numbers are formatted here. */
export interface Row {
  figure: string;
  concurrency?: number;
  perSecond?: number;
  echoPerSecond?: number;
  /** the transport floor's throughput at the same concurrency */
  floorPerSecond?: number;
  p50?: number;
  p99?: number;
  echoP99?: number;
  /** the server's CPU time per request (user + system) */
  cpuMs?: number;
  notes?: string;
}

const fixed = (v: number | undefined, digits = 0) => (v === undefined || Number.isNaN(v) ? '' : v.toFixed(digits));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !b ? '' : `${(a / b).toFixed(2)}×`);

/** The table as aligned text: each figure with the echo bot's and the transport floor's, and the ratios where they apply. */
export function formatTable(rows: Row[]): string {
  const header = [
    'figure',
    'conc',
    'req/s',
    'echo req/s',
    'ratio',
    'floor req/s',
    'of floor',
    'p50 ms',
    'p99 ms',
    'echo p99',
    'p99 ratio',
    'CPU ms/req',
    'notes',
  ];
  const cells = rows.map((r) => [
    r.figure,
    r.concurrency === undefined ? '' : String(r.concurrency),
    fixed(r.perSecond),
    fixed(r.echoPerSecond),
    ratio(r.perSecond, r.echoPerSecond),
    fixed(r.floorPerSecond),
    ratio(r.perSecond, r.floorPerSecond),
    fixed(r.p50, 1),
    fixed(r.p99, 1),
    fixed(r.echoP99, 1),
    ratio(r.p99, r.echoP99),
    fixed(r.cpuMs, 2),
    r.notes ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === 0 || i === c.length - 1 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
