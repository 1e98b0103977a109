import { parseArgs } from 'node:util';
import { AppError } from '../../../bot/errors.js';
import { generatePartnership } from './partnership.js';
import { areaFor } from './places.js';
import type { GeneratedPartnership } from './types.js';
import { openBulkLoader } from '../../../bot/store/bulk.js';
import { saveGeneratedPartnerships } from './save.js';
import type { CliCommand } from '../../../bot/cli/context.js';

const USAGE =
  'Usage: generate [--partnerships 400] [--years 10] [--seed 1] [--actions 40] [--updates N (default 2,500 per partnership)] [--until YYYY-MM-DD (default today)] [--service-url URL] [--batch 20]';

const n = (value: number) => value.toLocaleString('en-GB');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function wholeNumber(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new AppError('INVALID_INPUT', `--${name} must be a whole number, at least ${min}. ${USAGE}`);
  return value;
}

/**
 * `generate`: a national test dataset of plans, organisations, people, channels and years of history.
 * The same seed and --until give the same data; all dates are relative to --until.
 */
export const generateCommand: CliCommand = async (args, ctx) => {
  const { values } = parseArgs({
    args,
    options: {
      partnerships: { type: 'string' },
      years: { type: 'string' },
      seed: { type: 'string' },
      actions: { type: 'string' },
      updates: { type: 'string' },
      until: { type: 'string' },
      'service-url': { type: 'string' },
      batch: { type: 'string' },
    },
  });
  const partnerships = wholeNumber('partnerships', values.partnerships, 400, 1);
  const years = wholeNumber('years', values.years, 10, 1);
  const seed = wholeNumber('seed', values.seed, 1, 0);
  const actions = wholeNumber('actions', values.actions, 40, 1);
  const updates = wholeNumber('updates', values.updates, 2500 * partnerships, partnerships * actions);
  const batch = wholeNumber('batch', values.batch, 20, 1);
  const until = new Date(`${values.until ?? ctx.now().toISOString().slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(until.getTime())) throw new AppError('INVALID_INPUT', `--until must be a date (YYYY-MM-DD). ${USAGE}`);
  const serviceUrl = values['service-url'] ?? 'https://smba.trafficmanager.net/uk/';

  const names = Array.from({ length: partnerships }, (_, i) => areaFor(i).place);
  const clash = await ctx.store.partnerships.existing(names);
  if (clash.length)
    throw new AppError(
      'INVALID_INPUT',
      `The database already has ${clash.length} of these partnerships (e.g. ${clash.slice(0, 3).join(', ')}): generate into an empty database.`,
    );

  ctx.out(
    `Generating ${n(partnerships)} partnerships (seed ${seed}, ${years} years of history up to ${until.toISOString().slice(0, 10)}) into ${ctx.store.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}...`,
  );
  const started = performance.now();
  const totals: Record<string, number> = {};
  const roles = { coordinator: 0, lead: 0, member: 0 };
  let generatingMs = 0;
  const loader = await openBulkLoader(ctx.store.url);
  try {
    const generateGroup = (first: number): GeneratedPartnership[] => {
      const t = performance.now();
      const group: GeneratedPartnership[] = [];
      for (let index = first; index < Math.min(partnerships, first + batch); index++) {
        const share = Math.floor(updates / partnerships) + (index < updates % partnerships ? 1 : 0);
        group.push(generatePartnership({ seed, index, until, years, actions, updates: share, serviceUrl }));
      }
      generatingMs += performance.now() - t;
      return group;
    };
    let group = generateGroup(0);
    for (let first = 0; first < partnerships; first += batch) {
      for (const person of group.flatMap((p) => p.people)) roles[person.role]++;
      // the database writes one group while the next is generated
      const writing = saveGeneratedPartnerships(loader, group);
      const next = first + batch < partnerships ? generateGroup(first + batch) : [];
      const written = await writing;
      for (const [table, count] of Object.entries(written)) totals[table] = (totals[table] ?? 0) + count;
      ctx.out(
        `  ${n(first + group.length)} of ${n(partnerships)} partnerships, ${n(totals.ActionUpdate ?? 0)} history rows (${seconds(performance.now() - started)})`,
      );
      group = next;
    }
    const analysing = performance.now();
    await loader.analyze();
    const analyseMs = performance.now() - analysing;
    const total = performance.now() - started;
    ctx.out(
      `Generated in ${seconds(total)} (generating ${seconds(generatingMs)}, writing alongside, updating statistics ${seconds(analyseMs)}):`,
    );
    ctx.out(`  ${n(totals.Partnership!)} partnerships, each with a plan, a team channel and its own tenant`);
    ctx.out(
      `  ${n(totals.Action!)} actions in ${n(totals.Theme!)} themes, led by ${n(totals.Organisation!)} organisations (${n(totals.ActionLead!)} action leads)`,
    );
    ctx.out(`  ${n(totals.Person!)} people: ${n(roles.coordinator)} coordinators, ${n(roles.lead)} leads, ${n(roles.member)} members`);
    ctx.out(`  ${n(totals.ConversationRef!)} conversation references (team channels and coordinators' personal chats)`);
    ctx.out(`  ${n(totals.ActionUpdate!)} history rows (${n(Math.round(totals.ActionUpdate! / (total / 1000)))} a second)`);
    return 0;
  } finally {
    await loader.close();
  }
};
