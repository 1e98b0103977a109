import { logger } from '../logger.js';
import type { Notifier } from './notifier.js';

const log = logger('notify');

/** Sends each conversation through its own platform's delivery function (Slack's only when Slack is on). */
export function byPlatform(senders: { teams: Notifier; slack: Notifier | null }): Notifier {
  return {
    send(conversation, reply) {
      if (conversation.platform !== 'slack') return senders.teams.send(conversation, reply);
      if (senders.slack) return senders.slack.send(conversation, reply);
      log.warn({ conversationId: conversation.conversationId }, 'A Slack conversation, but Slack is off: nothing sent');
      return Promise.resolve({ outcome: 'failed', error: 'Slack is off', transient: false, attempts: 0 });
    },
  };
}
