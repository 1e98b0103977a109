/** dist/server.js, the compiled bot that `npm start` runs. */
export declare const SERVER: string;
/** Whether dist/server.js is missing or older than any file it was built from. */
export declare function isStale(): boolean;
/** Builds dist/server.js with esbuild. */
export declare function build(): Promise<{ seconds: number; files: number }>;
