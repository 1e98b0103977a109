import { buildMessageCard } from '../../../cards/message-card.js';
import type { Reply, Services } from '../../core/context.js';
import { matchPlan, takePlanPhrase } from '../../plan/plan-names.js';
import type { PlanSummary, PlanView } from '../../plan/types.js';
import { noPlanMatches, notLiveBanner, severalPlansMatch } from './words.js';

/** Which plan a message is about: the live one (the text without any "in the current plan"), another named one, or none that matches. */
export type PlanScope =
  | { kind: 'live'; text: string }
  | { kind: 'other'; plan: PlanView; live: PlanSummary | null; text: string; banner: string }
  | { kind: 'unmatched'; reply: Reply };

/**
 * Reads "in the 2020–24 plan, …", "… in last year's plan" in a message and finds that plan among the partnership's.
 * A message that names no plan costs nothing (no query); one naming a plan that does not exist gets the list of plans.
 */
export async function scopeOf(services: Services, partnership: string, text: string): Promise<PlanScope> {
  if (!/\bplan\b/i.test(text)) return { kind: 'live', text };
  const plans = await services.store.plans.all(partnership);
  const phrase = takePlanPhrase(
    text,
    plans.map((p) => p.title),
  );
  if (!phrase) return { kind: 'live', text };
  const timeZone = await services.store.partnerships.timeZone(partnership);
  const match = matchPlan(phrase.words, plans);
  if (match.kind === 'none') return { kind: 'unmatched', reply: buildMessageCard({ lines: noPlanMatches(phrase.words, plans, timeZone) }) };
  if (match.kind === 'ambiguous')
    return { kind: 'unmatched', reply: buildMessageCard({ lines: severalPlansMatch(phrase.words, match.plans, timeZone) }) };
  if (match.plan.status === 'live') return { kind: 'live', text: phrase.rest };
  const plan = await services.store.plans.current(partnership, match.plan.id);
  if (!plan) return { kind: 'unmatched', reply: buildMessageCard({ lines: noPlanMatches(phrase.words, plans, timeZone) }) };
  const live = plans.find((p) => p.status === 'live') ?? null;
  return { kind: 'other', plan, live, text: phrase.rest, banner: notLiveBanner(plan, live) };
}
