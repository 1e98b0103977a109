import { z } from 'zod';
import { describeFilter, findActions } from '../../plan/query.js';
import { AppError } from '../../errors.js';
import type { CardActionInput } from '../../core/context.js';
import { understand } from '../commands/ask.js';
import { planAndToday, todayIn } from '../plan-source.js';
import { scopeOf } from '../../features/plans/scope.js';
import { withBanner } from '../../../cards/banner.js';
import { listReply } from '../replies.js';
import type { CardActionResult } from '../../core/context.js';

/** What Show more sends: the original question and where the next page starts. */
export const ShowMoreData = z.object({ token: z.string().min(1).max(500), offset: z.coerce.number().int().min(0).max(100_000) });

/** "Show more": asks the original question again and shows the next page. */
export async function showMoreHandler(input: CardActionInput, data: z.infer<typeof ShowMoreData>): Promise<CardActionResult> {
  // the token is the whole question: one about another plan ("in the 2020–24 plan, …") pages through that plan
  const scope = await scopeOf(input.services, input.partnership, data.token);
  if (scope.kind === 'unmatched') return { replaceCard: scope.reply };
  const { plan, today } =
    scope.kind === 'other'
      ? { plan: scope.plan, today: todayIn(scope.plan.timeZone, input.services.now()) }
      : await planAndToday(input.services, input.partnership);
  const question = understand(input, scope.text, plan, today);
  if (question.kind !== 'list')
    throw new AppError('INVALID_INPUT', 'That "Show more" button is out of date. Please ask the question again.');
  const actions = findActions(plan, question.filter, today);
  const page = await listReply(input, {
    heading: describeFilter(question.filter, actions.length),
    actions,
    offset: data.offset,
    moreToken: data.token,
    live: scope.kind === 'live',
  });
  return { replaceCard: scope.kind === 'other' ? withBanner(page, scope.banner) : page };
}
