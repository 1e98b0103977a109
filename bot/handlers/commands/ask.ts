import { parseQuestion } from '../../plan/questions/index.js';
import { describeFilter, findActions } from '../../plan/query.js';
import { summarisePlan } from '../../plan/summary.js';
import { buildHelpCard } from '../../../cards/help-card.js';
import { buildSummaryCard } from '../../../cards/summary-card.js';
import type { MessageInput, Reply } from '../../core/context.js';
import { planAndToday } from '../plan-source.js';
import { listReply, showActionReply } from '../replies.js';

/** Answers a plan question: "what's amber?", "show action 18", "summary", anything else gets help. */
export async function askHandler(input: MessageInput): Promise<Reply> {
  const { plan, today } = await planAndToday(input.services, input.partnership);
  const question = parseQuestion(input.text, plan, today);
  switch (question.kind) {
    case 'help':
      return buildHelpCard();
    case 'unknown':
      return buildHelpCard({ notUnderstood: input.text });
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
