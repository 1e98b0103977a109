import { actionSet, adaptiveCard, factSet, heading, text, type CardResult, type Element, flagged } from './elements.js';

export interface SignpostingCardInput {
  /** the partnership's own referral route; any part may be missing */
  route: { email: string | null; phone: string | null; formUrl: string | null; outOfHours: string | null };
  national: { actEarly: string; antiTerroristHotline: string };
}

const EMERGENCY = 'In an emergency, or if someone is in immediate danger, call 999.';
const NOT_HERE =
  'Please do not send me details of the person: I cannot take referrals here and I do not keep anything about people referred.';

/** The partnership's referral route, 999 for emergencies and the national lines; it never asks about the person. */
export function buildSignpostingCard(input: SignpostingCardInput): CardResult {
  const { route, national } = input;
  const facts: [string, string][] = [];
  if (route.email) facts.push(['Email', route.email]);
  if (route.phone) facts.push(['Phone', route.phone]);
  if (route.formUrl) facts.push(['Referral form', route.formUrl]);
  if (route.outOfHours) facts.push(['Out of hours', route.outOfHours]);
  const routeLine = facts.length
    ? 'To make a Prevent referral in this partnership:'
    : 'This partnership has not set its referral route here yet: ask your Prevent coordinator or your organisation’s safeguarding lead.';
  const lines: [string, string][] = [
    ['ACT Early support line', `${national.actEarly} (advice if you are worried someone is being radicalised)`],
    ['Anti-Terrorist Hotline', `${national.antiTerroristHotline} (to report suspicious activity)`],
  ];
  const body: Element[] = [heading('Worried about someone?'), flagged(EMERGENCY, 'attention'), text(routeLine)];
  if (facts.length) body.push(factSet(facts));
  body.push(text('National lines', { weight: 'Bolder' }), factSet(lines), text(NOT_HERE, { isSubtle: true }));
  const actions =
    route.formUrl && /^https:\/\//i.test(route.formUrl)
      ? [{ type: 'Action.OpenUrl', title: 'Open the referral form', url: route.formUrl }]
      : [];
  if (actions.length) body.push(actionSet(actions));
  const plain = [
    'Worried about someone?',
    EMERGENCY,
    routeLine,
    ...facts.map(([k, v]) => `${k}: ${v}`),
    'National lines:',
    ...lines.map(([k, v]) => `${k}: ${v}`),
    NOT_HERE,
  ];
  return { card: adaptiveCard(body), text: plain.join('\n') };
}
