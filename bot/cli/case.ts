import { parseArgs } from 'node:util';
import { formatDay } from '../plan/schedule/describe.js';
import { parseDay } from '../plan/schedule/phrases.js';
import { addMonths } from '../plan/schedule/recurrence.js';
import type { CliCommand } from './context.js';

const USAGE =
  'Usage: case add <case reference> --started <date> | case list | case close <case reference>   [--partnership NAME]   (an opaque reference such as CH-2026-014: never a name or personal details)';

/** `case add|list|close`: Channel case reviews by opaque reference, due six months after the intervention starts. */
export const caseCommand: CliCommand = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { started: { type: 'string' }, partnership: { type: 'string' } },
  });
  const [action, ref] = positionals;
  const partnership = values.partnership ?? ctx.config.DEFAULT_PARTNERSHIP;
  if (action === 'add' && ref && values.started) {
    const started = parseDay(values.started, '1900-01-01');
    if (!started) {
      ctx.out('Give the intervention start date like 2026-11-03 or "3 November 2026".');
      return 2;
    }
    const review = await ctx.store.caseReviews.add({
      partnership,
      caseRef: ref,
      interventionStart: started,
      reviewDue: addMonths(started, 6),
      now: ctx.now(),
    });
    ctx.out(`Tracking case ${review.caseRef}: review due ${formatDay(review.reviewDue)}.`);
    return 0;
  }
  if (action === 'list') {
    const reviews = await ctx.store.caseReviews.list(partnership);
    ctx.out(
      reviews.length ? reviews.map((r) => `${r.caseRef}: review due ${formatDay(r.reviewDue)}`).join('\n') : 'No case reviews are open.',
    );
    return 0;
  }
  if (action === 'close' && ref) {
    const review = await ctx.store.caseReviews.close(partnership, ref);
    ctx.out(`Closed the review of case ${review.caseRef}.`);
    return 0;
  }
  ctx.out(USAGE);
  return 2;
};
