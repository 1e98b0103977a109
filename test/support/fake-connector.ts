import { startLocalConnector, type LocalConnector } from '../../bot/local-connector.js';

export type { SentActivity } from '../../bot/local-connector.js';

/** The fake Bot Connector the tests reply to: the same local connector `npm run chat` uses. */
export const startFakeConnector = () => startLocalConnector();
export type FakeConnector = LocalConnector;
