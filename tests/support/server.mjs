// tests/support/server.mjs — starts a real `cpi serve` process for the API and browser tests:
// a fresh SQLite database in a temporary folder, a free loopback port, demo data and a known
// demo password. Used by tests/api/*.test.mjs and tests/browser/*.test.mjs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const sourceDir = path.resolve(here, '..', '..');
export const buildDir = process.env.CP_BUILD_DIR ?? path.join(sourceDir, 'build');
export const cpiPath = process.env.CP_CPI ?? path.join(buildDir, 'cpi');
export const webRoot = process.env.CP_WEB_ROOT ?? path.join(sourceDir, 'web', 'dist');
export const demoPassword = 'demo-password-for-tests-1';

/**
 * Starts the server. Resolves when it prints its address.
 * @param {{demo?: boolean, extraArgs?: string[], env?: Record<string,string>, dbDir?: string}} opts
 * @returns {Promise<{url: string, port: number, dbPath: string, dir: string, proc: import('node:child_process').ChildProcess, output: () => string, stop: () => Promise<number|null>}>}
 */
export async function startServer(opts = {}) {
  const dir = opts.dbDir ?? mkdtempSync(path.join(tmpdir(), 'cpi-test-'));
  const dbPath = path.join(dir, 'cpi.db');
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
      proc.once('exit', (code) => { if (!opts.dbDir) rmSync(dir, { recursive: true, force: true }); resolve(code); });
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
