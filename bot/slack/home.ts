import type { Reply, TurnInput } from '../core/context.js';
import { askHandler } from '../handlers/commands/ask.js';

/** The plan board for the App Home tab: the plan's summary, then the actions that are behind, from the same handlers as chat. */
export async function homeBoard(turn: TurnInput): Promise<Reply[]> {
  const summary = await askHandler({ ...turn, text: 'summary' });
  const behind = await askHandler({ ...turn, text: 'which actions are behind?' });
  return [summary, behind];
}
