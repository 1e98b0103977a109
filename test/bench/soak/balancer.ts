import http from 'node:http';
import type { Instance } from './instances.js';

/** How one HTTP attempt ended. */
export type AttemptOutcome = 'ok' | `http ${number}` | 'refused' | 'reset' | 'timeout' | 'error';

/** One attempt at delivering an activity to an instance. */
export interface Attempt {
  /** ms since the soak started */
  at: number;
  instance: string;
  outcome: AttemptOutcome;
  ms: number;
}

/** The answer to an activity after any retries: the last attempt's status and body. */
export interface Delivered {
  status: number;
  body: string;
  attempts: Attempt[];
  /** the successful attempt's latency (ms), or the last attempt's when none succeeded */
  ms: number;
}

/** Teams waits 15 s for a turn, then sends the same activity again (at most three tries in all). */
const TIMEOUT_MS = 15_000;
const TRIES = 3;

function post(agent: http.Agent, url: URL, payload: Buffer, authorization: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        timeout: TIMEOUT_MS,
        headers: { 'content-type': 'application/json', 'content-length': payload.length, authorization },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(payload);
  });
}

const outcomeOf = (err: unknown): AttemptOutcome => {
  const code = (err as { code?: string }).code;
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') return 'reset';
  if (code === 'ETIMEDOUT') return 'timeout';
  return 'error';
};

/**
 * A simple round-robin in front of the instances, as the Bot Service's load balancer would be: each activity
 * goes to the next instance; a refused connection marks that instance down for a second and the activity goes
 * to the other at once; a reset, a timeout (15 s) or a 5xx is retried with the same activity, as Teams retries.
 * Every request carries `authorization()` (the Bot Service's signed token).
 */
export function createBalancer(instances: Instance[], clock: () => number, authorization: () => Promise<string>) {
  const agents = instances.map(() => new http.Agent({ keepAlive: true, maxSockets: 64 }));
  const downUntil = instances.map(() => 0);
  let next = 0;
  const pick = () => {
    for (let i = 0; i < instances.length; i++) {
      const index = (next + i) % instances.length;
      if (downUntil[index]! <= clock()) {
        next = index + 1;
        return index;
      }
    }
    next++;
    return next % instances.length;
  };
  return {
    async deliver(activity: unknown): Promise<Delivered> {
      const payload = Buffer.from(JSON.stringify(activity));
      const attempts: Attempt[] = [];
      let last = { status: 0, body: '' };
      for (let tries = 0, refusals = 0; tries < TRIES; ) {
        const index = pick();
        const instance = instances[index]!;
        const at = clock();
        const started = performance.now();
        let outcome: AttemptOutcome;
        try {
          last = await post(agents[index]!, new URL('/api/messages', instance.url), payload, await authorization());
          outcome = last.status >= 200 && last.status < 300 ? 'ok' : `http ${last.status}`;
        } catch (err) {
          last = { status: 0, body: '' };
          outcome = outcomeOf(err);
        }
        const ms = performance.now() - started;
        attempts.push({ at, instance: instance.name, outcome, ms });
        if (outcome === 'ok' || (last.status > 0 && last.status < 500)) return { ...last, attempts, ms };
        if (outcome === 'refused') {
          // nothing reached the bot: the balancer sends it to the other instance (not a Teams retry)
          downUntil[index] = clock() + 1000;
          if (++refusals <= instances.length * 2) continue;
        }
        tries++;
        await new Promise((r) => setTimeout(r, 250 * tries));
      }
      return { ...last, attempts, ms: attempts.at(-1)?.ms ?? 0 };
    },
    close() {
      for (const a of agents) a.destroy();
    },
  };
}

export type Balancer = ReturnType<typeof createBalancer>;
