import { describeNoLead, parseQuestion, type Question } from '../../plan/questions/index.js';
import { describeFilter, findActions } from '../../plan/query.js';
import { summarisePlan } from '../../plan/summary.js';
import type { PlanView } from '../../plan/types.js';
import { buildHelpCard } from '../../../cards/help-card.js';
import { buildMessageCard } from '../../../cards/message-card.js';
import { buildSummaryCard } from '../../../cards/summary-card.js';
import type { MessageInput, Reply, TurnInput } from '../../core/context.js';
import { planAndToday } from '../plan-source.js';
import { listReply, showActionReply } from '../replies.js';

const NO_ORGANISATION =
  'I don\'t know which organisation you are with yet, so I can\'t tell which actions are yours. A coordinator can add you, e.g. "make <your name> a lead for <organisation>". Meanwhile ask "what is CoLP leading?" with your organisation\'s name.';

/** Understands a question; "my actions" is read for the speaker's organisation, as the turn resolved them. */
export function understand(input: TurnInput, text: string, plan: PlanView, today: string): Question {
  const organisation = input.person?.organisation;
  return parseQuestion(text, plan, today, { organisations: organisation ? [organisation] : [], personId: input.person?.id });
}

/** Answers a plan question: "what's amber?", "show action 18", "summary", anything else gets help. */
export async function askHandler(input: MessageInput): Promise<Reply> {
  const { plan, today } = await planAndToday(input.services, input.partnership);
  const question = understand(input, input.text, plan, today);
  switch (question.kind) {
    case 'help':
      return buildHelpCard({ topic: question.topic });
    case 'smalltalk':
      return buildMessageCard({ lines: [question.reply] });
    case 'unknown':
      return buildHelpCard({ notUnderstood: input.text, didYouMean: question.suggestions });
    case 'noLead':
      return buildMessageCard({ lines: [describeNoLead(question.label, question.leaders)] });
    case 'mine-unknown':
      return buildMessageCard({ lines: [NO_ORGANISATION] });
    case 'summary': {
      const summary = summarisePlan(plan, today);
      return buildSummaryCard({ planTitle: plan.title, ...summary });
    }
    case 'show':
      return showActionReply(input, plan, question.ref);
    case 'list': {
      const actions = findActions(plan, question.filter, today);
      return listReply(input, { heading: describeFilter(question.filter, actions.length), actions, offset: 0, moreToken: input.text });
    }
  }
}
