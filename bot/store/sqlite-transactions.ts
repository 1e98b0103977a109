/** The parts of Prisma's SQLite adapter (one better-sqlite3 connection) that run statements and open transactions. */
interface Transaction {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}
export interface SqliteAdapterConnection {
  queryRaw(query: unknown): Promise<unknown>;
  executeRaw(query: unknown): Promise<number>;
  executeScript(script: string): Promise<void>;
  startTransaction(isolationLevel?: unknown): Promise<Transaction>;
}

/** Holders in turn, first come first served; `busy` while anyone holds it or waits for it. */
class Turns {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;
  get busy(): boolean {
    return this.waiting > 0;
  }
  /** Waits for every earlier holder to leave; the function returned leaves (once, however often it is called). */
  async enter(): Promise<() => void> {
    const before = this.tail;
    let open!: () => void;
    this.tail = new Promise((resolve) => {
      open = resolve;
    });
    this.waiting++;
    await before;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.waiting--;
      open();
    };
  }
}

/**
 * Keeps other turns' statements out of an open transaction. Prisma's SQLite adapter has one connection: its
 * transactions take turns among themselves, but a statement from outside runs at once on that connection, inside
 * whichever transaction is open there, and is undone with it when that transaction rolls back (a turn's claim, a
 * conversation remembered, another person's update: lost without an error). Here a statement from outside waits while a
 * transaction is open or waiting, and transactions and such statements go in the order they came.
 */
export function serialiseTransactions(connection: SqliteAdapterConnection): {
  outside<R>(run: () => R | Promise<R>): Promise<R>;
  alone<R>(run: () => Promise<R>): Promise<R>;
} {
  const turns = new Turns();
  /** Runs a transaction of the store's own (see sqliteDirect) with the connection to itself, in its turn. */
  const alone = async <R>(run: () => Promise<R>): Promise<R> => {
    const leave = await turns.enter();
    try {
      return await run();
    } finally {
      leave();
    }
  };
  /** Runs a statement from outside any transaction: at once when none is open or waiting, else in its turn. */
  const outside = async <R>(run: () => R | Promise<R>): Promise<R> => (turns.busy ? alone(async () => run()) : run());
  const queryRaw = connection.queryRaw.bind(connection);
  const executeRaw = connection.executeRaw.bind(connection);
  const executeScript = connection.executeScript.bind(connection);
  connection.queryRaw = (query) => outside(() => queryRaw(query));
  connection.executeRaw = (query) => outside(() => executeRaw(query));
  connection.executeScript = (script) => outside(() => executeScript(script));
  const start = connection.startTransaction.bind(connection);
  connection.startTransaction = async (isolationLevel?: unknown) => {
    const leave = await turns.enter();
    try {
      const transaction = await start(isolationLevel);
      const commit = transaction.commit.bind(transaction);
      const rollback = transaction.rollback.bind(transaction);
      transaction.commit = () => commit().finally(leave);
      transaction.rollback = () => rollback().finally(leave);
      return transaction;
    } catch (err) {
      leave();
      throw err;
    }
  };
  return { outside, alone };
}
