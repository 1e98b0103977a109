import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromChild, ToChild } from './child-side.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A server the bench runs in a child process of its own (so it does not share an event loop with the load). */
export interface ChildServer {
  url: string;
  /** the child's resident set size and the V8 heap in use, bytes */
  rss(): Promise<{ rss: number; heapUsed: number }>;
  /** CPU time the child has used so far (user + system), milliseconds */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts test/bench/<script> with tsx; with a profile directory it writes a V8 CPU profile there on stop. */
export async function startChild(script: string, env: Record<string, string>, profileDir?: string): Promise<ChildServer> {
  const execArgv = ['--import', 'tsx', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  const child = fork(path.join(here, script), [], {
    execArgv,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
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
  const ready = (await next('ready')) as Extract<FromChild, { type: 'ready' }>;
  return {
    url: ready.url,
    async rss() {
      const answer = next('rss');
      ask({ type: 'rss' });
      const { rss, heapUsed } = (await answer) as Extract<FromChild, { type: 'rss' }>;
      return { rss, heapUsed };
    },
    async cpuMs() {
      const answer = next('cpu');
      ask({ type: 'cpu' });
      return ((await answer) as Extract<FromChild, { type: 'cpu' }>).micros / 1000;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        ask({ type: 'stop' });
      }),
  };
}
