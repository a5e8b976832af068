// web/src/api/http.ts: the one way the front end talks to the server. Sends cookies (same
// origin), the X-CSRF-Token header on every state-changing request, turns the API's
// {"error":{code,message,field}} answers into ApiError, and reports a 401 on any call other
// than sign-in so that the app can return to the sign-in page ("session expired").
import { config } from '../config';
import { isObject, optStr, type JsonObject } from './decode';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null,
    /** The whole `error` object, for answers that carry more (a 409's `current` record). */
    readonly detail: JsonObject | null = null,
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers the token from sign-in or /auth/me; null after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers what to do when the server says the session is no longer valid. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  body?: unknown;
  /** When false, a 401 is returned to the caller as an ApiError without ending the session. */
  expireOn401?: boolean;
}

function plainMessage(status: number): string {
  if (status === 401) return 'You are not signed in.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'We could not find that record.';
  if (status === 429) return 'Too many attempts. Please wait a minute and try again.';
  if (status >= 500) return 'The server had a problem. Please try again in a moment.';
  return 'The request could not be completed.';
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON: fall back to a plain message */
  }
  const err = isObject(body) && isObject(body['error']) ? body['error'] : null;
  return new ApiError(
    res.status,
    (err && optStr(err['code'])) ?? `http_${res.status}`,
    (err && optStr(err['message'])) ?? plainMessage(res.status),
    err ? optStr(err['field']) : null,
    err,
  );
}

/**
 * Sends one request to `${config.apiBase}${path}` and returns the parsed JSON (null for 204).
 * Throws ApiError for any non-2xx answer or when the network fails or times out.
 */
export async function request(method: string, path: string, opts: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), config.requestTimeoutMs);
  let res: Response;
  try {
    res = await fetch(config.apiBase + path, {
      method, headers, credentials: 'same-origin', signal: abort.signal,
      ...(body !== undefined ? { body } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'We could not reach the server. Check your connection and try again.', null);
  } finally {
    clearTimeout(timer);
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401 && opts.expireOn401 !== false && onUnauthorized) onUnauthorized();
    throw err;
  }
  if (res.status === 204) return null;
  const text = await res.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(res.status, 'bad_response', 'The server sent an answer we could not read.', null);
  }
}
