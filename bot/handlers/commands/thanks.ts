import type { MessageInput, Reply } from '../../core/context.js';

/** "thanks", "thank you", "cheers": a short friendly answer instead of the help card. */
export async function thanksHandler(input: MessageInput): Promise<Reply> {
  const name = input.person?.displayName.split(' ')[0];
  return { text: `You're welcome${name ? `, ${name}` : ''}! Ask me about the plan any time, or say "help" to see what I can do.` };
}
