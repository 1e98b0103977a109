import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { createBot } from '../app.js';
import { describeOpenedRound, openUpdateRound } from '../features/rounds/open-round.js';
import { roundStatusReply } from '../features/rounds/progress.js';
import { todayIn } from '../handlers/plan-source.js';
import { parseMeetingDate } from '../plan/rounds.js';
import type { CliCommand } from './context.js';

const USAGE = `Usage: round start --meeting DATE [--due DATE] [--title "board meeting"] [--by NAME] [--partnership NAME]
       round status [--partnership NAME]
DATE is 2026-12-04 or "4 December". Without --due, updates are due at 17:00 on the working day before the meeting.`;

/** `round start` asks every lead for updates before a meeting, in personal chat (the summary goes to --by when they are known, else to every coordinator); `round status` shows who has replied. */
export const roundCommand: CliCommand = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      meeting: { type: 'string' },
      due: { type: 'string' },
      title: { type: 'string' },
      by: { type: 'string' },
      partnership: { type: 'string' },
    },
  });
  const partnership = values.partnership ?? ctx.config.DEFAULT_PARTNERSHIP;
  const { services } = createBot({ config: ctx.config, store: ctx.store, now: ctx.now });
  if (positionals[0] === 'status') {
    const round = await ctx.store.rounds.latest(partnership);
    ctx.out(round ? (await roundStatusReply(services, round)).text : `There has been no update round in ${partnership} yet.`);
    return 0;
  }
  if (positionals[0] !== 'start' || !values.meeting) {
    ctx.out(USAGE);
    return 2;
  }
  const plan = await ctx.store.plans.require(partnership);
  const today = todayIn(plan.timeZone, ctx.now());
  const meetingDate = parseMeetingDate(values.meeting, today);
  const dueDate = values.due ? parseMeetingDate(values.due, today) : null;
  if (!meetingDate || (values.due && !dueDate)) {
    ctx.out(`I couldn't read "${meetingDate ? values.due : values.meeting}" as a date.\n${USAGE}`);
    return 2;
  }
  const person = values.by ? await ctx.store.people.find(partnership, values.by) : null;
  const createdBy = person?.displayName ?? values.by ?? userInfo().username;
  const opened = await openUpdateRound(services, {
    partnership,
    title: values.title ?? 'board meeting',
    meetingDate,
    dueDate,
    createdBy,
    createdByChatId: person?.chatId ?? null,
  });
  await services.outbox.drain();
  const { title, lines } = describeOpenedRound(opened);
  ctx.out([title, ...lines].join('\n'));
  return 0;
};
