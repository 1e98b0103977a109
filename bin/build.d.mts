/** dist/server.js, the compiled bot that `npm start` runs. */
export declare const SERVER: string;
/** What the last build recorded: each input's size and modification time, and its chunks. */
export interface BuildInfo {
  builtAt?: string;
  chunks?: string[];
  inputs?: Record<string, { size: number; mtimeMs: number }>;
}
/** What the last build recorded, or null when there is none. */
export declare function readBuildInfo(): BuildInfo | null;
/** Whether dist/server.js is missing or any file it was built from changed since (`info`: the build's record, by default read from dist/). */
export declare function isStale(info?: BuildInfo | null): boolean;
/** Builds dist/server.js with esbuild. */
export declare function build(): Promise<{ seconds: number; files: number }>;
