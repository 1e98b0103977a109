#!/usr/bin/env node
// The production build: bot/index.ts and everything it imports, bundled by esbuild into ES modules in dist/: server.js,
// and chunks for what is loaded only when first used (the importers, the report writer, one database client), so their
// packages (exceljs, mammoth, docx, pngjs...) stay out of memory until then. The packages every start loads (botbuilder,
// express, zod, luxon, jose...) are bundled in too: Node then reads and compiles one file instead of resolving, reading
// and compiling about a thousand, which took about a third of start-up (see EXTERNAL for the packages left out).
// `npm install` runs it (postinstall); `npm start` runs it again first whenever a source file changed since (isStale).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
export const SERVER = path.join(dist, 'server.js');
const INFO = path.join(dist, 'build-info.json');

/**
 * Packages left in node_modules and loaded from there: native code (better-sqlite3), packages that find their own files
 * at run time (Prisma's client, engine and adapters; pino's transports, run in worker threads; node-cron's daemon),
 * and packages only a lazily loaded part of the bot uses (pg, Slack, the importers and the report writer).
 */
const EXTERNAL = [
  '@prisma/*',
  'better-sqlite3',
  'pg',
  'pino',
  'pino-*',
  'thread-stream',
  'node-cron',
  '@slack/*',
  'exceljs',
  'mammoth',
  'docx',
  'pngjs',
];

/** What the last build recorded (its inputs' sizes and modification times, its chunks), or null when there is none. */
export function readBuildInfo() {
  if (!existsSync(INFO)) return null;
  try {
    return JSON.parse(readFileSync(INFO, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Whether dist/server.js is missing, or any file it was built from has changed (size or modification time) since.
 * `info` is what the last build recorded (tests pass an altered copy rather than touching source files).
 */
export function isStale(info = readBuildInfo()) {
  if (!existsSync(SERVER) || !info) return true;
  for (const [file, seen] of Object.entries(info.inputs ?? {})) {
    try {
      const s = statSync(path.join(root, file));
      if (s.size !== seen.size || Math.floor(s.mtimeMs) !== seen.mtimeMs) return true;
    } catch {
      return true;
    }
  }
  for (const chunk of info.chunks ?? []) if (!existsSync(path.join(dist, chunk))) return true;
  return false;
}

/** Writes a file beside its final name and renames it into place, so a running instance never reads half a file. */
function writeAtomically(file, contents) {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

/**
 * Builds dist/. Chunk names carry a hash of their contents, and chunks are written before server.js, so an instance
 * still running the previous build can go on loading its own chunks; chunks no build has referenced for a day are removed.
 */
export async function build() {
  const started = performance.now();
  const { build: esbuild } = await import('esbuild');
  const result = await esbuild({
    absWorkingDir: root,
    entryPoints: { server: 'bot/index.ts' },
    outdir: dist,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    // the CommonJS packages bundled in call require() for Node's own modules (and optional packages): give them one
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'warning',
    legalComments: 'none',
  });
  const contents = (file) => (file.path.endsWith('.js') ? oneByte(file.text) : file.contents);
  const entry = result.outputFiles.filter((f) => f.path === SERVER || f.path === `${SERVER}.map`);
  for (const file of result.outputFiles) if (!entry.includes(file)) writeAtomically(file.path, contents(file));
  for (const file of entry) writeAtomically(file.path, contents(file));
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const s = statSync(path.join(root, file));
    inputs[file] = { size: s.size, mtimeMs: Math.floor(s.mtimeMs) };
  }
  const chunks = result.outputFiles.map((f) => path.relative(dist, f.path)).filter((f) => f.startsWith('chunks') && f.endsWith('.js'));
  writeAtomically(INFO, JSON.stringify({ builtAt: new Date().toISOString(), chunks, inputs }, null, 1));
  pruneChunks(new Set(chunks));
  return { seconds: (performance.now() - started) / 1000, files: Object.keys(inputs).length };
}

/**
 * The bundle with every character above U+00FF written as a \u escape. esbuild leaves such characters in comments and
 * regular expressions (our dashes and curly quotes, a few packages' comments), and one is enough for V8 to hold the
 * whole file's source at two bytes a character: 16 MB for the bundle instead of 8. Escapes mean the same in regular
 * expressions, strings and identifiers; the lines changed (a few dozen) are a few columns off in the source map.
 */
function oneByte(text) {
  // after a backslash the escape would be read as a backslash and "u...": never seen, so refused rather than handled
  if (/\\[\u0100-\uffff]/.test(text)) throw new Error('The bundle has a backslash before a character above U+00FF');
  return text.replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function pruneChunks(current) {
  const dir = path.join(dist, 'chunks');
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const file = path.join(dir, name);
    if (current.has(path.join('chunks', name.replace(/\.map$/, '')))) continue;
    try {
      if (statSync(file).mtimeMs < dayAgo) rmSync(file, { force: true });
    } catch {
      // another build removed it
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { seconds, files } = await build();
  process.stdout.write(`Built dist/server.js from ${files} files in ${seconds.toFixed(1)} s\n`);
}
