import type { AddressInfo } from 'node:net';
import express from 'express';

/**
 * A Bot Connector stand-in that allows `perSecond` requests in any rolling second and answers the rest
 * with 429 and Retry-After, like Teams' per-app throttle. It counts deliveries per conversation.
 */
export async function startThrottledConnector(perSecond: number, retryAfterSeconds = 1) {
  const accepted: number[] = [];
  const deliveries = new Map<string, number>();
  let throttled = 0;
  const app = express();
  app.use(express.json({ limit: '2mb' }));
  const receive = (req: express.Request, res: express.Response) => {
    const now = performance.now();
    while (accepted.length && accepted[0]! <= now - 1000) accepted.shift();
    if (accepted.length >= perSecond) {
      throttled++;
      res
        .status(429)
        .set('Retry-After', String(retryAfterSeconds))
        .json({ error: { code: 'TooManyRequests', message: 'throttled' } });
      return;
    }
    accepted.push(now);
    const id = decodeURIComponent(req.params.conversationId as string);
    deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
    res.status(200).json({ id: `sent-${accepted.length}-${deliveries.size}` });
  };
  app.post('/v3/conversations/:conversationId/activities', receive);
  app.post('/v3/conversations/:conversationId/activities/:replyToId', receive);
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    deliveries,
    throttled: () => throttled,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
