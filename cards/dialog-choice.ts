import type { PlanAction } from '../bot/plan/types.js';
import { ragWords } from '../bot/plan/types.js';
import { largestFitting } from './budget.js';
import { actionLabel } from './describe.js';
import { actionSet, adaptiveCard, button, heading, text, type CardResult, type Element } from './elements.js';
import { plainText, plural, shorten } from './format.js';
import { VERBS } from './verbs.js';

export interface DialogChoiceInput {
  /** what the person said the update was about */
  topic: string;
  actions: PlanAction[];
}

const MAX_CHOICES = 10;

function build(input: DialogChoiceInput, count: number): CardResult {
  const title = `${plural(input.actions.length, 'action')} you can update mention "${shorten(plainText(input.topic), 80)}". Which one is your update about?`;
  const body: Element[] = [heading(title)];
  const lines = [title];
  for (const action of input.actions.slice(0, count)) {
    const label = `${actionLabel({ ref: action.ref, title: shorten(action.title, 200) })} (${ragWords(action.rag)})`;
    body.push(
      text(label, { spacing: 'Medium' }),
      actionSet([button(`Update action ${action.ref}`, VERBS.dialogStart, { actionId: action.id })], { spacing: 'Small' }),
    );
    lines.push(`- ${label}: say "update action ${action.ref}"`);
  }
  const hidden = input.actions.length - count;
  const tail =
    hidden > 0
      ? `${plural(hidden, 'more action')} not shown: say "update action" and its number.`
      : 'Or say "update action" and its number.';
  body.push(text(tail, { isSubtle: true }));
  lines.push(tail);
  return { card: adaptiveCard(body), text: lines.join('\n') };
}

/** When an update's topic matches several actions: one button per action to start the conversation about it. */
export function buildDialogChoiceCard(input: DialogChoiceInput): CardResult {
  const max = Math.min(input.actions.length, MAX_CHOICES);
  return largestFitting(max, 1, (count) => build(input, count));
}
