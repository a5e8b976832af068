// tests/support/server.mjs — starts a real `cpi serve` process for the API and browser tests:
// a fresh database, a free loopback port, demo data and a known demo password. Used by
// tests/api/*.test.mjs and tests/browser/*.test.mjs.
//
// The database is a SQLite file in a temporary folder, or — when CP_TEST_PG_URL_FILE (set by
// CTest for the ".pg" variants of the API tests, tests/api/CMakeLists.txt) or CP_TEST_PG_URL is
// set — a new PostgreSQL database of its own on the throwaway test cluster (CREATE DATABASE per
// server; dropped on stop). `dbPath` is what to pass to `cpi … --db` in either case.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const sourceDir = path.resolve(here, '..', '..');
export const buildDir = process.env.CP_BUILD_DIR ?? path.join(sourceDir, 'build');
export const cpiPath = process.env.CP_CPI ?? path.join(buildDir, 'cpi');
export const webRoot = process.env.CP_WEB_ROOT ?? path.join(sourceDir, 'web', 'dist');
export const demoPassword = 'demo-password-for-tests-1';

/** The throwaway cluster's admin URL when this run targets PostgreSQL, else null. Throws when
 * PostgreSQL is asked for but its URL file is missing (the cluster did not start): fail, loudly. */
export function pgAdminUrl() {
  if (process.env.CP_TEST_PG_URL) return process.env.CP_TEST_PG_URL;
  const f = process.env.CP_TEST_PG_URL_FILE;
  if (!f) return null;
  let url = '';
  try { url = readFileSync(f, 'utf8').trim(); } catch { /* reported below */ }
  if (!url) throw new Error(`PostgreSQL test cluster is not running: no URL in ${f} (the pg_cluster_start fixture failed; see scripts/pg_test_cluster.sh)`);
  return url;
}
export const testingPostgresql = () => pgAdminUrl() !== null;

let pgCounter = 0;
function psql(adminUrl, sql) {
  execFileSync('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql], { stdio: ['ignore', 'pipe', 'pipe'] });
}
/** A new, empty PostgreSQL database; returns its URL and a function that drops it. */
export function createPgDatabase(adminUrl = pgAdminUrl()) {
  const name = `cpa_${process.pid}_${pgCounter++}_${Math.floor(Math.random() * 1e6)}`;
  psql(adminUrl, `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => { try { psql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } catch { /* thrown away with the cluster */ } } };
}

/** Runs SQL on a test server's database, whichever backend (`dbPath` from startServer): psql for
 * a postgresql:// URL, sqlite3 for a file. Returns the output, trimmed (one row per line,
 * columns separated by '|'). Use it to set up what the API cannot, never to check the API. */
export function sqlExec(dbPath, sql) {
  const out = dbPath.startsWith('postgresql://') || dbPath.startsWith('postgres://')
    ? execFileSync('psql', [dbPath, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql])
    : execFileSync('sqlite3', [dbPath, sql]);
  return out.toString().trim();
}

/**
 * Starts the server. Resolves when it prints its address.
 * @param {{demo?: boolean, extraArgs?: string[], env?: Record<string,string>, dbDir?: string}} opts
 * @returns {Promise<{url: string, port: number, dbPath: string, dir: string, proc: import('node:child_process').ChildProcess, output: () => string, stop: () => Promise<number|null>}>}
 */
export async function startServer(opts = {}) {
  const dir = opts.dbDir ?? mkdtempSync(path.join(tmpdir(), 'cpi-test-'));
  let dbPath = path.join(dir, 'cpi.db');
  let dropDb = () => {};
  if (testingPostgresql()) {
    // With dbDir, a restart finds the same database again (its URL is kept in the folder).
    const marker = path.join(dir, 'pg-url');
    if (opts.dbDir && existsSync(marker)) dbPath = readFileSync(marker, 'utf8').trim();
    else {
      const created = createPgDatabase();
      dbPath = created.url;
      if (opts.dbDir) writeFileSync(marker, dbPath); else dropDb = created.drop;
    }
  }
  const args = ['serve', '--port', '0', '--db', dbPath];
  if (opts.demo !== false) args.push('--demo');
  if (existsSync(webRoot)) args.push('--web-root', webRoot);
  args.push(...(opts.extraArgs ?? []));
  const proc = spawn(cpiPath, args, {
    env: { ...process.env, CPI_DEMO_PASSWORD: demoPassword, ...(opts.env ?? {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${out}`)), 60000);
    const onData = (chunk) => {
      out += chunk.toString();
      const m = out.match(/listening on (https?:\/\/127\.0\.0\.1:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (c) => { out += c.toString(); });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}) before listening:\n${out}`)); });
  });
  const port = Number(new URL(url).port);
  return {
    url, port, dbPath, dir, proc,
    output: () => out,
    stop: () => new Promise((resolve) => {
      if (proc.exitCode !== null) { resolve(proc.exitCode); return; }
      proc.once('exit', (code) => {
        if (!opts.dbDir) { rmSync(dir, { recursive: true, force: true }); dropDb(); }
        resolve(code);
      });
      proc.kill('SIGTERM');
    }),
  };
}

/** A tiny cookie-keeping client for the JSON API. */
export class Client {
  constructor(base) { this.base = base; this.cookie = ''; this.csrf = ''; }
  async request(method, route, body, headers = {}) {
    const h = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    let payload;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      if (!('content-type' in h)) h['content-type'] = 'application/json';
    }
    const res = await fetch(this.base + route, { method, headers: h, body: payload, redirect: 'manual' });
    const set = res.headers.get('set-cookie');
    if (set) { const m = set.match(/cp_session=([^;]*)/); if (m) this.cookie = m[1] ? `cp_session=${m[1]}` : ''; }
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: res.status, headers: res.headers, text, json };
  }
  get(route, headers) { return this.request('GET', route, undefined, headers); }
  post(route, body, headers) { return this.request('POST', route, body, headers); }
  put(route, body, headers) { return this.request('PUT', route, body, headers); }
  patch(route, body, headers) { return this.request('PATCH', route, body, headers); }
  del(route, headers) { return this.request('DELETE', route, undefined, headers); }
  async login(username, password = demoPassword) {
    const r = await this.post('/api/v1/auth/login', { username, password });
    if (r.status === 200) this.csrf = r.json.csrf_token;
    return r;
  }
}
