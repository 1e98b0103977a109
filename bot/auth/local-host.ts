import type { RequestHandler } from 'express';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The host name of a Host header, without the port; lower case. */
export function hostName(header: string | undefined): string {
  const host = (header ?? '').trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0] ?? '';
}

/**
 * Local mode only: answers requests whose Host is localhost or 127.0.0.1, so a web page elsewhere cannot
 * reach the unauthenticated bot through DNS rebinding. Others get 421 with one line.
 */
export function requireLoopbackHost(): RequestHandler {
  return (req, res, next) => {
    if (LOOPBACK_HOSTS.has(hostName(req.get('host')))) return next();
    res.status(421).type('text/plain').send('This bot runs in local mode and answers only http://localhost or http://127.0.0.1.\n');
  };
}
