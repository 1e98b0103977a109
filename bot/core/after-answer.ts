import type { Services } from './context.js';

// Work that goes on after the platform was answered (Slack's turns run after their acknowledgement), kept so that a
// shutdown, and a test, can wait for it before the database closes.

const inFlight = new WeakMap<object, Set<Promise<unknown>>>();

/** Remembers work that goes on after the platform was answered; returns it. */
export function afterAnswer<T>(services: Services, work: Promise<T>): Promise<T> {
  const running = inFlight.get(services.store) ?? new Set<Promise<unknown>>();
  inFlight.set(services.store, running);
  running.add(work);
  const done = () => running.delete(work);
  work.then(done, done);
  return work;
}

/** Resolves when the work going on after answers (see afterAnswer) has finished: before closing the store. */
export async function answeredWorkDone(services: Services): Promise<void> {
  const running = inFlight.get(services.store);
  while (running?.size) await Promise.allSettled([...running]);
}
