#!/usr/bin/env node
// `npm start`: the compiled bot (dist/server.js), rebuilt first when a source file changed since the last build.
import { build, isStale, SERVER } from './build.mjs';
import { pathToFileURL } from 'node:url';

if (isStale()) {
  const { seconds, files } = await build();
  process.stderr.write(`Rebuilt dist/server.js (a source file changed) from ${files} files in ${seconds.toFixed(1)} s\n`);
}
await import(pathToFileURL(SERVER).href);
