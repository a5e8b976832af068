// web/src/config.ts: the one place the front end reads its configuration. Values come from
// Vite's build-time environment (VITE_* variables) and are validated here; every other module
// imports `config` and never reads import.meta.env itself.

export interface Config {
  /** Path (or absolute URL) of the JSON API, without a trailing slash. */
  readonly apiBase: string;
  /** Give up on a request after this many milliseconds. */
  readonly requestTimeoutMs: number;
  /** Name shown in the page title and the header. */
  readonly appName: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function readString(env: Record<string, unknown>, key: string, fallback: string): string {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string') throw new ConfigError(`${key} must be a string`);
  return raw.trim();
}

function readPositiveInt(env: Record<string, unknown>, key: string, fallback: number): number {
  const raw = readString(env, key, String(fallback));
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${key} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n <= 0 || n > 600000) throw new ConfigError(`${key} must be between 1 and 600000, got ${n}`);
  return n;
}

/** Validates raw environment values; exported so that it can be checked on its own. */
export function parseConfig(env: Record<string, unknown>): Config {
  const apiBase = readString(env, 'VITE_CP_API_BASE', '/api/v1').replace(/\/+$/, '');
  if (!apiBase.startsWith('/') && !/^https?:\/\//.test(apiBase)) {
    throw new ConfigError(`VITE_CP_API_BASE must start with "/" or "http(s)://", got "${apiBase}"`);
  }
  const appName = readString(env, 'VITE_CP_APP_NAME', 'Connecting People');
  if (appName.length === 0 || appName.length > 80) {
    throw new ConfigError('VITE_CP_APP_NAME must be 1 to 80 characters');
  }
  return Object.freeze({
    apiBase,
    requestTimeoutMs: readPositiveInt(env, 'VITE_CP_REQUEST_TIMEOUT_MS', 15000),
    appName,
  });
}

export const config: Config = parseConfig(import.meta.env as Record<string, unknown>);
