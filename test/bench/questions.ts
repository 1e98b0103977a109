import { makeMessage } from '../support/activities.js';
import type { FakeConnector } from '../support/fake-connector.js';
import { runLoad, type LoadResult } from './load.js';
import { replyTap } from './replies.js';

/** Where a question is asked and by whom, shaped as Teams sends it. */
export interface Asker {
  conversation: { id: string; conversationType: 'channel'; tenantId: string; isGroup: true };
  from: { id: string; name: string; aadObjectId?: string };
}

/** The reply to "what's amber?" starts with the count: "12 actions are AMBER". */
export const AMBER_ANSWER = /^(No|\d+) actions? (is|are) AMBER/;

/**
 * "what's amber?" over HTTP: each worker is a conversation asking again as soon as it has its answer.
 * `askerFor(worker, n)` says where each question is asked. Every request must be answered through the connector.
 */
export async function measureQuestions(input: {
  baseUrl: string;
  connector: FakeConnector;
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
  askerFor(worker: number, n: number): Asker;
  /** what a good reply looks like (default: the answer to "what's amber?") */
  expect?: RegExp;
  /** stop after this many questions (default: run for `seconds`) */
  limit?: number;
  onMeasureStart?(): void | Promise<void>;
}): Promise<LoadResult & { unanswered: number }> {
  const expect = input.expect ?? AMBER_ANSWER;
  const tap = replyTap(input.connector, (text) => expect.test(text));
  let sent = 0;
  const result = await runLoad({
    baseUrl: input.baseUrl,
    concurrency: input.concurrency,
    seconds: input.seconds,
    warmupSeconds: input.warmupSeconds,
    limit: input.limit,
    next(worker, n) {
      const asker = input.askerFor(worker, n);
      sent++;
      return {
        activity: makeMessage(input.connector.url, {
          text: "what's amber?",
          mention: true,
          conversation: asker.conversation,
          from: asker.from,
          channelData: {
            tenant: { id: asker.conversation.tenantId },
            team: { id: `${asker.conversation.id}-team` },
            channel: { id: asker.conversation.id },
          },
        }),
      };
    },
    afterEach: () => tap.drain(),
    onMeasureStart: input.onMeasureStart,
  });
  const { received, bad } = tap.totals();
  return { ...result, bad: result.bad + bad, unanswered: sent - received };
}
