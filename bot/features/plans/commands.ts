import { z } from 'zod';
import { buildMessageCard } from '../../../cards/message-card.js';
import { buildNextPlanPreviewCard } from '../../../cards/next-plan-card.js';
import type { CardActionInput, CardActionResult, MessageInput, Reply, Services } from '../../core/context.js';
import { dateIn } from '../../plan/dates.js';
import { matchPlan, nextPlanName, planShortName } from '../../plan/plan-names.js';
import { RAGS, ragWords } from '../../plan/types.js';
import type { WithPerson } from '../../routes/route.js';
import { noPlanMatches, planLine, severalPlansMatch } from './words.js';

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

/** A warning when an update round is open: its requests ask about the plan that is about to be archived. */
async function openRoundWarning(services: Services, partnership: string, from: string): Promise<string[]> {
  const round = await services.store.rounds.latest(partnership, { open: true });
  return round
    ? [
        `The update round "${round.title}" is still open and asks about actions of the ${from} plan: once ${from} is archived, answers to it are refused. Close it first, or start a new round afterwards.`,
      ]
    : [];
}

/** "make the 2025–26 plan live" (coordinators): that plan becomes the one partners ask about and update; the live one is archived. */
export async function makeLiveHandler(input: WithPerson<MessageInput>, match: RegExpMatchArray): Promise<Reply> {
  const { store } = input.services;
  const words = (match[1] ?? match[2] ?? '').trim();
  const [plans, timeZone] = await Promise.all([store.plans.all(input.partnership), store.partnerships.timeZone(input.partnership)]);
  const found = matchPlan(words, plans);
  if (found.kind === 'none') return buildMessageCard({ lines: noPlanMatches(words, plans, timeZone) });
  if (found.kind === 'ambiguous') return buildMessageCard({ lines: severalPlansMatch(words, found.plans, timeZone) });
  const name = planShortName(found.plan);
  if (found.plan.status === 'live')
    return buildMessageCard({ lines: [`The ${name} plan ("${found.plan.title}") is already the live plan.`] });
  const live = plans.find((p) => p.status === 'live');
  const warnings = live ? await openRoundWarning(input.services, input.partnership, planShortName(live)) : [];
  const made = await store.plans.makeLive({
    partnership: input.partnership,
    planId: found.plan.id,
    actor: { personId: input.person.id, label: input.person.displayName },
    at: input.services.now(),
  });
  if (!made) return buildMessageCard({ lines: noPlanMatches(words, plans, timeZone) });
  const archived = made.archived ? planShortName(made.archived) : null;
  return buildMessageCard({
    title: `The ${name} plan is now live`,
    lines: [
      `"${made.title}" is now the plan partners ask about and update.`,
      ...(archived
        ? [`The ${archived} plan is archived: kept as a record, still answerable ("in the ${archived} plan, what was red?"), read-only.`]
        : []),
      ...warnings,
    ],
  });
}

/** "start next year's plan [called …]" (coordinators): a preview of what is carried over, with Start / Cancel; nothing changes yet. */
export async function startNextPlanHandler(input: WithPerson<MessageInput>, match: RegExpMatchArray): Promise<Reply> {
  const { store } = input.services;
  const live = await store.plans.current(input.partnership);
  if (!live?.planId)
    return buildMessageCard({ lines: ['There is no live plan to carry over yet. Send me the plan file in a personal chat to import it.'] });
  const today = dateIn(input.services.now(), live.timeZone);
  const { title, period } = nextPlanName(live, today, match[1]);
  if (title.length > 200) return buildMessageCard({ lines: ['That name is too long for a plan: use at most 200 characters.'] });
  const plans = await store.plans.all(input.partnership);
  const clash = plans.find((p) => p.title.toLowerCase() === title.toLowerCase());
  if (clash)
    return buildMessageCard({
      lines: [
        `There is already a plan called "${clash.title}" (${planShortName(clash)}, ${clash.status === 'draft' ? 'not live yet' : clash.status}).`,
        clash.status === 'live'
          ? 'It is the live plan.'
          : `To use it, say "make the ${planShortName(clash)} plan live"; or start one with another name: "start next year's plan called …".`,
      ],
    });
  const open = live.actions.filter((a) => a.rag !== 'COMPLETE');
  const themes = live.themes
    .map((t): [string, string] => [t, String(open.filter((a) => a.theme === t).length)])
    .filter(([, n]) => n !== '0');
  const rags = RAGS.map((r): [string, string] => [ragWords(r), String(open.filter((a) => a.rag === r).length)]).filter(
    ([, n]) => n !== '0',
  );
  const fromName = planShortName(live);
  return buildNextPlanPreviewCard({
    fromPlanId: live.planId,
    fromName,
    title,
    period,
    name: planShortName({ title, period }),
    carried: open.length,
    left: live.actions.length - open.length,
    themes,
    rags,
    warnings: await openRoundWarning(input.services, input.partnership, fromName),
  });
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
  const { store } = input.services;
  const person = input.person;
  const result = await store.plans.startNext({
    partnership: input.partnership,
    fromPlanId: data.fromPlanId,
    title: data.title,
    period: data.period,
    actor: { personId: person?.id ?? null, label: person?.displayName ?? input.sender.name },
    at: input.services.now(),
  });
  const name = planShortName(data);
  if (result.status === 'started') {
    const from = planShortName({ title: result.archived, period: result.archivedPeriod });
    return {
      replaceCard: buildMessageCard({
        title: `Started the ${name} plan`,
        lines: [
          `"${data.title}" is now the live plan: ${result.carried} open action${result.carried === 1 ? '' : 's'} carried over from "${result.archived}", each linked to its history there ("history of action 1" shows both).`,
          `${result.left} complete action${result.left === 1 ? '' : 's'} stayed in "${result.archived}", which is archived: still answerable ("in the ${from} plan, what was red?"), read-only.`,
        ],
      }),
    };
  }
  if (result.status === 'exists') {
    const live = await store.plans.current(input.partnership);
    const done = live?.title === data.title;
    return {
      replaceCard: buildMessageCard({
        lines: [
          done
            ? `The ${name} plan was already started: "${data.title}" is the live plan.`
            : `There is already a plan called "${data.title}", so nothing was started. Say "list plans" to see them.`,
        ],
      }),
    };
  }
  return {
    replaceCard: buildMessageCard({
      lines: [
        `The live plan has changed since this preview (it is now ${result.live ? `"${result.live}"` : 'none'}), so nothing was started. Say "start next year's plan" again for a new preview.`,
      ],
    }),
  };
}

/** Cancel on the preview: nothing was or will be started. */
export async function cancelNextPlanHandler(_input: CardActionInput, data: NextPlan): Promise<CardActionResult> {
  return { replaceCard: buildMessageCard({ lines: [`Cancelled: the ${planShortName(data)} plan was not started; nothing changed.`] }) };
}
