import type { PlanAction, Rag } from '../bot/plan/types.js';
import { actionLabel, ragChange, ragColour } from './describe.js';
import { actionSet, adaptiveCard, button, text, type CardResult, type Element, flagged } from './elements.js';
import { shorten } from './format.js';
import { VERBS } from './verbs.js';

export interface AnnouncementCardInput {
  action: PlanAction;
  from: Rag;
  to: Rag;
  by: string;
  /** e.g. "CST", shown in brackets after the name */
  byOrganisation?: string;
  /** the note, only when the partnership posts notes to its channel; otherwise empty */
  note: string;
  /** a note was written but is not posted here: say where to read it */
  noteWithheld?: boolean;
}

const NOTE_LIMIT = 4000;

/** Tells a channel that an action's rating changed: what changed, who changed it, the note only if the partnership posts notes, and a button to open the card. */
export function buildAnnouncementCard(input: AnnouncementCardInput): CardResult {
  const label = actionLabel({ ref: input.action.ref, title: shorten(input.action.title, 1000) });
  const who = input.byOrganisation ? `${input.by} (${input.byOrganisation})` : input.by;
  const headline = `${label}: ${ragChange(input.from, input.to)}, by ${who}`;
  const note = shorten(input.note.trim(), NOTE_LIMIT);
  const pointer = !note && input.noteWithheld ? `A note was added: open action ${input.action.ref} to read it in its history.` : '';
  const body: Element[] = [flagged(headline, ragColour(input.to), {}, { style: 'heading' })];
  if (note) body.push(text(note));
  if (pointer) body.push(text(pointer, { isSubtle: true }));
  body.push(actionSet([button(`Open action ${input.action.ref}`, VERBS.showAction, { actionId: input.action.id })]));
  const lines = [headline, ...(note ? [note] : []), ...(pointer ? [pointer] : [])];
  return { card: adaptiveCard(body), text: lines.join('\n') };
}
