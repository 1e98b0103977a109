#!/usr/bin/env node
// `npm start`: the compiled bot (dist/server.js), rebuilt first when a source file changed since the last build.
import { pathToFileURL } from 'node:url';
import { build, isStale, SERVER } from './build.mjs';

if (isStale()) {
  const { seconds, files } = await build();
  // an information line, so quiet at LOG_LEVEL warn and above (as the bot's own start-up lines are)
  if (['info', 'debug', 'trace', undefined, ''].includes(process.env.LOG_LEVEL)) {
    process.stderr.write(`Rebuilt dist/server.js (a source file changed) from ${files} files in ${seconds.toFixed(1)} s\n`);
  }
}
await import(pathToFileURL(SERVER).href);
