import { z } from 'zod';
import { buildMessageCard } from '../../../cards/message-card.js';
import { buildNextPlanPreviewCard } from '../../../cards/next-plan-card.js';
import type { CardActionInput, CardActionResult, MessageInput, Reply } from '../../core/context.js';
import { planShortName } from '../../plan/plan-names.js';
import type { WithPerson } from '../../routes/route.js';
import { makePlanLive, previewNextPlan, startNextPlan } from './changes.js';
import { planLine } from './words.js';

/** "list plans": every plan of the partnership, live first, with how to ask about the others. */
export async function listPlansHandler(input: MessageInput): Promise<Reply> {
  const { store } = input.services;
  const [plans, timeZone] = await Promise.all([store.plans.all(input.partnership), store.partnerships.timeZone(input.partnership)]);
  if (!plans.length)
    return buildMessageCard({ lines: ['There is no plan yet. A coordinator can send me the plan file in a personal chat to import it.'] });
  const other = plans.find((p) => p.status !== 'live');
  return buildMessageCard({
    title: `${plans.length} plan${plans.length === 1 ? '' : 's'} for ${input.partnership}`,
    lines: [
      ...plans.map((p) => `• ${planLine(p, timeZone)}`),
      other
        ? `Questions and updates use the live plan. Ask about another by its years, e.g. "in the ${planShortName(other)} plan, what was red?" or "show action 1 in the ${planShortName(other)} plan".`
        : 'Questions and updates use the live plan.',
    ],
  });
}

/** "make the 2025–26 plan live" (coordinators): that plan becomes the one partners ask about and update; the live one is archived. */
export async function makeLiveHandler(input: WithPerson<MessageInput>, match: RegExpMatchArray): Promise<Reply> {
  return buildMessageCard(
    await makePlanLive(input.services, input.partnership, (match[1] ?? match[2] ?? '').trim(), {
      personId: input.person.id,
      label: input.person.displayName,
    }),
  );
}

/** "start next year's plan [called …]" (coordinators): a preview of what is carried over, with Start / Cancel; nothing changes yet. */
export async function startNextPlanHandler(input: WithPerson<MessageInput>, match: RegExpMatchArray): Promise<Reply> {
  const preview = await previewNextPlan(input.services, input.partnership, match[1]);
  return 'lines' in preview ? buildMessageCard(preview) : buildNextPlanPreviewCard(preview);
}

/** The data on the preview's buttons: the plan it was made from, and the new plan's name. */
export const NextPlanData = z.object({
  fromPlanId: z.coerce.number().int().positive(),
  title: z.string().trim().min(1).max(200),
  period: z.string().max(100).default(''),
});
type NextPlan = z.infer<typeof NextPlanData>;

/** Start on the preview (coordinators): carries the open actions over in one transaction and makes the new plan live. */
export async function confirmNextPlanHandler(input: CardActionInput, data: NextPlan): Promise<CardActionResult> {
  const person = input.person;
  return {
    replaceCard: buildMessageCard(
      await startNextPlan(input.services, input.partnership, data, {
        personId: person?.id ?? null,
        label: person?.displayName ?? input.sender.name,
      }),
    ),
  };
}

/** Cancel on the preview: nothing was or will be started. */
export async function cancelNextPlanHandler(_input: CardActionInput, data: NextPlan): Promise<CardActionResult> {
  return { replaceCard: buildMessageCard({ lines: [`Cancelled: the ${planShortName(data)} plan was not started; nothing changed.`] }) };
}
