import type { PlanAction, Rag } from '../bot/plan/types.js';
import { actionLabel, ragChange, ragColour } from './describe.js';
import { actionSet, adaptiveCard, button, text, type CardResult, type Element } from './elements.js';
import { shorten } from './format.js';
import { VERBS } from './verbs.js';

export interface AnnouncementCardInput {
  action: PlanAction;
  from: Rag;
  to: Rag;
  by: string;
  /** e.g. "CST", shown in brackets after the name */
  byOrganisation?: string;
  note: string;
}

const NOTE_LIMIT = 4000;

/** Tells a channel that an action's rating changed: who, from and to, and the note, with a Show button. */
export function buildAnnouncementCard(input: AnnouncementCardInput): CardResult {
  const label = actionLabel({ ref: input.action.ref, title: shorten(input.action.title, 1000) });
  const who = input.byOrganisation ? `${input.by} (${input.byOrganisation})` : input.by;
  const headline = `${label}: ${ragChange(input.from, input.to)}, by ${who}`;
  const note = shorten(input.note.trim(), NOTE_LIMIT);
  const body: Element[] = [text(headline, { weight: 'Bolder', color: ragColour(input.to), style: 'heading' })];
  if (note) body.push(text(note));
  body.push(actionSet([button('Show', VERBS.showAction, { actionId: input.action.id })]));
  const lines = note ? [headline, note] : [headline];
  return { card: adaptiveCard(body), text: lines.join('\n') };
}
