/**
 * Group writes (a group commit): `write` is called with one item at once when nothing is being written, and with every
 * item that arrived meanwhile, together, once the write in hand is done. Each caller's promise settles with its group's
 * write. No timer: a lone caller waits for nothing, and under load one statement serves many callers.
 */
export function batchWhileBusy<T>(write: (items: T[]) => Promise<void>): (item: T) => Promise<void> {
  let waiting: { item: T; done: () => void; failed: (err: unknown) => void }[] = [];
  let busy = false;
  const writeWaiting = async () => {
    busy = true;
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      try {
        await write(group.map((w) => w.item));
        for (const w of group) w.done();
      } catch (err) {
        for (const w of group) w.failed(err);
      }
    }
    busy = false;
  };
  return (item) =>
    new Promise<void>((done, failed) => {
      waiting.push({ item, done, failed });
      if (!busy) void writeWaiting();
    });
}
