// Shapes the tab's browser JavaScript shares with the server, for JSDoc (type-only, outside public/ so it is never served).

import type * as TeamsJs from '@microsoft/teams-js';

export type { BoardAction, BoardData } from './board-data.js';
export type { Rag } from '../plan/types.js';

/** The teams-js library as the page sees it on window.microsoftTeams. */
export type Teams = typeof TeamsJs;

/** A connection to the Teams host: the library and the context it gave. */
export interface TeamsHost {
  teams: Teams;
  context: TeamsJs.app.Context;
}
