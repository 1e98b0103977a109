/**
 * Time to read the demo plan file (not part of npm test): `npx tsx test/bench/plan-parse.ts`.
 * Target: a plan of this size parses in a few milliseconds (well under 50 ms per parse), so an import preview is instant.
 * Prints the median and p99 of many parses and the target as MET / NOT MET.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_ORGANISATIONS, parsePlanText } from '../../bot/import/index.js';

const FIXTURE = 'prisma/demo-plan.md';
const RUNS = Number(process.env.RUNS ?? 200);
const TARGET_MS = 50;

const text = readFileSync(FIXTURE, 'utf8');
for (let i = 0; i < 20; i++) parsePlanText(text, FIXTURE, DEFAULT_ORGANISATIONS);
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const started = performance.now();
  parsePlanText(text, FIXTURE, DEFAULT_ORGANISATIONS);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
console.log(`${FIXTURE}: ${RUNS} parses, median ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms`);
console.log(`median under ${TARGET_MS} ms: ${at(0.5) < TARGET_MS ? 'MET' : 'NOT MET'}`);
