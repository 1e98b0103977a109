import { createBot } from '../../bot/app.js';
import type { Services } from '../../bot/core/context.js';
import { setPanelMember } from '../../bot/store/panel.js';
import { grantRole } from '../../bot/store/people.js';
import type { Role } from '../../bot/plan/types.js';
import { JOBS } from '../../jobs/index.js';
import type { Job } from '../../jobs/job.js';
import { RunCoordinator, type CoordinatorOptions } from '../../jobs/run-coordinator.js';
import { makeInstall, makeMessage, TEAMS } from '../support/activities.js';
import { cardOf, startTestBot, type TestBot, textOf } from '../support/bot.js';

export const PARTNERSHIP = 'City of London';
export const CLEO = TEAMS.user('Cleo Coordinator', '29:cleo');

/** A test bot on a fresh database with the demo plan, installed in the team channel, with Cleo as coordinator in personal chat. */
export async function startJobsBot(now: string): Promise<TestBot> {
  const bot = await startTestBot({ now });
  await bot.post(makeInstall(bot.connector.url));
  await person(bot, CLEO, 'coordinator');
  bot.connector.clear();
  return bot;
}

/** Gives someone a role and (unless `chat` is false) a personal chat with the bot, as if they had said hello. */
export async function person(
  bot: TestBot,
  user: { id: string; name: string },
  role: Role = 'member',
  options: { chat?: boolean; panel?: boolean; organisation?: string } = {},
) {
  await grantRole(bot.store.db, {
    partnership: PARTNERSHIP,
    who: user.name,
    role,
    chatId: user.id,
    displayName: user.name,
    organisation: options.organisation,
  });
  if (options.panel) await setPanelMember(bot.store.db, { partnership: PARTNERSHIP, who: user.id, member: true });
  if (options.chat !== false)
    await bot.post(makeMessage(bot.connector.url, { text: 'hello', from: user, conversation: TEAMS.personalOf(user.id) }));
}

/** Sends a chat message as someone (in the team channel unless a conversation is given) and returns the bot's reply texts. */
export async function say(
  bot: TestBot,
  from: { id: string; name: string },
  text: string,
  conversation: Record<string, unknown> = TEAMS.channel,
  mentions: { id: string; name: string; aadObjectId?: string }[] = [],
): Promise<string[]> {
  const before = bot.connector.sent.length;
  await bot.post(makeMessage(bot.connector.url, { text, mention: conversation === TEAMS.channel, from, conversation, mentions }));
  return bot.connector.sent.slice(before).map((s) => textOf(s.activity));
}

/** A run coordinator over the test bot's services (or other services on the same database). */
export function coordinatorFor(services: Services, options: CoordinatorOptions & { jobs?: Job[] } = {}) {
  return new RunCoordinator(services, options.jobs ?? JOBS, { instanceId: options.instanceId ?? 'test-a', ...options });
}

/** Runs the scheduler's window ending at an instant (one minute long, as the cron task does), with the clock set there. */
export async function tickAt(bot: TestBot, at: string, coordinator = coordinatorFor(bot.services)) {
  bot.clock.set(at);
  const to = new Date(at);
  return coordinator.tick(new Date(to.getTime() - 60_000), to);
}

/** Runs contiguous windows from one instant to another (like the scheduler's minute ticks, but in larger steps). */
export async function runBetween(
  bot: TestBot,
  from: string,
  to: string,
  stepMs = 6 * 3_600_000,
  coordinator = coordinatorFor(bot.services),
) {
  const reports = [];
  for (let t = new Date(from).getTime(); t < new Date(to).getTime(); t += stepMs) {
    const end = Math.min(t + stepMs, new Date(to).getTime());
    bot.clock.set(new Date(end));
    reports.push(...(await coordinator.tick(new Date(t), new Date(end))));
  }
  return reports;
}

/** Second services on the same database: another bot instance, with its own store and notifier. */
export async function secondInstance(bot: TestBot, sleep?: (ms: number) => Promise<void>) {
  const { openStore } = await import('../../bot/store/database.js');
  const store = await openStore(bot.config.DATABASE_URL);
  const { services } = createBot({ config: bot.config, store, now: bot.clock.now, sleep: sleep ?? (async () => undefined) });
  return { services, close: () => store.close() };
}

/** Messages the fake connector received, as [conversation, text] pairs, in order. */
export function sentTexts(bot: TestBot): [string, string][] {
  return bot.connector.sent.map((s) => [s.conversationId, textOf(s.activity)]);
}

export { cardOf, TEAMS };
