import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import { DEFAULT_TIME_ZONE } from '../../cards/format.js';
import { addDays, dateIn } from '../plan/dates.js';
import type { PrivacySettings } from '../store/privacy-settings.js';
import type { CliCommand } from './context.js';

const USAGE = `Usage: privacy show | privacy notes-to-channel on|off | privacy referral [--email E] [--phone P] [--form URL] [--out-of-hours TEXT] [--clear]
  (add --partnership NAME for another partnership)`;

function describe(s: PrivacySettings): string[] {
  return [
    `Update notes posted to the channel: ${s.postNotesToChannel ? 'on' : 'off'}`,
    `Referral email: ${s.referralEmail ?? '(not set)'}`,
    `Referral phone: ${s.referralPhone ?? '(not set)'}`,
    `Referral form: ${s.referralFormUrl ?? '(not set)'}`,
    `Out of hours: ${s.referralOutOfHours ?? '(not set)'}`,
  ];
}

/** `privacy show|notes-to-channel|referral`: a partnership's privacy settings and its own referral route; changes are audited. */
export const privacyCommand: CliCommand = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      partnership: { type: 'string' },
      email: { type: 'string' },
      phone: { type: 'string' },
      form: { type: 'string' },
      'out-of-hours': { type: 'string' },
      clear: { type: 'boolean' },
    },
  });
  const partnership = values.partnership ?? ctx.config.DEFAULT_PARTNERSHIP;
  const [action, value] = positionals;
  const actor = { personId: null, label: `cli (${userInfo().username})` };
  const change = async (c: Partial<PrivacySettings>) => {
    for (const l of describe(await ctx.store.privacy.changeSettings({ partnership, change: c, actor, now: ctx.now() }))) ctx.out(l);
  };
  if (action === 'show') {
    for (const l of describe(await ctx.store.privacy.settings(partnership))) ctx.out(l);
    const today = dateIn(ctx.now(), DEFAULT_TIME_ZONE);
    const week = await ctx.store.privacy.stoppedSince(partnership, addDays(today, -6));
    const month = await ctx.store.privacy.stoppedSince(partnership, addDays(today, -29));
    ctx.out(`Notes stopped by the confidentiality guard: ${week} in the last 7 days, ${month} in the last 30 days.`);
    return 0;
  }
  if (action === 'notes-to-channel' && (value === 'on' || value === 'off')) {
    await change({ postNotesToChannel: value === 'on' });
    return 0;
  }
  if (action === 'referral') {
    const c: Partial<PrivacySettings> = values.clear
      ? { referralEmail: null, referralPhone: null, referralFormUrl: null, referralOutOfHours: null }
      : {
          ...(values.email !== undefined ? { referralEmail: values.email } : {}),
          ...(values.phone !== undefined ? { referralPhone: values.phone } : {}),
          ...(values.form !== undefined ? { referralFormUrl: values.form } : {}),
          ...(values['out-of-hours'] !== undefined ? { referralOutOfHours: values['out-of-hours'] } : {}),
        };
    if (!Object.keys(c).length) {
      ctx.out(USAGE);
      return 2;
    }
    await change(c);
    return 0;
  }
  ctx.out(USAGE);
  return 2;
};
