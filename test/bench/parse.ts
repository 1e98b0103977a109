/**
 * Parse time and score of the fresh question set (not part of npm test): `npx tsx test/bench/parse.ts`.
 * Times one parseQuestion call per question over many rounds and prints the median and p99, then the score.
 */
import { parseQuestion } from '../../bot/plan/questions/index.js';
import { demoPlanView } from '../factories/demo-plan.js';
import { answerOf, sameAnswer, TODAY } from '../plan/phrasing/answers.js';
import { FRESH_SET } from '../plan/phrasing/fresh-set.js';

const plan = demoPlanView();
const ROUNDS = Number(process.env.ROUNDS ?? 400);
// biome-ignore lint/suspicious/noExplicitAny: the parser before issue 15 takes three arguments
const parse = parseQuestion as (...args: any[]) => unknown;

for (let i = 0; i < 50; i += 1) for (const [text, , speaker] of FRESH_SET) parse(text, plan, TODAY, speaker);
const times: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [text, , speaker] of FRESH_SET) {
    const start = process.hrtime.bigint();
    parse(text, plan, TODAY, speaker);
    times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
}
times.sort((a, b) => a - b);
const at = (q: number): string => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
console.log(`parse: ${times.length} calls, median ${at(0.5)} µs, p99 ${at(0.99)} µs`);

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
