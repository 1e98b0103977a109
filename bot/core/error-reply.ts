import { buildMessageCard } from '../../cards/message-card.js';
import { AppError } from '../errors.js';
import type { Reply } from './types.js';

/** What the user is told when something goes wrong: the AppError's message, or a general apology. */
export function errorReply(err: unknown): Reply {
  if (err instanceof AppError) return buildMessageCard({ title: 'That did not work', lines: [err.message] });
  return buildMessageCard({
    title: 'Sorry, something went wrong',
    lines: [
      'Something went wrong on my side and nothing was changed. Please try again; if it keeps happening, tell your Prevent coordinator.',
    ],
  });
}
