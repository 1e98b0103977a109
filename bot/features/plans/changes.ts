import type { NextPlanPreviewInput } from '../../../cards/next-plan-card.js';
import type { Services } from '../../core/context.js';
import { dateIn } from '../../plan/dates.js';
import { matchPlan, nextPlanName, planShortName } from '../../plan/plan-names.js';
import { RAGS, ragWords } from '../../plan/types.js';
import { noPlanMatches, severalPlansMatch } from './words.js';

/** Who made a plan live or started the next one: a person of the partnership, or the CLI's operator (no person). */
export interface PlanActor {
  personId: number | null;
  label: string;
}

/** What a plan change came to, in words (a chat card or the CLI's lines). */
export interface PlanChangeWords {
  title?: string;
  lines: string[];
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

/** Makes the plan the words name live (the live one is archived), or says why not. Chat and the CLI both come here. */
export async function makePlanLive(services: Services, partnership: string, words: string, actor: PlanActor): Promise<PlanChangeWords> {
  const { store } = services;
  const [plans, timeZone] = await Promise.all([store.plans.all(partnership), store.partnerships.timeZone(partnership)]);
  const found = matchPlan(words, plans);
  if (found.kind === 'none') return { lines: noPlanMatches(words, plans, timeZone) };
  if (found.kind === 'ambiguous') return { lines: severalPlansMatch(words, found.plans, timeZone) };
  const name = planShortName(found.plan);
  if (found.plan.status === 'live') return { lines: [`The ${name} plan ("${found.plan.title}") is already the live plan.`] };
  const live = plans.find((p) => p.status === 'live');
  const warnings = live ? await openRoundWarning(services, partnership, planShortName(live)) : [];
  const made = await store.plans.makeLive({ partnership, planId: found.plan.id, actor, at: services.now() });
  if (!made) return { lines: noPlanMatches(words, plans, timeZone) };
  const archived = made.archived ? planShortName(made.archived) : null;
  return {
    title: `The ${name} plan is now live`,
    lines: [
      `"${made.title}" is now the plan partners ask about and update.`,
      ...(archived
        ? [`The ${archived} plan is archived: kept as a record, still answerable ("in the ${archived} plan, what was red?"), read-only.`]
        : []),
      ...warnings,
    ],
  };
}

/** What starting next year's plan [called …] would carry over, or why it cannot be started; nothing changes. */
export async function previewNextPlan(
  services: Services,
  partnership: string,
  called?: string,
): Promise<NextPlanPreviewInput | PlanChangeWords> {
  const { store } = services;
  const live = await store.plans.current(partnership);
  if (!live?.planId) return { lines: ['There is no live plan to carry over yet. Send me the plan file in a personal chat to import it.'] };
  const today = dateIn(services.now(), live.timeZone);
  const { title, period } = nextPlanName(live, today, called);
  if (title.length > 200) return { lines: ['That name is too long for a plan: use at most 200 characters.'] };
  const plans = await store.plans.all(partnership);
  const clash = plans.find((p) => p.title.toLowerCase() === title.toLowerCase());
  if (clash)
    return {
      lines: [
        `There is already a plan called "${clash.title}" (${planShortName(clash)}, ${clash.status === 'draft' ? 'not live yet' : clash.status}).`,
        clash.status === 'live'
          ? 'It is the live plan.'
          : `To use it, say "make the ${planShortName(clash)} plan live"; or start one with another name: "start next year's plan called …".`,
      ],
    };
  const open = live.actions.filter((a) => a.rag !== 'COMPLETE');
  const themes = live.themes
    .map((t): [string, string] => [t, String(open.filter((a) => a.theme === t).length)])
    .filter(([, n]) => n !== '0');
  const rags = RAGS.map((r): [string, string] => [ragWords(r), String(open.filter((a) => a.rag === r).length)]).filter(
    ([, n]) => n !== '0',
  );
  const fromName = planShortName(live);
  return {
    fromPlanId: live.planId,
    fromName,
    title,
    period,
    name: planShortName({ title, period }),
    carried: open.length,
    left: live.actions.length - open.length,
    themes,
    rags,
    warnings: await openRoundWarning(services, partnership, fromName),
  };
}

/** Starts the next plan from a preview: the open actions carried over in one transaction, the new plan live. */
export async function startNextPlan(
  services: Services,
  partnership: string,
  data: { fromPlanId: number; title: string; period: string },
  actor: PlanActor,
): Promise<PlanChangeWords> {
  const { store } = services;
  const result = await store.plans.startNext({ partnership, ...data, actor, at: services.now() });
  const name = planShortName(data);
  if (result.status === 'started') {
    const from = planShortName({ title: result.archived, period: result.archivedPeriod });
    return {
      title: `Started the ${name} plan`,
      lines: [
        `"${data.title}" is now the live plan: ${result.carried} open action${result.carried === 1 ? '' : 's'} carried over from "${result.archived}", each linked to its history there ("history of action 1" shows both).`,
        `${result.left} complete action${result.left === 1 ? '' : 's'} stayed in "${result.archived}", which is archived: still answerable ("in the ${from} plan, what was red?"), read-only.`,
      ],
    };
  }
  if (result.status === 'exists') {
    const live = await store.plans.current(partnership);
    return {
      lines: [
        live?.title === data.title
          ? `The ${name} plan was already started: "${data.title}" is the live plan.`
          : `There is already a plan called "${data.title}", so nothing was started. Say "list plans" to see them.`,
      ],
    };
  }
  return {
    lines: [
      `The live plan has changed since this preview (it is now ${result.live ? `"${result.live}"` : 'none'}), so nothing was started. Say "start next year's plan" again for a new preview.`,
    ],
  };
}
