import { csrfHeaders, setCsrfToken } from './csrf';

/** The signed-in person, as GET /console/auth/me describes them (console contract). */
export interface Person {
  id: string;
  email: string;
  displayName: string;
  role: 'staff' | 'partner';
  partnerId: string | null;
  partnerName: string | null;
  alertDigest: boolean;
}

/** What the sign-in endpoints answer besides success. */
export interface AuthFailure {
  code: string;
  message: string;
  retryAfterSeconds?: number;
}

export type AuthResult = { ok: true } | { ok: false; failure: AuthFailure };

/** Null person: signed out. `available` is false when the gateway has no sign-in endpoints. */
export interface MeAnswer {
  person: Person | null;
  available: boolean;
}

const BASE = '/console/auth';

let meInFlight: Promise<MeAnswer> | undefined;

/**
 * Asks who is signed in. Calls made while one is under way share its answer: two parallel
 * first calls would each open a session with its own CSRF token, and the cookie kept would
 * not match the token kept.
 */
export function fetchMe(): Promise<MeAnswer> {
  meInFlight ??= loadMe().finally(() => (meInFlight = undefined));
  return meInFlight;
}

async function loadMe(): Promise<MeAnswer> {
  try {
    const response = await fetch(`${BASE}/me`, { credentials: 'same-origin' });
    if (!response.ok) return { person: null, available: false };
    const body = (await response.json()) as { person: Person | null; csrfToken?: string };
    setCsrfToken(body.csrfToken ?? '');
    return { person: body.person, available: true };
  } catch {
    return { person: null, available: false };
  }
}

/** POSTs JSON with the CSRF token; a failure answer's {code, message} comes back as is. */
export async function postAuth(path: string, body: object): Promise<AuthResult> {
  let response: Response;
  try {
    response = await fetch(`${BASE}/${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...csrfHeaders() },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, failure: { code: 'NETWORK', message: '' } };
  }
  if (response.ok) return { ok: true };
  const failure = (await response.json().catch(() => null)) as AuthFailure | null;
  return {
    ok: false,
    failure: failure?.code ? failure : { code: `HTTP_${response.status}`, message: '' },
  };
}
