import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../bot/config.js';
import { AppError } from '../bot/errors.js';
import { packageApp, readIcons } from './app-package.js';
import { buildManifest } from './manifest.js';

const OUT = new URL('./build/appPackage.zip', import.meta.url);

/** Builds manifest/build/appPackage.zip from the configuration; returns the lines to tell the user. */
export function buildPackage(env: Record<string, string | undefined>): string[] {
  if (!env.MicrosoftAppId?.trim()) {
    throw new AppError(
      'CONFIG_INVALID',
      "Set MicrosoftAppId (the bot's Entra app id) in .env or the environment, then run npm run package again.",
    );
  }
  // Packaging needs no secret and no tenant id: stand in for them so loadConfig checks everything else.
  const config = loadConfig({
    ...env,
    MicrosoftAppPassword: env.MicrosoftAppPassword || 'not-needed-for-packaging',
    MicrosoftAppTenantId: env.MicrosoftAppTenantId || 'not-needed-for-packaging',
  });
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const manifest = buildManifest(config.MicrosoftAppId ?? '', config.PUBLIC_HOST, pkg.version);
  mkdirSync(new URL('./build/', import.meta.url), { recursive: true });
  writeFileSync(OUT, packageApp(manifest, readIcons()));
  const lines = [`Wrote ${fileURLToPath(OUT)} for app ${manifest.id} on https://${config.PUBLIC_HOST}.`];
  if (/^(localhost|127\.|\[?::1)/.test(config.PUBLIC_HOST)) {
    lines.push('Warning: PUBLIC_HOST is local; Teams cannot reach it. Use your public host name or a dev tunnel.');
  }
  return lines;
}

function main(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
  try {
    process.stdout.write(`${buildPackage(process.env).join('\n')}\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
