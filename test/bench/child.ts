import { fork } from 'node:child_process';
import http from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { FromChild, MemoryFigures, ToChild } from './child-side.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const outDir = path.join(here, '.build');

/** A server the bench runs in a child process of its own (so it does not share an event loop with the load). */
export interface ChildServer {
  url: string;
  /** from the fork to the first 200 from GET /healthz, milliseconds */
  startupMs: number;
  /** the child's resident set size and the V8 heap in use after a full GC, bytes */
  rss(): Promise<MemoryFigures>;
  /** CPU time the child has used so far (user + system), milliseconds */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

const built = new Map<string, Promise<string>>();

/**
 * test/bench/<script> compiled once per run by esbuild, as the production build is (packages stay in node_modules), so
 * every server runs on plain node: the bot through bin/start.mjs (what `npm start` runs), the baselines likewise.
 */
function compiled(script: string): Promise<string> {
  let file = built.get(script);
  if (!file) {
    const outfile = path.join(outDir, script.replace(/\.ts$/, '.mjs'));
    file = build({
      absWorkingDir: root,
      entryPoints: [path.join(here, script)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    }).then(() => outfile);
    built.set(script, file);
  }
  return file;
}

/** A free TCP port on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** GET /healthz without keep-alive (a kept socket would hold up the server's close): the status, or 0 when refused. */
function health(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/healthz`, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

/**
 * Starts test/bench/<script> on plain node with --expose-gc (and with a profile directory, a V8 CPU profile written there
 * on stop), on a free port; resolves once GET /healthz answers 200.
 */
export async function startChild(script: string, env: Record<string, string>, profileDir?: string): Promise<ChildServer> {
  const file = await compiled(script);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const execArgv = ['--expose-gc', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  const started = performance.now();
  const child = fork(file, [], {
    execArgv,
    env: { ...process.env, ...env, PORT: String(port), BENCH_ROOT: root },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  while ((await health(url)) !== 200) {
    if (exited) throw new Error(`${script} exited before it served /healthz`);
    if (performance.now() - started > 120_000) throw new Error(`${script} did not serve /healthz within 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const startupMs = performance.now() - started;
  const next = (type: FromChild['type']) =>
    new Promise<FromChild>((resolve, reject) => {
      const onMessage = (m: FromChild) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m);
      };
      const onExit = (code: number | null) => reject(new Error(`${script} exited (${code}) before answering`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ask = (message: ToChild) => child.send(message);
  return {
    url,
    startupMs,
    async rss() {
      const answer = next('rss');
      ask({ type: 'rss' });
      const { type: _, ...figures } = (await answer) as Extract<FromChild, { type: 'rss' }>;
      return figures;
    },
    async cpuMs() {
      const answer = next('cpu');
      ask({ type: 'cpu' });
      return ((await answer) as Extract<FromChild, { type: 'cpu' }>).micros / 1000;
    },
    async stop() {
      if (exited) return;
      ask({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
