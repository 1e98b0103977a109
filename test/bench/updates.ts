import { VERBS } from '../../cards/verbs.js';
import type { OpenStore as Store } from '../../bot/store/database.js';
import { makeInvoke } from '../support/activities.js';
import type { FakeConnector } from '../support/fake-connector.js';
import { runLoad, type LoadResult } from './load.js';
import type { Asker } from './questions.js';
import { replyTap } from './replies.js';

/** One worker's conversation: a lead updating an action their organisation leads, in their partnership's channel. */
export interface Updater extends Asker {
  actionId: number;
  ref: number;
  version: number;
  rag: string;
}

/** What the database must show afterwards: every saved update once, none lost, versions in step. */
export interface UpdateCheck {
  saved: number;
  retriesAnswered: number;
  stale: number;
  announcements: number;
  /** saved updates that changed the rating (each is announced once) */
  ragChanges: number;
  lost: number;
  duplicated: number;
  versionMismatches: number;
}

/** Every tenth update changes the RAG (and is announced in the channel), starting with each worker's first, so a slow run has some; every twentieth is sent twice, as a Teams retry. */
const RAG_EVERY = 10;
const RETRY_EVERY = 20;

/** 50 leads (or `concurrency`) each updating their own action from its card (Action.Execute invoke, verb action.update) as fast as answers come. */
export async function measureUpdates(input: {
  baseUrl: string;
  connector: FakeConnector;
  store: Store;
  updaters: Updater[];
  seconds: number;
  warmupSeconds: number;
  runId: string;
  onMeasureStart?(): void | Promise<void>;
}): Promise<LoadResult & UpdateCheck> {
  const tap = replyTap(input.connector, (text) => text.includes('→'));
  const state = input.updaters.map((u) => ({
    ...u,
    initialVersion: u.version,
    seq: 0,
    saved: [] as string[],
    last: null as unknown,
    retries: 0,
    stale: 0,
    ragChanges: 0,
  }));
  const result = await runLoad({
    baseUrl: input.baseUrl,
    concurrency: state.length,
    seconds: input.seconds,
    warmupSeconds: input.warmupSeconds,
    next(worker) {
      const s = state[worker]!;
      if (s.last && s.seq % RETRY_EVERY === RETRY_EVERY - 1 && s.retries < s.seq / RETRY_EVERY) {
        s.retries++;
        return { activity: s.last, check: (_status, body) => body.includes(`Saved: action ${s.ref}`) };
      }
      const seq = ++s.seq;
      const rag = seq % RAG_EVERY === 1 ? (s.rag === 'GREEN' ? 'AMBER' : 'GREEN') : s.rag;
      const note = `bench ${input.runId} w${worker} #${seq}`;
      const data = { actionId: s.actionId, version: s.version, rag, note };
      s.last = makeInvoke(input.connector.url, VERBS.submitUpdate, data, {
        from: s.from,
        conversation: s.conversation,
        channelData: { tenant: { id: s.conversation.tenantId } },
      });
      return {
        activity: s.last,
        check(_status, body) {
          if (body.includes('Someone else updated')) s.stale++;
          if (!body.includes(`Saved: action ${s.ref}`)) return false;
          s.version++;
          if (rag !== s.rag) s.ragChanges++;
          s.rag = rag;
          s.saved.push(note);
          return true;
        },
      };
    },
    afterEach: () => tap.drain(),
    onMeasureStart: input.onMeasureStart,
  });
  // announcements go out through the outbox after each update commits: wait for it to empty before counting them
  for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200)))
    if ((await input.store.db.outboxMessage.count({ where: { status: 'pending', kind: 'announcement' } })) === 0) break;
  tap.drain();
  const check = await verify(input.store, state, input.runId);
  return {
    ...result,
    ...check,
    retriesAnswered: state.reduce((n, s) => n + s.retries, 0),
    stale: state.reduce((n, s) => n + s.stale, 0),
    announcements: tap.totals().received,
    ragChanges: state.reduce((n, s) => n + s.ragChanges, 0),
  };
}

/** Reads the history and versions back: each saved note exactly once, nothing extra, version = start + saves. */
async function verify(store: Store, state: { actionId: number; initialVersion: number; saved: string[] }[], runId: string) {
  let lost = 0;
  let duplicated = 0;
  let versionMismatches = 0;
  for (const s of state) {
    const rows = await store.db.actionUpdate.findMany({
      where: { actionId: s.actionId, note: { startsWith: `bench ${runId} ` } },
      select: { note: true },
    });
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.note, (counts.get(r.note) ?? 0) + 1);
    for (const note of s.saved) if (!counts.has(note)) lost++;
    for (const [note, count] of counts) duplicated += count - 1 + (s.saved.includes(note) ? 0 : 1);
    const action = await store.db.action.findUnique({ where: { id: s.actionId }, select: { version: true } });
    if (action?.version !== s.initialVersion + s.saved.length) versionMismatches++;
  }
  return { saved: state.reduce((n, s) => n + s.saved.length, 0), lost, duplicated, versionMismatches };
}
