import { buildMessageCard } from '../../../cards/message-card.js';
import type { MessageInput, Reply } from '../../core/context.js';
import { deliveryProblemLines } from '../../plan/delivery/problem-lines.js';

/** "delivery problems" (coordinators): what could not be delivered, to whom, why, and what to do. */
export async function deliveryProblemsHandler(input: MessageInput): Promise<Reply> {
  const now = input.services.now();
  const problems = await input.services.store.deliveries.problems(input.partnership, now);
  return buildMessageCard(deliveryProblemLines(problems, now));
}
