/**
 * Parse time and score of the fresh question set (not part of npm test): `npx tsx test/bench/parse.ts`.
 * Times one parseQuestion call per question over many rounds and prints the median and p99, then the score.
 */
import { parseQuestion } from '../../bot/plan/questions/index.js';
import { demoPlanView } from '../factories/demo-plan.js';
import { answerOf, sameAnswer, TODAY } from '../plan/phrasing/answers.js';
import { FRESH_SET } from '../plan/phrasing/fresh-set.js';
import { TABLES } from '../plan/phrasing/tables.js';

const plan = demoPlanView();
const ROUNDS = Number(process.env.ROUNDS ?? 400);
const parse = parseQuestion;

for (let i = 0; i < 50; i += 1) for (const [text, , speaker] of FRESH_SET) parse(text, plan, TODAY, speaker);
const times: number[] = [];
const best = FRESH_SET.map(() => Number.POSITIVE_INFINITY);
for (let round = 0; round < ROUNDS; round += 1) {
  FRESH_SET.forEach(([text, , speaker], i) => {
    const start = process.hrtime.bigint();
    parse(text, plan, TODAY, speaker);
    const took = Number(process.hrtime.bigint() - start) / 1000;
    times.push(took);
    best[i] = Math.min(best[i] ?? took, took);
  });
}
/** The value at quantile q of sorted numbers. */
const quantile = (sorted: number[], q: number): string =>
  (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
times.sort((a, b) => a - b);
best.sort((a, b) => a - b);
console.log(`parse: ${times.length} calls, median ${quantile(times, 0.5)} µs, p99 ${quantile(times, 0.99)} µs`);
console.log(
  `each question's best of ${ROUNDS} (less disturbed by other work on the machine): median ${quantile(best, 0.5)} µs, slowest ${quantile(best, 1)} µs`,
);

let exact = 0;
let asSets = 0;
const misses: string[] = [];
for (const [text, want, speaker] of FRESH_SET) {
  const got = answerOf(text, speaker);
  if (sameAnswer(got, want)) exact += 1;
  if (sameAnswer(got, want, false)) asSets += 1;
  else misses.push(`  ${JSON.stringify(text)}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}
console.log(`fresh set: ${asSets}/${FRESH_SET.length} right (${exact} in the exact order)`);
if (process.env.VERBOSE) console.log(misses.join('\n'));

const table = Object.values(TABLES).flat();
const tableRight = table.filter(([text, want, speaker]) => sameAnswer(answerOf(text, speaker), want)).length;
console.log(`phrasing table: ${tableRight}/${table.length} right in the exact order`);
