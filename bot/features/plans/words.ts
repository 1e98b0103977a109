import { planShortName } from '../../plan/plan-names.js';
import type { PlanStatus, PlanSummary } from '../../plan/types.js';
import { formatInstant } from '../../../cards/format.js';

type Named = { title: string; period: string };

/** "archived" / "not live yet" / "live": a plan's status in words. */
export function statusWords(status: PlanStatus): string {
  return status === 'draft' ? 'not live yet' : status;
}

/** The first line of an answer from a plan that is not the live one: it says which plan, that it is not live, and which is. */
export function notLiveBanner(plan: Named & { status?: PlanStatus }, live: Named | null): string {
  const name = planShortName(plan);
  const liveName = live ? ` The live plan is ${planShortName(live)}.` : '';
  return plan.status === 'draft'
    ? `From the ${name} plan, which is not live yet ("${plan.title}").${liveName}`
    : `From the archived ${name} plan ("${plan.title}"), kept as a record.${liveName}`;
}

/** Why an action of a plan that is not live cannot be updated, and what to do instead (nothing was saved). */
export function closedPlanMessage(label: string, plan: Named & { status: PlanStatus | string }): string {
  const name = planShortName(plan);
  if (plan.status === 'draft')
    return `${label ? `Action ${label} is in the ${name} plan, which` : `The ${name} plan`} is not live yet, so nothing was saved. Its actions can be updated once a coordinator says "make the ${name} plan live".`;
  const instead = label ? ` Update the live plan's action instead ("show action ${label}").` : " Update the live plan's actions instead.";
  return `${label ? `Action ${label} is in the archived ${name} plan` : `The ${name} plan is archived`}, so nothing was saved: archived plans are kept as a record and are not updated.${instead} A coordinator can reopen the ${name} plan by making it live again ("make the ${name} plan live"), which archives the live one.`;
}

/** One line per plan: "2020–24 · archived · City of London Prevent Strategic Action Plan · 24 actions · archived 3 April 2025". */
export function planLine(plan: PlanSummary, timeZone: string): string {
  const when =
    plan.status === 'archived' && plan.archivedAt
      ? `archived ${formatInstant(plan.archivedAt, timeZone).date}`
      : plan.status === 'live' && plan.liveSince
        ? `live since ${formatInstant(plan.liveSince, timeZone).date}`
        : `imported ${formatInstant(plan.importedAt, timeZone).date}`;
  const actions = `${plan.actions} action${plan.actions === 1 ? '' : 's'}`;
  return [planShortName(plan), statusWords(plan.status), `"${plan.title}"`, actions, when].join(' · ');
}

/** When no plan matches the words a partner used: say so, and list the plans there are. */
export function noPlanMatches(words: string, plans: PlanSummary[], timeZone: string): string[] {
  if (!plans.length) return [`There is no plan called "${words}": this partnership has no plan yet.`];
  return [
    `No plan matches "${words}". The plans are:`,
    ...plans.map((p) => `• ${planLine(p, timeZone)}`),
    'Name one by its years, e.g. "in the 2020–24 plan, what was red?", or say "last year\'s plan".',
  ];
}

/** When several plans match: list them and ask for the years. */
export function severalPlansMatch(words: string, plans: PlanSummary[], timeZone: string): string[] {
  return [
    `"${words}" could be more than one plan:`,
    ...plans.map((p) => `• ${planLine(p, timeZone)}`),
    'Say which by its years, e.g. "2020–24".',
  ];
}
