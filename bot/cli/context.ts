import type { Config } from '../config.js';
import type { Store } from '../store/database.js';

/** What every CLI command receives: configuration, an open store, and where to write. */
export interface CliContext {
  config: Config;
  store: Store;
  out(text: string): void;
  /** the CLI's notion of now; injectable for tests */
  now(): Date;
}

/** A CLI command: parses its own arguments and returns the process exit code. */
export type CliCommand = (args: string[], ctx: CliContext) => Promise<number>;
