import { describeNoLead, parseQuestion, type Question } from '../../plan/questions/index.js';
import { describeFilter, findActions } from '../../plan/query.js';
import { summarisePlan } from '../../plan/summary.js';
import type { PlanView } from '../../plan/types.js';
import { buildHelpCard } from '../../../cards/help-card.js';
import { buildMessageCard } from '../../../cards/message-card.js';
import { buildSummaryCard } from '../../../cards/summary-card.js';
import type { MessageInput, Reply, TurnInput } from '../../core/context.js';
import { planAndToday, todayIn } from '../plan-source.js';
import { withBanner } from '../../../cards/banner.js';
import { actionByRef } from '../../plan/query.js';
import { scopeOf, type PlanScope } from '../../features/plans/scope.js';
import { closedPlanMessage } from '../../features/plans/words.js';
import { PATTERNS } from './patterns.js';
import { historyReply } from './history.js';
import { listReply, showActionReply } from '../replies.js';

const NO_ORGANISATION =
  'I don\'t know which organisation you are with yet, so I can\'t tell which actions are yours. A coordinator can add you, e.g. "make <your name> a lead for <organisation>". Meanwhile ask "what is CoLP leading?" with your organisation\'s name.';

/** Understands a question; "my actions" is read for the speaker's organisation, as the turn resolved them. */
export function understand(input: TurnInput, text: string, plan: PlanView, today: string): Question {
  const organisation = input.person?.organisation;
  return parseQuestion(text, plan, today, { organisations: organisation ? [organisation] : [], personId: input.person?.id });
}

/**
 * Answers a plan question: "what's amber?", "show action 18", "summary", anything else gets help. A question about
 * another of the partnership's plans ("in the 2020–24 plan, what was red?") is answered from that plan, saying so first.
 */
export async function askHandler(input: MessageInput): Promise<Reply> {
  const scope = await scopeOf(input.services, input.partnership, input.text);
  if (scope.kind === 'unmatched') return scope.reply;
  if (scope.kind === 'other') return withBanner(await answerFromOtherPlan(input, scope), scope.banner);
  const { plan, today } = await planAndToday(input.services, input.partnership);
  return answer(input, scope.text, plan, today);
}

/** A question about a plan that is not live: answered read-only; updates are refused; history as for the live plan. */
async function answerFromOtherPlan(input: MessageInput, scope: Extract<PlanScope, { kind: 'other' }>): Promise<Reply> {
  const { plan, text } = scope;
  const today = todayIn(plan.timeZone, input.services.now());
  const history = PATTERNS.history.exec(text);
  if (history) return historyReply(input, plan, history[1] ?? '');
  const update = PATTERNS.startUpdate.exec(text) ?? PATTERNS.updateTopic.exec(text);
  if (update) {
    const action = actionByRef(plan.actions, update[1] ?? '');
    return buildMessageCard({
      lines: [closedPlanMessage(action?.label ?? update[1] ?? '', { ...plan, status: plan.status ?? 'archived' })],
    });
  }
  return answer(input, text, plan, today);
}

/** The answer to a question about one plan (the live one unless the plan says otherwise); "Show more" asks the whole message again. */
async function answer(input: MessageInput, text: string, plan: PlanView, today: string): Promise<Reply> {
  const question = understand(input, text, plan, today);
  switch (question.kind) {
    case 'help':
      return buildHelpCard({ topic: question.topic });
    case 'smalltalk':
      return buildMessageCard({ lines: [question.reply] });
    case 'unknown':
      return buildHelpCard({ notUnderstood: text, didYouMean: question.suggestions });
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
      return listReply(input, {
        heading: describeFilter(question.filter, actions.length),
        actions,
        offset: 0,
        moreToken: input.text,
        live: (plan.status ?? 'live') === 'live',
      });
    }
  }
}
