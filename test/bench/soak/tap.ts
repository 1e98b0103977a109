import { startLocalConnector, type SentActivity } from '../../../bot/local-connector.js';
import { textOf } from '../../support/bot.js';

/** What kind of message the bot sent the connector: a reply within a turn, or a proactive one. */
export type SentKind = 'reply' | 'announcement' | 'reminder' | 'digest' | 'other-proactive';

/** Proactive messages (announcements, reminders, digests) the soak expects, by what identifies each one. */
export interface ProactiveCounts {
  /** the update's note → channel deliveries of its announcement */
  announcements: Map<string, number>;
  /** `${schedule name}|${conversation}` → deliveries */
  reminders: Map<string, number>;
  /** personal conversation → digests delivered */
  digests: Map<string, number>;
  /** anything else sent outside a turn, by its first line */
  other: Map<string, number>;
}

const wordsKey = (conversationId: string, text: string) => `${conversationId}\n${text.trim().slice(0, 400)}`;

/**
 * The fake Bot Connector (bot/local-connector.ts, as the tests use), recording every activity the bot delivers
 * (with `authorise`, only calls that carry the bot's token, as the real one takes them; others get 401):
 * replies by the activity they answer (replyToId), proactive messages by what they are. Its own list is cleared
 * as it goes so memory stays flat over a long run.
 */
export async function startTap(runId: string, options: { authorise?: (authorization: string | undefined) => Promise<boolean> } = {}) {
  const replies = new Map<string, string[]>();
  const replyCounts = new Map<string, number>();
  /** every reply by the activity it answers: when it arrived (s after the start) and its first line, to explain a duplicate */
  const replyLog = new Map<string, string[]>();
  const counts: ProactiveCounts = { announcements: new Map(), reminders: new Map(), digests: new Map(), other: new Map() };
  const notePattern = new RegExp(`soak ${runId} [ct]\\d+ #\\d+`);
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  /** every delivery by conversation and words (when each arrived, ms since the tap started), to match outbox rows against */
  const byWords = new Map<string, number[]>();
  let t0 = Date.now();
  let delivered = 0;
  let refused = 0;
  const classify = (sent: SentActivity): SentKind => {
    const text = textOf(sent.activity);
    const channel = sent.conversationId.startsWith('19:');
    const note = text.match(notePattern)?.[0];
    // the announcement's headline: "Action 12 · Title: GREEN → AMBER, by Name (Org)", then the note
    if (channel && note && /^Action .+ → .+, by /.test(text.split('\n')[0] ?? '')) {
      bump(counts.announcements, note);
      return 'announcement';
    }
    const reminder = text.match(/^Reminder: (Soak [^\n:]+)/);
    if (reminder) {
      bump(counts.reminders, `${reminder[1]}|${sent.conversationId}`);
      return 'reminder';
    }
    if (text.startsWith('Weekly digest:')) {
      bump(counts.digests, sent.conversationId);
      return 'digest';
    }
    if (sent.replyToId?.startsWith('soak-')) return 'reply';
    bump(counts.other, text.split('\n')[0]?.slice(0, 80) ?? '');
    return 'other-proactive';
  };
  const authorise = options.authorise;
  const connector = await startLocalConnector({
    ...(authorise
      ? {
          authorise: async (header: string | undefined) => {
            const ok = await authorise(header);
            if (!ok) refused++;
            return ok;
          },
        }
      : {}),
    onActivity(sent) {
      delivered++;
      const key = wordsKey(sent.conversationId, textOf(sent.activity));
      byWords.set(key, [...(byWords.get(key) ?? []), Date.now() - t0]);
      if (classify(sent) === 'reply' && sent.replyToId) {
        const id = sent.replyToId;
        replyCounts.set(id, (replyCounts.get(id) ?? 0) + 1);
        const line = `${((Date.now() - t0) / 1000).toFixed(1)} s: ${textOf(sent.activity).split('\n')[0]?.slice(0, 80) ?? ''}`;
        replyLog.set(id, [...(replyLog.get(id) ?? []), line]);
        const list = replies.get(id) ?? [];
        list.push(textOf(sent.activity));
        replies.set(id, list);
      }
    },
  });
  const timer = setInterval(() => connector.clear(), 5000);
  return {
    url: connector.url,
    counts,
    /** how many times these words were delivered to this conversation */
    deliveriesOf: (conversationId: string, text: string) => byWords.get(wordsKey(conversationId, text))?.length ?? 0,
    /** times from now on are counted from here (the soak's start) */
    markStart() {
      t0 = Date.now();
    },
    /** when these words reached this conversation, seconds after the soak started (to tell a retry from a lease takeover) */
    timesOf: (conversationId: string, text: string) =>
      (byWords.get(wordsKey(conversationId, text)) ?? []).map((ms) => Math.round(ms / 1000)),
    /** every activity the connector accepted */
    delivered: () => delivered,
    /** requests the connector refused (401) for a missing or wrong token */
    refused: () => refused,
    /** the texts replied to one activity so far (forgotten once taken; the count is kept) */
    take(activityId: string): string[] {
      const list = replies.get(activityId) ?? [];
      replies.delete(activityId);
      return list;
    },
    /** each reply an activity got: when (s after the start) and its first line */
    repliesOf: (activityId: string) => replyLog.get(activityId) ?? [],
    /** how many replies an activity got in all */
    replyCount: (activityId: string) => replyCounts.get(activityId) ?? 0,
    async close() {
      clearInterval(timer);
      await connector.close();
    },
  };
}

export type Tap = Awaited<ReturnType<typeof startTap>>;
