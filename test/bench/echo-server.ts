// The baseline: Microsoft's echo bot on the same stack (express + botbuilder's CloudAdapter, local mode), run as a child process.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import express from 'express';
import { serveBenchChild } from './child-side.js';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const app = express();
app.disable('x-powered-by');
app.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
  await adapter.process(req, res, async (context) => {
    if (context.activity.type === 'message') await context.sendActivity(`You said: ${context.activity.text}`);
  });
});

await serveBenchChild(app);
