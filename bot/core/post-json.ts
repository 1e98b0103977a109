import http from 'node:http';
import https from 'node:https';

/** Connections kept open between posts (one pool per protocol), shared by every service the bot answers through. */
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/** Network failures worth trying again: the connection was cut, refused or timed out. */
export const RETRIED_NETWORK_ERROR = /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|socket hang up/;

/** Whether a network error is one of RETRIED_NETWORK_ERROR's. */
export const isRetriedNetworkError = (err: unknown): boolean =>
  RETRIED_NETWORK_ERROR.test(`${(err as { code?: string })?.code ?? ''} ${(err as Error)?.message ?? ''}`);

/** Whether a proxy is configured: then posts go through the SDKs' own clients, which know how to use it. */
export const proxyConfigured = (): boolean =>
  Boolean(process.env.HTTPS_PROXY || process.env.https_proxy || process.env.HTTP_PROXY || process.env.http_proxy);

export interface JsonAnswer {
  status: number;
  text: string;
  retryAfter?: string;
  headers: http.IncomingHttpHeaders;
}

/** How long a post may go without an answer before it is given up as a timed-out connection (and may be tried again). */
export const POST_TIMEOUT_MS = 30_000;

/**
 * One POST of a JSON body over a kept-open connection; the status, body text and Retry-After, or the network error (a
 * connection silent for `timeoutMs` is cut and fails with code ETIMEDOUT, so a hung service cannot hold a turn for ever).
 */
export function postJson(url: URL, headers: Record<string, string>, body: string, timeoutMs = POST_TIMEOUT_MS): Promise<JsonAnswer> {
  const agent = agents[url.protocol as keyof typeof agents];
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          retryAfter: response.headers['retry-after'],
          headers: response.headers,
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.setTimeout(timeoutMs, () =>
      request.destroy(Object.assign(new Error(`No answer from ${url.host} in ${timeoutMs} ms`), { code: 'ETIMEDOUT' })),
    );
    request.end(body);
  });
}
