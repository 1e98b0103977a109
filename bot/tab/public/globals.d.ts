// Types for the tab's browser JavaScript (read by tsconfig.tab.json only; the page never loads it).

import type * as TeamsJs from '@microsoft/teams-js';

declare global {
  interface Window {
    /** The teams-js global from MicrosoftTeams.min.js; absent if the script did not load. */
    microsoftTeams?: typeof TeamsJs;
    /** Applies a theme by name (set by theme.js; the browser tests call it). */
    __setTheme: (name: string) => string;
  }
}
