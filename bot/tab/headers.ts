import type { RequestHandler } from 'express';

/** Hosts allowed to frame the tab: Teams on the web, desktop and mobile, and Microsoft 365. */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.skype.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

const policy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // teams-js fetches its list of valid Teams origins from this CDN.
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/** Security headers for the tab's pages and API: a strict CSP that still lets Teams frame them. */
export const tabHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  next();
};
