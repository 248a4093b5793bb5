import type { IncomingMessage } from 'node:http';

/** The API key a request carries: `X-API-Key`, or `Authorization: Bearer` (Prometheus). */
export function apiKeyOf(req: IncomingMessage): string | undefined {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header) return header.trim();
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
}
