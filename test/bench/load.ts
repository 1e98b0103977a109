import http from 'node:http';

/** One request a worker sends: the activity to POST, and a check of the HTTP answer (false = a bad reply). */
export interface BenchRequest {
  activity: unknown;
  check?(status: number, body: string): boolean;
}

/** What a measurement found. */
export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** HTTP errors and failed checks */
  bad: number;
}

/** POSTs an activity to /api/messages on a keep-alive connection; resolves with the status and body. */
function post(agent: http.Agent, url: URL, activity: unknown): Promise<{ status: number; body: string }> {
  const payload = Buffer.from(JSON.stringify(activity));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

/**
 * Runs `concurrency` workers, each sending one request after another (a conversation), first for `warmupSeconds`
 * (not counted), then for `seconds`. `next(worker, n)` makes each worker's n-th request; `afterEach` runs after every answer.
 */
export async function runLoad(options: {
  baseUrl: string;
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
  /** stop after this many measured requests (default: run for `seconds`) */
  limit?: number;
  next(worker: number, n: number): BenchRequest | Promise<BenchRequest>;
  afterEach?(): void;
  /** called when the warm-up ends and the measurement starts */
  onMeasureStart?(): void | Promise<void>;
}): Promise<LoadResult> {
  const url = new URL('/api/messages', options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let bad = 0;
  let measuring = false;
  let stopAt = performance.now() + options.warmupSeconds * 1000;
  let issued = 0;
  const more = () => performance.now() < stopAt && (!measuring || options.limit === undefined || issued < options.limit);
  const worker = async (id: number) => {
    for (let n = 0; more(); n++) {
      if (measuring) issued++;
      const request = await options.next(id, n);
      const started = performance.now();
      let ok = false;
      try {
        const res = await post(agent, url, request.activity);
        ok = res.status >= 200 && res.status < 300 && (request.check?.(res.status, res.body) ?? true);
      } catch {
        ok = false;
      }
      const took = performance.now() - started;
      options.afterEach?.();
      if (!measuring) continue;
      latencies.push(took);
      if (!ok) bad++;
    }
  };
  if (options.warmupSeconds > 0) await Promise.all(Array.from({ length: options.concurrency }, (_, i) => worker(i)));
  await options.onMeasureStart?.();
  measuring = true;
  const began = performance.now();
  stopAt = options.limit === undefined ? began + options.seconds * 1000 : Infinity;
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => worker(i)));
  const seconds = (performance.now() - began) / 1000;
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    bad,
  };
}
