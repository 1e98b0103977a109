import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import type { Express } from 'express';

/** Messages between the bench and a server it runs as a child process. */
export type ToChild = { type: 'rss' } | { type: 'cpu' } | { type: 'stop' };
export type FromChild = ({ type: 'rss' } & MemoryFigures) | { type: 'cpu'; micros: number };

/** A child's memory after a full collection: resident set, V8's heap (live and reserved), memory outside it. */
export interface MemoryFigures {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  /** buffers, WebAssembly memory and other memory V8 is told about but does not hold in its heap */
  external: number;
  /** resident memory not backed by a file (heaps, malloc, WebAssembly), from /proc/self/status where there is one */
  anonymous?: number;
  /**
   * the resident set a second after the collection: V8 gives the pages a collection emptied back to the system from
   * background threads, so the figure read at once can still count pages already on their way out
   */
  settledRss: number;
}

/**
 * Runs in a child: answers the bench's questions about memory and CPU, and stops when told (`stop` ends the server;
 * it must end the process). The bench finds the server by polling GET /healthz on the PORT it gave the child.
 */
export function answerBench(stop: () => void | Promise<void>): void {
  const send = (message: FromChild) => process.send?.(message);
  process.on('message', async (message: ToChild) => {
    if (message.type === 'rss') {
      // the bench starts every child with --expose-gc: collect first so the heap figure is what is live
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
      const anonymous = anonymousResident();
      // BENCH_HEAP_DIR=dir npm run bench: a heap snapshot of what is live here, for test/bench/heap-summary.ts
      if (process.env.BENCH_HEAP_DIR) writeHeapSnapshot(path.join(process.env.BENCH_HEAP_DIR, `${process.pid}.heapsnapshot`));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      send({ type: 'rss', rss, heapUsed, heapTotal, external, anonymous, settledRss: process.memoryUsage.rss() });
    }
    if (message.type === 'cpu') {
      const used = process.cpuUsage();
      send({ type: 'cpu', micros: used.user + used.system });
    }
    if (message.type === 'stop') await stop();
  });
  // the bench is gone (finished or crashed): never outlive it
  process.on('disconnect', () => process.exit(0));
}

/** Runs a baseline server in a child: GET /healthz, listening on 127.0.0.1:PORT, answering the bench. */
export async function serveBenchChild(app: Express): Promise<void> {
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(Number(process.env.PORT), '127.0.0.1', () => resolve(s));
  });
  server.keepAliveTimeout = 65_000;
  answerBench(() => {
    server.closeAllConnections();
    server.close();
    process.exit(0);
  });
}

/** RssAnon from /proc/self/status in bytes (Linux); undefined elsewhere. */
function anonymousResident(): number | undefined {
  try {
    const kb = /RssAnon:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
