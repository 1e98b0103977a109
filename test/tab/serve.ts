import type { AddressInfo } from 'node:net';
import express from 'express';
import { createTabRouter, type TabDeps } from '../../bot/tab/router.js';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the tab router alone on 127.0.0.1 with a free port. */
export async function serveTab(deps: TabDeps): Promise<TestServer> {
  const app = express();
  app.use(createTabRouter(deps));
  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
