// The Prevent bot exactly as `npm start` runs it (bin/start.mjs: the compiled dist/server.js), run as a child process
// on DATABASE_URL and PORT from the bench; this file only adds the bench's memory and CPU questions.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { answerBench } from './child-side.js';

// the bot's own SIGTERM handler stops the scheduler, the server and the database, then exits
answerBench(() => void process.kill(process.pid, 'SIGTERM'));
const root = process.env.BENCH_ROOT;
if (!root) throw new Error('BENCH_ROOT is not set');
await import(pathToFileURL(path.join(root, 'bin', 'start.mjs')).href);
