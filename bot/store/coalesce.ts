/**
 * Group commit for small writes that many turns make at once: `write(items)` runs on every item added while no write
 * is in flight, together. An item added when nothing is in flight is written at once, alone (no waiting for company:
 * one conversation's turns are as quick as before); items added while a write is in flight wait for it, then go in the
 * next one, at most `max` an item list. Each caller's promise settles with the write its item went in: resolved when
 * that write succeeded, rejected with its error when it failed (the caller may try again; its item goes in a later write).
 */
export function coalesced<T>(write: (items: T[]) => Promise<void>, max = 100): (item: T) => Promise<void> {
  type Waiting = { item: T; resolve: () => void; reject: (err: unknown) => void };
  let queue: Waiting[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    while (queue.length) {
      const batch = queue.slice(0, max);
      queue = queue.slice(batch.length);
      try {
        await write(batch.map((w) => w.item));
        for (const w of batch) w.resolve();
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    writing = false;
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}
