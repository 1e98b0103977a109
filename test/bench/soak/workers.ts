import type { OpenStore as Store } from '../../../bot/store/database.js';
import { VERBS } from '../../../cards/verbs.js';
import { makeInvoke, makeMessage } from '../../support/activities.js';
import type { PartnershipChannel } from '../national.js';
import type { Updater } from '../updates.js';
import type { Random } from '../generate/random.js';
import type { AttemptOutcome, Balancer } from './balancer.js';
import type { Tap } from './tap.js';

/** The kinds of request the soak sends. */
export type RequestKind = 'question' | 'card update' | 'typed update';

/** One request as the load generator saw it. */
export interface RequestRecord {
  kind: RequestKind;
  /** ms since the soak started, when it was first sent */
  at: number;
  /** latency of the attempt that answered (ms) */
  ms: number;
  /** a good answer (after any retries) */
  ok: boolean;
  attempts: number;
  /** attempts that failed (refused, reset, timed out, 5xx), whether or not a retry then succeeded */
  failed: AttemptOutcome[];
  /** what was wrong with the answer, when not ok */
  problem?: string;
  /** the activity's id (replies are counted by it) */
  id: string;
  /** each attempt: when (s), which instance, how it ended, how long it took (to explain a duplicate reply) */
  tries?: string[];
  /** the reply reached the connector only after the HTTP answer (a retry answered while the first try was still working) */
  late?: boolean;
}

/** An update the bot accepted (HTTP 200 and a saved answer): it must be in the history exactly once. */
export interface AcceptedUpdate {
  note: string;
  actionId: number;
  /** the RAG changed, so the channel must be told once */
  ragChanged: boolean;
  via: 'card' | 'chat';
  at: number;
  /** for a typed update: each message, its tries and the first line of each reply (to explain a loss) */
  trace?: string[];
}

/** What every worker shares. */
export interface WorkerContext {
  balancer: Balancer;
  tap: Tap;
  store: Store;
  runId: string;
  /** ms since the soak started */
  clock(): number;
  /** the load stops at this clock() reading */
  stopAt: number;
  random: Random;
  record(r: RequestRecord): void;
  accepted(u: AcceptedUpdate): void;
  /** pause between one worker's requests (ms), so the load is steady rather than flat out */
  thinkMs: number;
}

/** The words of an invoke's answer (the card's text blocks), for saying what was wrong with it. */
export function cardWords(body: string): string {
  const words: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'text' || k === 'title') && typeof x === 'string') words.push(x);
        else walk(x);
      }
  };
  try {
    walk(JSON.parse(body));
  } catch {
    return body.slice(0, 160);
  }
  return words.join(' / ').slice(0, 160);
}

let sequence = 0;
/** Activity ids the tap recognises as the soak's: replies to them are counted per request. */
const nextId = () => `soak-${++sequence}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tenantData = (conversation: PartnershipChannel['conversation']) => ({
  tenant: { id: conversation.tenantId },
  team: { id: `${conversation.id}-team` },
  channel: { id: conversation.id },
});

/** Sends one activity through the balancer and records it; `judge` says what is wrong with the answer (null when good). */
async function send(
  ctx: WorkerContext,
  kind: RequestKind,
  activity: { id: string },
  judge: (status: number, body: string, replies: string[]) => string | null,
): Promise<{ ok: boolean; body: string; replies: string[]; attempts: string[] }> {
  const at = ctx.clock();
  const answer = await ctx.balancer.deliver(activity);
  const replies = ctx.tap.take(activity.id);
  const problem = answer.status === 200 ? judge(answer.status, answer.body, replies) : `HTTP ${answer.status || 'no answer'}`;
  ctx.record({
    kind,
    id: activity.id,
    at,
    ms: answer.ms,
    ok: problem === null,
    attempts: answer.attempts.length,
    tries: answer.attempts.map((a) => `${(a.at / 1000).toFixed(1)} s ${a.instance} ${a.outcome} ${(a.ms / 1000).toFixed(1)} s`),
    failed: answer.attempts.filter((a) => a.outcome !== 'ok').map((a) => a.outcome),
    ...(problem ? { problem } : {}),
  });
  return { ok: problem === null, body: answer.body, replies, attempts: answer.attempts.map((a) => `${a.instance} ${a.outcome}`) };
}

const QUESTIONS = [
  "what's amber?",
  "what's overdue?",
  "what's red?",
  'which actions are behind?',
  'summary',
  'what is due this month?',
  'anything on training?',
  'what changed this week?',
];

/** Asks questions in random partnerships' channels, as random members of each; every question must get a reply. */
export async function questionWorker(ctx: WorkerContext, channels: PartnershipChannel[], questionIds: string[]): Promise<void> {
  while (ctx.clock() < ctx.stopAt) {
    const channel = ctx.random.pick(channels);
    const from = ctx.random.pick(channel.people);
    const activity = makeMessage(ctx.tap.url, {
      id: nextId(),
      text: ctx.random.pick(QUESTIONS),
      mention: true,
      conversation: channel.conversation,
      from,
      channelData: tenantData(channel.conversation),
    });
    questionIds.push(activity.id);
    await send(ctx, 'question', activity, (_s, _b, replies) => (replies.some((r) => r.trim()) ? null : 'no reply'));
    await sleep(ctx.thinkMs);
  }
}

/** Every fourth card update changes the RAG (the channel is then told). */
const RAG_EVERY = 4;

/** A lead updating their own action from its card (Action.Execute, with the version the card showed) as the answers come. */
export async function cardWorker(ctx: WorkerContext, updater: Updater, worker: number, counters: { stale: number }): Promise<void> {
  const s = { ...updater, seq: 0 };
  while (ctx.clock() < ctx.stopAt) {
    const seq = ++s.seq;
    const rag = seq % RAG_EVERY === 0 ? (s.rag === 'GREEN' ? 'AMBER' : 'GREEN') : s.rag;
    const note = `soak ${ctx.runId} c${worker} #${seq}`;
    const activity = makeInvoke(
      ctx.tap.url,
      VERBS.submitUpdate,
      { actionId: s.actionId, version: s.version, rag, note },
      { id: nextId(), from: s.from, conversation: s.conversation, channelData: tenantData(s.conversation) },
    );
    let stale = false;
    const { ok } = await send(ctx, 'card update', activity, (_status, body) => {
      if (body.includes('Someone else updated')) stale = true;
      return body.includes(`Saved: action ${s.ref}`) || stale ? null : `no saved answer: ${cardWords(body)}`;
    });
    if (ok && !stale) {
      ctx.accepted({ note, actionId: s.actionId, ragChanged: rag !== s.rag, via: 'card', at: ctx.clock() });
      s.version++;
      s.rag = rag;
    } else if (stale || !ok) {
      // the card was out of date (only after a save whose answer was lost): read the action as a refreshed card would show it
      if (stale) counters.stale++;
      const now = await ctx.store.db.action
        .findUnique({ where: { id: s.actionId }, select: { version: true, rag: true } })
        .catch(() => null);
      if (now) Object.assign(s, { version: now.version, rag: now.rag });
    }
    await sleep(ctx.thinkMs);
  }
}

