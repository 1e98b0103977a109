/**
 * Group commit for small statements that many turns make at once: `write(items)` runs on every item added while no
 * write is in flight, together. An item added when nothing is in flight is written at once, alone (no waiting for
 * company: one conversation's turns are as quick as before); items added while a write is in flight wait for it, then go
 * in the next one, at most `max` an item list. Each caller's promise settles with the write its item went in: with its
 * own result (the write's answer at the item's place) when that write succeeded, rejected with its error when it failed
 * (the caller may try again; its item goes in a later write).
 */
export function coalesced<T>(write: (items: T[]) => Promise<void>, max?: number): (item: T) => Promise<void>;
export function coalesced<T, R>(write: (items: T[]) => Promise<R[]>, max?: number): (item: T) => Promise<R>;
export function coalesced<T, R>(write: (items: T[]) => Promise<unknown>, max = 100): (item: T) => Promise<R> {
  type Waiting = { item: T; resolve: (result: R) => void; reject: (err: unknown) => void };
  let queue: Waiting[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    while (queue.length) {
      const batch = queue.slice(0, max);
      queue = queue.slice(batch.length);
      try {
        const results = (await write(batch.map((w) => w.item))) as R[] | undefined;
        for (const [i, w] of batch.entries()) w.resolve(results?.[i] as R);
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    writing = false;
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}
