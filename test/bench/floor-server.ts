// The transport floor: the same express server with no botbuilder. The reply is POSTed to the connector through one
// keep-alive http.Agent before the request is answered (as botbuilder does), so every figure shows where it stands
// between this and the echo bot.
import http from 'node:http';
import express from 'express';
import { serveBenchChild } from './child-side.js';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface Incoming {
  type?: string;
  id?: string;
  text?: string;
  serviceUrl: string;
  channelId?: string;
  conversation: { id: string };
  from?: unknown;
  recipient?: unknown;
}

/** POSTs the reply to {serviceUrl}/v3/conversations/{id}/activities/{replyToId}; resolves with the status. */
function postReply(activity: Incoming, reply: object): Promise<number> {
  const base = activity.serviceUrl.replace(/\/+$/, '');
  const url = new URL(
    `${base}/v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities/${encodeURIComponent(activity.id ?? '')}`,
  );
  const body = Buffer.from(JSON.stringify(reply));
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const app = express();
app.disable('x-powered-by');
app.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
  const activity = req.body as Incoming;
  if (activity.type === 'message') {
    const status = await postReply(activity, {
      type: 'message',
      text: `You said: ${activity.text ?? ''}`,
      channelId: activity.channelId,
      serviceUrl: activity.serviceUrl,
      conversation: activity.conversation,
      from: activity.recipient,
      recipient: activity.from,
      replyToId: activity.id,
    });
    if (status >= 300) {
      res.status(502).end();
      return;
    }
  }
  res.status(200).end();
});

await serveBenchChild(app);
