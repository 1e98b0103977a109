import { parseArgs } from 'node:util';
import { composeDigest } from '../features/digests/compose.js';
import { weekdayName } from '../plan/schedule/describe.js';
import { parseTime, weekdayNumber } from '../plan/schedule/phrases.js';
import type { CliCommand } from './context.js';

const USAGE = `Usage:
  digest --preview [--at ISO_TIME] [--json] [--partnership NAME]    print this week's digest (text, or the card as JSON)
  digest set <user> [--day monday..sunday] [--time HH:MM] [--on | --off] [--partnership NAME]`;

/** `digest --preview` prints the weekly digest; `digest set` changes a coordinator's day, time or switches it off. */
export const digestCommand: CliCommand = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      preview: { type: 'boolean' },
      at: { type: 'string' },
      json: { type: 'boolean' },
      partnership: { type: 'string' },
      day: { type: 'string' },
      time: { type: 'string' },
      on: { type: 'boolean' },
      off: { type: 'boolean' },
    },
  });
  const partnership = values.partnership ?? ctx.config.DEFAULT_PARTNERSHIP;
  if (values.preview) {
    const at = values.at ? new Date(values.at) : ctx.now();
    if (Number.isNaN(at.getTime())) {
      ctx.out(`"${values.at}" is not a date and time. Use ISO 8601, e.g. 2026-11-23T09:00:00Z.`);
      return 2;
    }
    const composed = await composeDigest(ctx.store, partnership, at);
    if (!composed) {
      ctx.out(`There is no plan for ${partnership} yet. Import one with: npm run cli -- import <file>`);
      return 1;
    }
    ctx.out(values.json ? JSON.stringify(composed.reply.card, null, 2) : composed.reply.text);
    return 0;
  }
  const [action, ...rest] = positionals;
  if (action === 'set' && rest.length) {
    const person = await ctx.store.people.find(partnership, rest.join(' '));
    const day = values.day ? weekdayNumber(values.day) : undefined;
    const time = values.time ? parseTime(values.time) : undefined;
    if (!person || day === null || time === null) {
      ctx.out(
        !person ? `Nobody called "${rest.join(' ')}" is known in ${partnership}.` : 'Give the day as a weekday name and the time as HH:MM.',
      );
      return 2;
    }
    await ctx.store.digests.setSettings(person.id, {
      day,
      time,
      enabled: values.off ? false : values.on || day !== undefined || time !== undefined ? true : undefined,
    });
    const s = await ctx.store.digests.recipient(person.id);
    if (!s) {
      ctx.out(`${person.displayName} is no longer in ${partnership}.`);
      return 1;
    }
    ctx.out(
      s.enabled
        ? `${s.displayName} gets the weekly digest on ${weekdayName(s.day)}s at ${s.time} (${s.timeZone}).${s.role === 'coordinator' ? '' : ' Only coordinators get it: make them one with "role grant".'}`
        : `${s.displayName}'s weekly digest is switched off.`,
    );
    return 0;
  }
  ctx.out(USAGE);
  return 2;
};
