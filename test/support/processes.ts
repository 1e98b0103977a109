import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A bot server in its own process, as `npm start` runs it (bin/start.mjs: the compiled dist/server.js), as a second instance would run. */
export async function startBotProcess(
  env: Record<string, string>,
  options: { startTimeoutMs?: number } = {},
): Promise<{
  url: string;
  output: () => string;
  stop(): Promise<void>;
  signal(name: NodeJS.Signals): void;
  exited: Promise<NodeJS.Signals | number | null>;
}> {
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['bin/start.mjs'], {
    env: { ...process.env, LOG_LEVEL: 'warn', DEMO_PLAN: 'off', ...env, PORT: String(port), TEST_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const url = `http://127.0.0.1:${port}`;
  const startTimeoutMs = options.startTimeoutMs ?? 90_000;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`bot process exited (${child.exitCode ?? child.signalCode}): ${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`bot process did not start in ${startTimeoutMs / 1000} s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    output: () => output,
    /** resolves when the process ends: its exit code, or the signal that ended it (e.g. SIGKILL) */
    exited,
    /** sends the process a signal (SIGINT as Ctrl-C does) without waiting */
    signal: (name) => void child.kill(name),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Runs `npm run cli -- <args>` in its own process; resolves with the exit code and output. */
export async function runCliProcess(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/cli/main.ts', ...args], {
      env: { ...process.env, ...env, TEST_DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Starts `npm start`'s entry point and waits for it to exit (for start-up failures); resolves with the exit code and output. */
export async function runBotUntilExit(env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(process.execPath, ['bin/start.mjs'], {
      env: { ...process.env, LOG_LEVEL: 'warn', DEMO_PLAN: 'off', ...env, TEST_DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
