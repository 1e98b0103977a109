import { startFakeSlack, slackWords, type SlackCall } from '../support/fake-slack.js';
import { BOT_TOKEN, SIGNING_SECRET, slackSignature } from '../support/slack.js';
import { AMBER_ANSWER } from './questions.js';

/** A fake Slack Web API for the bench: answers are matched to the worker (channel) waiting for them. */
export async function startBenchSlack() {
  const waiting = new Map<string, (call: SlackCall) => void>();
  let bad = 0;
  const slack = await startFakeSlack({
    token: BOT_TOKEN,
    record: false,
    onCall(call) {
      if (call.method !== 'chat.postMessage') return;
      const resolve = waiting.get(String(call.args.channel));
      if (!resolve) return;
      if (!AMBER_ANSWER.test(slackWords(call.args))) bad++;
      waiting.delete(String(call.args.channel));
      resolve(call);
    },
  });
  for (let i = 0; i < 100; i++)
    slack.addUser({ id: `U0BENCH${i}`, name: `bench${i}`, real_name: `Bench ${i}`, email: `bench${i}@example.org` });
  return {
    slack,
    /** what the bot needs to talk to this fake (its environment) */
    env: { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl },
    answerFor: (channel: string) => new Promise<SlackCall>((resolve) => waiting.set(channel, resolve)),
    bad: () => bad,
    close: () => slack.close(),
  };
}

export type BenchSlack = Awaited<ReturnType<typeof startBenchSlack>>;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * "@Prevent what's amber?" over Slack: each worker is a channel asking again as soon as the answer reaches the fake
 * Web API (chat.postMessage). Every request is a signed Events API callback; the latency runs from the POST to the answer.
 */
export async function measureSlackQuestions(input: {
  baseUrl: string;
  slack: BenchSlack;
  concurrency: number;
  seconds: number;
  warmupSeconds: number;
  onMeasureStart?(): void | Promise<void>;
}) {
  const url = new URL('/slack/events', input.baseUrl);
  const latencies: number[] = [];
  let measuring = false;
  let stopAt = performance.now() + input.warmupSeconds * 1000;
  let events = 0;
  let unanswered = 0;
  let bad = 0;
  const ask = async (worker: number) => {
    const channel = `C0BENCH${worker}`;
    const body = JSON.stringify({
      team_id: input.slack.slack.teamId,
      api_app_id: 'A0PREVENT',
      type: 'event_callback',
      event_id: `EvBENCH${Date.now().toString(36)}${++events}`,
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: 'app_mention',
        user: `U0BENCH${worker % 100}`,
        text: `<@${input.slack.slack.bot.user_id}> what's amber?`,
        ts: `${Date.now() / 1000}`,
        channel,
      },
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const answer = input.slack.answerFor(channel);
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(body, timestamp),
      },
      body,
    });
    await res.arrayBuffer();
    if (res.status !== 200) bad++;
    const answered = await Promise.race([answer.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000))]);
    if (!answered) unanswered++;
    return performance.now() - started;
  };
  const worker = async (id: number) => {
    while (performance.now() < stopAt) {
      const took = await ask(id);
      if (measuring) latencies.push(took);
    }
  };
  if (input.warmupSeconds > 0) await Promise.all(Array.from({ length: input.concurrency }, (_, i) => worker(i)));
  await input.onMeasureStart?.();
  measuring = true;
  bad = 0;
  unanswered = 0;
  const badBefore = input.slack.bad();
  const began = performance.now();
  stopAt = began + input.seconds * 1000;
  await Promise.all(Array.from({ length: input.concurrency }, (_, i) => worker(i)));
  const seconds = (performance.now() - began) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    bad: bad + input.slack.bad() - badBefore,
    unanswered,
  };
}
