import type { Services } from './core/context.js';
import { logger } from './logger.js';
import { handleText } from './routes/dispatch.js';
import { resolveTurn } from './routes/turn-context.js';
import { toActivity } from './teams/render.js';

const log = logger('main');

/** A stranger in no conversation: nobody the store knows, so every answer is read-only and nothing is recorded. */
const REHEARSAL = { sender: { id: 'warm-up', name: 'Warm-up' }, conversation: { id: 'warm-up', kind: 'channel' as const } };

/** Questions partners ask most, in their words, for a plan whose first action and organisation are given. */
const questionsFor = (action: string | undefined, organisation: string | undefined) => [
  "what's amber?",
  "what's overdue?",
  'summary',
  'what is red or amber?',
  "what's due this month?",
  ...(action ? [`show action ${action}`] : []),
  ...(organisation ? [`what is ${organisation} leading?`] : []),
];

/**
 * Before taking traffic: opens the pool's connections and rehearses partners' questions on a few partnerships' plans,
 * through the route table and the renderer as a turn would, answered to no one. A freshly started process pays for
 * compiling every function on its first call, and the first turns after a start (a deploy, a restart) would queue
 * behind that; rehearsing first makes them as quick as any. Read-only (a stranger asks, so nothing is recorded), at most
 * `budgetMs` of work (WARM_UP_MS; the first question in each partnership is always asked), and never a reason not to start: anything that goes wrong is logged and start-up goes on.
 */
export async function warmUp(services: Services, options: { budgetMs?: number; partnerships?: number } = {}) {
  const started = performance.now();
  const budgetMs = options.budgetMs ?? services.config.WARM_UP_MS;
  let turns = 0;
  if (budgetMs <= 0) return { partnerships: 0, turns, ms: 0 };
  try {
    const partnerships = (await services.store.plans.partnershipsWithPlans()).slice(0, options.partnerships ?? 8);
    const deadline = started + budgetMs;
    // each round asks in every partnership at once, so the pool opens a connection for each (and prepares its statements)
    for (let round = 0; round < 4 && (round === 0 || performance.now() < deadline); round++) {
      const asked = await Promise.all(partnerships.map((partnership) => rehearse(services, partnership, round, deadline)));
      turns += asked.reduce((a, b) => a + b, 0);
    }
    const ms = Math.round(performance.now() - started);
    log.info(
      { partnerships: partnerships.length, turns, ms },
      `Warmed up: ${turns} questions rehearsed on ${partnerships.length} ${partnerships.length === 1 ? 'plan' : 'plans'} in ${ms} ms`,
    );
    return { partnerships: partnerships.length, turns, ms };
  } catch (err) {
    log.warn({ err }, 'Could not warm up before taking traffic; starting anyway');
    return { partnerships: 0, turns, ms: Math.round(performance.now() - started) };
  }
}

/**
 * The questions asked in one partnership, answered and rendered as a turn would be, until the deadline (the first
 * round's first question always); how many were asked.
 */
async function rehearse(services: Services, partnership: string, round: number, deadline: number): Promise<number> {
  const turn = await resolveTurn(services, { partnership, ...REHEARSAL, activityId: `warm-up:${round}` });
  const plan = await services.store.plans.current(partnership);
  if (!plan) return 0;
  const questions = questionsFor(plan.actions[0]?.label, plan.organisations[0]?.name);
  let asked = 0;
  for (const text of questions) {
    if ((round > 0 || asked > 0) && performance.now() >= deadline) break;
    for (const reply of await handleText({ ...turn, text })) JSON.stringify(toActivity(reply));
    asked++;
  }
  return asked;
}
