import { defineConfig } from 'vitest/config';

/** The fast pure tier: the plan core, card builders and plan importers, with no database, server or process. */
const UNIT = ['test/plan/**/*.test.ts', 'test/cards/**/*.test.ts', 'test/import/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/setup.ts'],
    // `npm test` runs both; `npm test -- --project unit` runs the pure tier alone (seconds).
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      {
        extends: true,
        // installs Debian's chromium for the browser tests when it is missing (see test/global-setup.ts)
        test: { name: 'integration', include: ['test/**/*.test.ts'], exclude: UNIT, globalSetup: ['test/global-setup.ts'] },
      },
    ],
  },
});
