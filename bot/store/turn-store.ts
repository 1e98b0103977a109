import type { PlanView } from '../plan/types.js';
import type { Store } from './database.js';
import type { DialogKey } from './dialogs.js';
import { planOrNotFound } from './plans.js';
import type { TurnReads } from './turn-start.js';

/** How long after the turn's first reads they may serve it: past this (a slow turn, or work the turn left running) the store is read. */
const SERVE_WITHIN_MS = 2_000;

/** Store reads that leave what the turn read at its start as it is; any other call may change it, and ends its use. */
const KEEPS = new Set(['people.list', 'privacy.settings', 'conversations.announcement', 'conversations.announcements', 'plans.ofAction']);

/**
 * The store as one turn sees it: its first look at the partnership's live plan and at the sender's conversation in
 * progress are served from what the turn read with its sender (openTurn), once each, and only while the turn has made
 * no other store call that could have changed them; every later look reads the database as usual. The privacy
 * settings read then serve the turn until it calls the privacy repository for anything else. Who may update actions,
 * when the turn read them with its sender (a card that shows an action), serve its first look at them, as the plan.
 * Nothing is served from them more than SERVE_WITHIN_MS after they were read.
 */
export function turnStore(store: Store, reads: TurnReads): Store {
  const until = performance.now() + SERVE_WITHIN_MS;
  const recent = () => performance.now() < until;
  let freshPlan = true;
  let freshDialog = true;
  let freshUpdaters = reads.updaters !== undefined;
  // privacy settings change only through the privacy repository
  let freshPrivacy = true;
  const livePlan = (partnership: string, planId?: number): Promise<PlanView | null> => {
    if (!freshPlan || !recent() || planId !== undefined || partnership !== reads.partnership)
      return store.plans.current(partnership, planId);
    freshPlan = false;
    return reads.livePlan();
  };
  const own: Record<string, unknown> = {
    'privacy.settings': async (partnership: string) =>
      freshPrivacy && recent() && partnership === reads.partnership ? { ...reads.privacy } : store.privacy.settings(partnership),
    'plans.current': livePlan,
    'plans.require': async (partnership: string) => planOrNotFound(await livePlan(partnership), partnership),
    'people.updaters': async (partnership: string) => {
      if (!freshUpdaters || !recent() || partnership !== reads.partnership || !reads.updaters) return store.people.updaters(partnership);
      freshUpdaters = false;
      return reads.updaters;
    },
    'dialogs.load': (key: DialogKey) => {
      const same = key.conversationId === reads.dialogKey.conversationId && key.userChatId === reads.dialogKey.userChatId;
      if (!freshDialog || !recent() || !same) return store.dialogs.load(key);
      freshDialog = false;
      return reads.dialog();
    },
  };
  const repositories = new Map<string, object>();
  return new Proxy(store, {
    get(target, name, receiver) {
      const repository: unknown = Reflect.get(target, name, receiver);
      if (typeof name !== 'string' || name === 'db' || repository === null || typeof repository !== 'object' || Array.isArray(repository))
        return repository;
      let seen = repositories.get(name);
      if (!seen) {
        seen = new Proxy(repository, {
          get(methods, method) {
            const fn: unknown = Reflect.get(methods, method);
            const key = `${name}.${String(method)}`;
            if (key in own) return own[key];
            if (typeof fn !== 'function' || KEEPS.has(key)) return fn;
            return (...args: unknown[]) => {
              freshPlan = false;
              freshDialog = false;
              freshUpdaters = false;
              if (name === 'privacy') freshPrivacy = false;
              return fn.apply(methods, args);
            };
          },
        });
        repositories.set(name, seen);
      }
      return seen;
    },
  });
}