/** A lead updating their own action by talking to the bot in personal chat: "update action N to amber", the note, progress, "yes". */
export async function typedWorker(
  ctx: WorkerContext,
  updater: Updater & { target: number | null },
  worker: number,
  counters: { abandoned: number },
): Promise<void> {
  const personal = { id: `a:soak-personal-${updater.from.id}`, conversationType: 'personal', tenantId: updater.conversation.tenantId };
  let trace: string[] = [];
  const say = async (text: string, expect: (replies: string[]) => string | null) => {
    const activity = makeMessage(ctx.tap.url, {
      id: nextId(),
      text,
      conversation: personal,
      from: updater.from,
      channelData: { tenant: { id: personal.tenantId } },
    });
    const answer = await send(ctx, 'typed update', activity, (_s, _b, replies) => expect(replies));
    trace.push(`${activity.id} "${text}" -> ${answer.attempts.join(',')}: ${answer.replies.map((r) => r.split('\n')[0]).join(' | ')}`);
    return answer;
  };
  // a question back (the next step); "Sorry, something went wrong" is a turn that failed
  const asks = (replies: string[]) =>
    replies.some((r) => r.startsWith('Sorry, something went wrong'))
      ? replies.join(' / ').slice(0, 160)
      : replies.some((r) => r.trim())
        ? null
        : 'no reply';
  let rag = updater.rag;
  for (let seq = 1; ctx.clock() < ctx.stopAt; seq++) {
    const to = rag === 'GREEN' ? 'AMBER' : 'GREEN';
    const note = `soak ${ctx.runId} t${worker} #${seq}`;
    trace = [];
    const steps = [`update action ${updater.ref} to ${to.toLowerCase()}`, note, ...(updater.target !== null ? ['skip'] : [])];
    let fine = true;
    for (const step of steps) {
      fine = (await say(step, asks)).ok;
      await sleep(ctx.thinkMs);
      if (!fine) break;
    }
    let saved = false;
    // "yes"; once more if someone else changed the action meanwhile (the conversation is rebased and asks again)
    for (let tries = 0; fine && !saved && tries < 2; tries++) {
      // saved only when the answer names this update's note: an earlier conversation left at its last question
      // (its end not recorded) would otherwise say "Saved" for the earlier update again
      const isSaved = (r: string) => r.includes(`Saved: action ${updater.ref}`) && r.includes(`Note: ${note}`);
      const answer = await say('yes', (replies) =>
        replies.some((r) => isSaved(r) || r.includes('Someone else updated'))
          ? null
          : `no saved answer: ${replies.join(' / ').slice(0, 160)}`,
      );
      saved = answer.ok && answer.replies.some(isSaved);
      fine = answer.ok;
    }
    if (saved) {
      ctx.accepted({ note, actionId: updater.actionId, ragChanged: true, via: 'chat', at: ctx.clock(), trace });
      rag = to;
    } else {
      counters.abandoned++;
      await say('cancel', () => null);
      const now = await ctx.store.db.action.findUnique({ where: { id: updater.actionId }, select: { rag: true } }).catch(() => null);
      if (now) rag = now.rag;
    }
    await sleep(ctx.thinkMs);
  }
}
