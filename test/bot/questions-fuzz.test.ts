import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuestion } from '../../bot/plan/questions/index.js';
import { findActions } from '../../bot/plan/query.js';
import { validateCard } from '../../cards/validate.js';
import { demoPlanView } from '../factories/demo-plan.js';
import { makeMessage, TEAMS } from '../support/activities.js';
import { at } from '../support/at.js';
import { cardOf, startTestBot, type TestBot, textOf } from '../support/bot.js';

/** Words the parser keys on, to build adversarial questions that are nearly real ones. */
const WORDS = [
  'red',
  'amber',
  'green',
  'ambr',
  'behind',
  'off',
  'track',
  'on',
  'not',
  'started',
  'police',
  'council',
  'NHS',
  'my',
  'actions',
  'show',
  'action',
  '2.2',
  '#',
  '18',
  'due',
  'before',
  'March',
  'overdue',
  'anything',
  'about',
  'e-learning',
  'MAPPA',
  'help',
  'thanks',
  'hello',
  'update',
  'in',
  'the',
  'training',
  'theme',
  'for',
  'by',
  'led',
  "what's",
  '?',
  '!',
  '-',
  "'s",
];

/** Random and adversarial text: any unicode, emoji, right-to-left scripts, SQL-like, only punctuation, very long. */
const adversarial = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }).map((words) => words.join(' ')),
  fc.array(fc.constantFrom('😀', '🔴', '🟠', '🟢', '👍🏽', '🏳️‍🌈', '\u200d', '\ufe0f'), { maxLength: 50 }).map((e) => e.join('')),
  fc.array(fc.constantFrom('ما هو الأحمر', 'מה אדום', '\u202e', '\u202b', 'red', '؟'), { maxLength: 20 }).map((r) => r.join(' ')),
  fc.constantFrom(
    '\'; DROP TABLE "Action"; --',
    "red' OR '1'='1",
    '1; SELECT * FROM Person',
    '<at>Prevent plan</at> <script>alert(1)</script>',
    '[log in](https://evil.example)',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: template-injection text, on purpose
    '${process.exit(1)}',
    '{"__proto__": {"polluted": true}}',
  ),
  fc.string({ unit: fc.constantFrom(...'!?.,;:#-\'"()[]{}<>/\\|@&*%$£^~`_+='), minLength: 1, maxLength: 300 }),
  fc
    .tuple(fc.constantFrom('red ', 'a', 'e-', '2.', '#'), fc.integer({ min: 2_000, max: 20_000 }))
    .map(([s, n]) => s.repeat(Math.ceil(n / s.length))),
);

describe('parseQuestion on random and adversarial text', () => {
  const plan = demoPlanView();
  it('never throws, answers a known kind, and stays fast', () => {
    fc.assert(
      fc.property(adversarial, (text) => {
        const start = performance.now();
        const question = parseQuestion(text, plan, '2026-11-22', { organisations: ['City of London Police Prevent team'] });
        if (question.kind === 'list') findActions(plan, question.filter, '2026-11-22');
        expect(['help', 'smalltalk', 'summary', 'show', 'list', 'noLead', 'mine-unknown', 'unknown']).toContain(question.kind);
        // generous: the machine is shared; a question takes microseconds, a 20,000-character one a few milliseconds
        expect(performance.now() - start).toBeLessThan(500);
      }),
      { numRuns: 1500, seed: 15 },
    );
  });
});

describe('the real bot, over HTTP, on random and adversarial text', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('always answers with one valid card within a bounded time, never an error', async () => {
    await fc.assert(
      fc.asyncProperty(adversarial, async (text) => {
        bot.connector.clear();
        const start = performance.now();
        const res = await bot.post(makeMessage(bot.connector.url, { text, mention: true }));
        const took = performance.now() - start;
        expect(res.status).toBe(200);
        const replies = bot.connector.to(TEAMS.channel.id);
        expect(replies).toHaveLength(1);
        const reply = at(replies, 0).activity;
        const card = cardOf(reply);
        expect(card).toBeTruthy();
        expect(validateCard(card)).toEqual([]);
        expect(textOf(reply)).not.toMatch(/something went wrong/i);
        expect(took).toBeLessThan(5_000);
      }),
      { numRuns: 150, seed: 15 },
    );
  }, 120_000);
});
