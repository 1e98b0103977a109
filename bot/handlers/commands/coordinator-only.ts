import { buildMessageCard } from '../../../cards/message-card.js';
import { type PersonInfo } from '../../store/people.js';
import type { MessageInput, Reply } from '../../core/context.js';

/** The sender if they are a coordinator, else the reply telling them who can do this. */
export async function coordinatorOrRefusal(input: MessageInput, what: string): Promise<{ person: PersonInfo } | { refusal: Reply }> {
  const person = await input.services.store.people.identify(input.partnership, input.sender);
  if (person?.role === 'coordinator') return { person };
  return { refusal: buildMessageCard({ lines: [`Only a coordinator can ${what}. Ask your Prevent coordinator.`] }) };
}
