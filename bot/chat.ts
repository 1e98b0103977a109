import { createInterface } from 'node:readline/promises';
import { loadConfig } from './config.js';
import { configureLogging } from './logger.js';
import { createBot } from './app.js';
import { loadDemoPlanIfEmpty } from './demo.js';
import { startLocalConnector, wordsOf } from './local-connector.js';
import { createHttpApp, listen } from './server.js';
import { openStore } from './store/database.js';

/** `npm run chat`: talk to the real bot in the terminal. Messages go over HTTP to /api/messages, replies come back through a local connector. */
async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, MicrosoftAppId: '', MicrosoftAppPassword: '', NODE_ENV: 'development' });
  configureLogging(config.LOG_LEVEL ?? 'warn');
  const store = await openStore(config.DATABASE_URL);
  if (config.DEMO_PLAN === 'on') await loadDemoPlanIfEmpty(store, config.DEFAULT_PARTNERSHIP, new Date());
  const connector = await startLocalConnector({ onActivity: (s) => process.stdout.write(`\nbot> ${wordsOf(s.activity) || '(a card)'}\n`) });
  const { services, adapter } = createBot({ config, store, now: () => new Date() });
  const server = await listen(createHttpApp(services, adapter), config, 0);
  const user = {
    id: process.env.CHAT_USER_ID ?? '29:local-user',
    name: process.env.CHAT_USER_NAME ?? 'Local user',
    aadObjectId: process.env.CHAT_USER_OBJECT_ID ?? '00000000-0000-4000-8000-00000000c4a7',
  };
  // the local roster confirms this address, so `npm run cli -- role grant local.user@example.org coordinator` binds to you
  const email = process.env.CHAT_USER_EMAIL ?? 'local.user@example.org';
  connector.setMembers([{ id: user.id, name: user.name, objectId: user.aadObjectId, email, userPrincipalName: email, userRole: 'user' }]);
  const conversation = { id: `a:personal-${user.id}`, conversationType: 'personal' };
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  process.stdout.write(
    `Chatting with the Prevent plan bot as ${user.name} (${config.DEFAULT_PARTNERSHIP}). Try "what's amber?", "show action 18", "help". Ctrl+D to leave.\n`,
  );
  let n = 0;
  for await (const line of rl) {
    const text = line.trim();
    if (text) {
      await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `chat-${++n}`,
          channelId: 'msteams',
          serviceUrl: connector.url,
          from: user,
          recipient: { id: '28:prevent-bot', name: 'Prevent plan' },
          conversation,
          text,
          timestamp: new Date().toISOString(),
          locale: 'en-GB',
        }),
      });
    }
    process.stdout.write('you> ');
  }
  await server.close();
  await connector.close();
  await store.close();
}

await main();
