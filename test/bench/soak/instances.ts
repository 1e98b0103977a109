import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync, closeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../support/processes.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** One bot server process as `npm start` runs it (bin/start.mjs: the compiled dist/server.js), as a second instance would run. */
export interface Instance {
  name: string;
  url: string;
  /** the node process's id (the server itself, not a wrapper: kill -9 reaches it) */
  pid(): number;
  up(): boolean;
  /** resident set size from /proc/<pid>/status, bytes; null when the process is not running */
  rss(): number | null;
  /** user + system CPU seconds the current process has used, from /proc/<pid>/stat */
  cpuSeconds(): number | null;
  /** SIGKILL: no shutdown hooks, connections cut mid-request */
  kill9(): Promise<void>;
  /** starts the process again on the same port; resolves when /healthz answers */
  restart(): Promise<{ ms: number }>;
  /** SIGTERM and wait */
  stop(): Promise<void>;
  /** how many times the process started */
  starts: number;
}

/** Starts `node bin/start.mjs` on a free loopback port and waits for /healthz; its output goes to `logFile`. Build dist/ first. */
export async function startInstance(name: string, env: Record<string, string>, logFile: string): Promise<Instance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let starts = 0;
  const launch = async () => {
    const started = performance.now();
    const log = openSync(logFile, 'a');
    const proc = spawn(process.execPath, ['bin/start.mjs'], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'warn', DEMO_PLAN: 'off', ...env, PORT: String(port), TEST_DATABASE_URL: '' },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    child = proc;
    starts++;
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (proc.exitCode !== null || proc.signalCode !== null)
        throw new Error(`${name} exited (${proc.exitCode ?? proc.signalCode}) while starting: see ${logFile}`);
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${name} did not start in 90 s: see ${logFile}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    return { ms: performance.now() - started };
  };
  const running = () => child !== null && child.exitCode === null && child.signalCode === null;
  const proc = (file: string) => {
    if (!running() || child?.pid === undefined) return null;
    try {
      return readFileSync(`/proc/${child.pid}/${file}`, 'utf8');
    } catch {
      return null;
    }
  };
  const exited = (c: ChildProcess) =>
    new Promise<void>((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve() : c.once('exit', () => resolve())));
  await launch();
  return {
    name,
    url,
    pid: () => child?.pid ?? 0,
    up: running,
    rss() {
      const kb = proc('status')?.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1];
      return kb === undefined ? null : Number(kb) * 1024;
    },
    cpuSeconds() {
      // fields after the command name (which is in brackets): utime is the 14th field, stime the 15th, in clock ticks
      const stat = proc('stat');
      if (!stat) return null;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    async kill9() {
      const c = child;
      if (!c || !running()) return;
      c.kill('SIGKILL');
      await exited(c);
    },
    restart: launch,
    async stop() {
      const c = child;
      if (!c || !running()) return;
      c.kill('SIGTERM');
      const timer = setTimeout(() => c.kill('SIGKILL'), 15_000);
      await exited(c);
      clearTimeout(timer);
    },
    get starts() {
      return starts;
    },
  };
}
