import { actionSet, adaptiveCard, button, factSet, heading, text, type CardResult, type Element } from './elements.js';
import { shorten } from './format.js';
import { VERBS } from './verbs.js';

/** What a coordinator sees before next year's plan is started: everything already worked out (pure builder). */
export interface NextPlanPreviewInput {
  fromPlanId: number;
  /** the live plan's short name and title, e.g. "2020–24" */
  fromName: string;
  title: string;
  period: string;
  /** the new plan's short name */
  name: string;
  carried: number;
  left: number;
  /** [theme, count] and [RAG in words, count] of the actions carried over */
  themes: [string, string][];
  rags: [string, string][];
  /** e.g. an open update round that asks about the old plan */
  warnings: string[];
}

/** The preview of "start next year's plan": what is carried over, what stays, what becomes live; Start / Cancel. */
export function buildNextPlanPreviewCard(input: NextPlanPreviewInput): CardResult {
  const title = `Start the ${input.name} plan ("${shorten(input.title, 150)}") from ${input.fromName}?`;
  const lines = [
    `${input.carried} open action${input.carried === 1 ? '' : 's'} (all but COMPLETE) will be carried over with their numbers, themes, leads, RAG ratings, notes and latest updates; each keeps a link to its history in ${input.fromName}.`,
    `${input.left} complete action${input.left === 1 ? '' : 's'} stay in ${input.fromName}.`,
    `When you press Start, ${input.name} becomes the live plan (the one partners ask about and update) and ${input.fromName} is archived: still answerable ("in the ${input.fromName} plan, what was red?"), read-only.`,
    'Nothing changes until you press Start.',
  ];
  const body: Element[] = [heading(title), ...lines.map((l) => text(l))];
  const out = [title, ...lines];
  if (input.themes.length) {
    body.push(
      text('Carried over, by theme', { weight: 'Bolder', spacing: 'Medium' }),
      factSet(input.themes.map(([k, v]) => [shorten(k, 80), v])),
    );
    out.push('Carried over, by theme:', ...input.themes.map(([k, v]) => `  ${k}: ${v}`));
  }
  if (input.rags.length) {
    body.push(text('Carried over, by RAG rating', { weight: 'Bolder', spacing: 'Medium' }), factSet(input.rags));
    out.push('Carried over, by RAG rating:', ...input.rags.map(([k, v]) => `  ${k}: ${v}`));
  }
  for (const w of input.warnings) {
    body.push(text(w, { color: 'Attention' }));
    out.push(w);
  }
  const data = { fromPlanId: input.fromPlanId, title: input.title, period: input.period };
  body.push(
    actionSet(
      [
        button('Start', VERBS.startNextPlan, data, { style: 'positive', associatedInputs: 'none' }),
        button('Cancel', VERBS.cancelNextPlan, data, { associatedInputs: 'none' }),
      ],
      { spacing: 'Medium' },
    ),
  );
  out.push('Press Start to start it, or Cancel.');
  return { card: adaptiveCard(body), text: out.join('\n') };
}
