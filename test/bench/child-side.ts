import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** Messages between the bench and a server it runs as a child process. */
export type ToChild = { type: 'rss' } | { type: 'cpu' } | { type: 'stop' };
export type FromChild = { type: 'ready'; url: string } | { type: 'rss'; rss: number; heapUsed: number } | { type: 'cpu'; micros: number };

/** Runs in a child: listens on a free loopback port, reports its URL, answers memory questions, stops when told. */
export async function serveBenchChild(app: Express, close: () => Promise<void>): Promise<void> {
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  server.keepAliveTimeout = 65_000;
  const send = (message: FromChild) => process.send?.(message);
  process.on('message', async (message: ToChild) => {
    if (message.type === 'rss') {
      // with --expose-gc (BENCH_GC), collect first so the heap figure is what is live, not garbage awaiting collection
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      send({ type: 'rss', rss, heapUsed });
    }
    if (message.type === 'cpu') {
      const used = process.cpuUsage();
      send({ type: 'cpu', micros: used.user + used.system });
    }
    if (message.type === 'stop') {
      server.closeAllConnections();
      server.close();
      await close();
      process.exit(0);
    }
  });
  // the bench is gone (finished or crashed): never outlive it
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}
