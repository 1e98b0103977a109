#!/usr/bin/env node
// The production build: bot/index.ts and everything it imports, bundled by esbuild into one ES module,
// dist/server.js (packages stay in node_modules). `npm install` runs it (postinstall); `npm start` runs it again
// first whenever a source file changed since (see isStale). `node bin/build.mjs` builds by hand.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
export const SERVER = path.join(dist, 'server.js');
const INFO = path.join(dist, 'build-info.json');

/** Whether dist/server.js is missing, or any file it was built from has changed (size or modification time) since. */
export function isStale() {
  if (!existsSync(SERVER) || !existsSync(INFO)) return true;
  let info;
  try {
    info = JSON.parse(readFileSync(INFO, 'utf8'));
  } catch {
    return true;
  }
  for (const [file, seen] of Object.entries(info.inputs ?? {})) {
    try {
      const s = statSync(path.join(root, file));
      if (s.size !== seen.size || Math.floor(s.mtimeMs) !== seen.mtimeMs) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** Builds dist/server.js (and its source map), written beside and renamed into place, so a running instance never reads half a file. */
export async function build() {
  const started = performance.now();
  const { build: esbuild } = await import('esbuild');
  mkdirSync(dist, { recursive: true });
  const tmp = path.join(dist, `.server-${process.pid}.js`);
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: ['bot/index.ts'],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const s = statSync(path.join(root, file));
    inputs[file] = { size: s.size, mtimeMs: Math.floor(s.mtimeMs) };
  }
  // the map names the final file
  const map = readFileSync(`${tmp}.map`, 'utf8');
  writeFileSync(`${tmp}.map`, map.replace(path.basename(tmp), path.basename(SERVER)));
  writeFileSync(
    tmp,
    readFileSync(tmp, 'utf8').replace(`sourceMappingURL=${path.basename(tmp)}.map`, `sourceMappingURL=${path.basename(SERVER)}.map`),
  );
  renameSync(`${tmp}.map`, `${SERVER}.map`);
  renameSync(tmp, SERVER);
  const infoTmp = `${INFO}.${process.pid}`;
  writeFileSync(infoTmp, JSON.stringify({ builtAt: new Date().toISOString(), inputs }, null, 1));
  renameSync(infoTmp, INFO);
  rmSync(tmp, { force: true });
  return { seconds: (performance.now() - started) / 1000, files: Object.keys(inputs).length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { seconds, files } = await build();
  process.stdout.write(`Built dist/server.js from ${files} files in ${seconds.toFixed(1)} s\n`);
}
