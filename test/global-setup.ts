import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

// Global setup of the integration project (never the unit tier): what the browser tests need beyond `npm install`.
// Debian's chromium is installed with apt-get when it is missing and we are root (as on CI and the project's
// machines); otherwise one line says what to run. The browser tests then fail with the same advice (never skip).

const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'test/browser/install-chromium.sh';

/** Installs chromium when missing and possible; returns one line of advice when it is still missing. */
function ensureChromium(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
  if (!root || !has('apt-get')) {
    return `Browser tests need Debian's chromium at ${CHROMIUM}: run \`sudo npm run browser:install\` (apt-get install chromium), then npm test again.`;
  }
  process.stdout.write(`chromium is missing: installing Debian's chromium with apt-get (${INSTALL}) for the browser tests…\n`);
  // the SQLite and PostgreSQL tiers may start side by side: one installs, the other waits for it and finds it there
  const command = has('flock') ? ['flock', '/tmp/prevent-bot-chromium-install.lock', 'sh', INSTALL] : ['sh', INSTALL];
  const run = spawnSync(command[0] as string, command.slice(1), { stdio: 'inherit', timeout: 15 * 60_000 });
  if (run.status === 0 && existsSync(CHROMIUM)) return null;
  return `Installing chromium failed (exit ${run.status ?? run.signal}): run \`npm run browser:install\` to see why, then npm test again.`;
}

/** The Agents Playground comes from npm (a devDependency); a missing one means `npm install` did not finish. */
function ensurePlayground(): string | null {
  try {
    createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
    return null;
  } catch {
    return 'The Agents Playground tests need @microsoft/m365agentsplayground: run `npm install`, then npm test again.';
  }
}

export default function setup(): void {
  for (const advice of [ensureChromium(), ensurePlayground()]) {
    if (advice) process.stdout.write(`${advice}\n`);
  }
}
