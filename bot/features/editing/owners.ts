import { buildMessageCard } from '../../../cards/message-card.js';
import type { MessageInput, Reply } from '../../core/context.js';
import { resolveOwner } from '../../plan/editing/index.js';
import { describeFilter, findActions } from '../../plan/query.js';
import { planAndToday } from '../../handlers/plan-source.js';
import { listReply } from '../../handlers/replies.js';

/** "what does Ali own?", "what do I own?": the actions a person owns by name (resolved among the partnership's people, never guessed). */
export async function whatOwnsHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const name = (match[1] ?? '').trim();
  const { plan, today } = await planAndToday(input.services, input.partnership);
  const people = await input.services.store.people.list(input.partnership);
  const mention = input.mentions?.find((m) => `@${m.displayName}`.toLowerCase() === name.toLowerCase());
  const owner = resolveOwner(name, people, { speakerId: input.person?.id ?? null, aadObjectId: mention?.aadObjectId ?? undefined });
  if (!owner.ok) return buildMessageCard({ lines: [owner.problem.replace(' Nothing was changed.', '')] });
  if (!owner.value) return buildMessageCard({ lines: ['Say whose actions you mean, e.g. "what does Ali Burlington own?"'] });
  const you = owner.value.id === input.person?.id;
  const filter = { ownedBy: owner.value.id, ownerName: you ? 'you' : owner.value.name };
  const actions = findActions(plan, filter, today);
  return listReply(input, { heading: describeFilter(filter, actions.length), actions, offset: 0, moreToken: input.text });
}
