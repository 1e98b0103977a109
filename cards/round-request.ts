import { ragWords, type Rag } from '../bot/plan/types.js';
import { largestFitting } from './budget.js';
import { actionLabel } from './describe.js';
import { actionSet, adaptiveCard, button, heading, text, type CardResult, type Element } from './elements.js';
import { plural, shorten } from './format.js';
import { roundName, timeAndDay } from './round-words.js';
import { VERBS } from './verbs.js';

export interface RoundRequestInput {
  round: { title: string; meetingDate: string; deadline: Date };
  timeZone: string;
  /** the lead's organisation, e.g. "CoLC Community Safety Team" */
  organisation: string;
  actions: { id: number; ref: number; title: string; rag: Rag }[];
  /** a reminder lists only the actions still waiting for an update */
  reminder?: boolean;
}

function build(input: RoundRequestInput, count: number): CardResult {
  const name = roundName(input.round);
  const due = timeAndDay(input.round.deadline, input.timeZone);
  const title = input.reminder ? `Reminder: updates for ${name}` : `Updates for ${name}`;
  const one = input.actions.length === 1;
  const ask = input.reminder
    ? `${one ? 'An action' : `${input.actions.length} actions`} you lead for ${input.organisation} still need${one ? 's' : ''} an update by ${due}.`
    : `Please update ${one ? 'the action' : `the ${input.actions.length} actions`} you lead for ${input.organisation} by ${due}.`;
  const body: Element[] = [heading(title), text(ask)];
  const lines = [title, ask];
  for (const action of input.actions.slice(0, count)) {
    const label = `${actionLabel({ ref: action.ref, title: shorten(action.title, 200) })}: ${ragWords(action.rag)}`;
    body.push(
      text(label, { spacing: 'Medium', weight: 'Bolder' }),
      actionSet(
        [
          button('Update', VERBS.openUpdate, { actionId: action.id }),
          button('Talk me through it', VERBS.dialogStart, { actionId: action.id }),
        ],
        { spacing: 'Small' },
      ),
    );
    lines.push(`- ${label}`);
  }
  const hidden = input.actions.length - count;
  const how = `${hidden > 0 ? `${plural(hidden, 'more action')} not shown. ` : ''}Or say "update action" and its number, for example "update action ${input.actions[0]?.ref ?? 1}", and I will ask you step by step.`;
  body.push(text(how, { isSubtle: true }));
  lines.push(how);
  return { card: adaptiveCard(body), text: lines.join('\n') };
}

/** The personal message to a lead in an update round (or its reminder): their actions, each with Update and a conversational route. */
export function buildRoundRequestCard(input: RoundRequestInput): CardResult {
  return largestFitting(input.actions.length, 1, (count) => build(input, count));
}
