#!/usr/bin/env node
// tests/browser/mock/fake-cpi.mjs: a stand-in for `cpi serve` that speaks the issue 2 API
// contract from memory, for developing the front end before (or without) the C++ server:
//   CP_CPI=tests/browser/mock/fake-cpi.mjs node --test tests/browser/
//   node tests/browser/mock/fake-cpi.mjs serve --port 8080 --web-root web/dist
// It is never what CTest runs: the committed browser tests use the real server by default.
// Accepts `serve [--demo] [--port N] [--db PATH] [--web-root DIR]`; prints "listening on URL".
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makeDemoData } from './demo-data.mjs';
import { makePractice } from './practice-mock.mjs';

const args = process.argv.slice(2);
if (args[0] !== 'serve') { console.error('fake-cpi: only "serve" is supported'); process.exit(2); }
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const port = Number(opt('--port') ?? 8080);
const webRoot = opt('--web-root');
const password = process.env.CPI_DEMO_PASSWORD ?? 'demo';
const data = makeDemoData();
const sessions = new Map(); // token -> { user, csrf }
const practice = makePractice(data);

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml' };
const SECURITY = {
  'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...SECURITY, ...(text ? { 'Content-Type': 'application/json' } : {}), ...headers });
  res.end(text);
}
const fail = (res, status, code, message, field = null) => send(res, status, { error: { code, message, field } });

async function readJson(req) {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  try { return raw ? JSON.parse(raw) : {}; } catch { return undefined; }
}

function sessionOf(req) {
  const m = (req.headers.cookie ?? '').match(/cp_session=([^;]+)/);
  return m ? sessions.get(m[1]) ?? null : null;
}

function canSee(user, personId) {
  if (user.role === 'person') return user.person_id === personId;
  if (user.role === 'practitioner') return data.partnerships.some((p) => p.person_id === personId && p.worker_id === user.worker_id);
  if (user.role === 'team_leader') return data.partnerships.some((p) => p.person_id === personId && p.team_id === 1);
  return false;
}

async function api(req, res, route) {
  const method = req.method;
  if (route === '/health' && method === 'GET') return send(res, 200, { status: 'ok', version: 'mock' });
  if (route === '/auth/login' && method === 'POST') {
    const body = await readJson(req);
    const user = data.users.find((u) => u.username === body?.username);
    if (!user || body.password !== password) return fail(res, 401, 'bad_credentials', 'Wrong username or password.');
    const token = randomBytes(16).toString('hex');
    const csrf = randomBytes(16).toString('hex');
    sessions.set(token, { user, csrf });
    return send(res, 200, { user, csrf_token: csrf }, { 'Set-Cookie': `cp_session=${token}; HttpOnly; SameSite=Strict; Path=/` });
  }
  const s = sessionOf(req);
  if (!s) return fail(res, 401, 'unauthenticated', 'Not signed in.');
  if (method !== 'GET' && req.headers['x-csrf-token'] !== s.csrf) return fail(res, 403, 'csrf', 'Missing or wrong X-CSRF-Token.');
  if (route === '/auth/me' && method === 'GET') return send(res, 200, { user: s.user, csrf_token: s.csrf });
  if (route === '/auth/logout' && method === 'POST') {
    for (const [k, v] of sessions) if (v === s) sessions.delete(k);
    return send(res, 204, undefined, { 'Set-Cookie': 'cp_session=; Max-Age=0; Path=/' });
  }
  if (route === '/caseload' && method === 'GET') {
    if (!['practitioner', 'team_leader'].includes(s.user.role)) return fail(res, 403, 'forbidden', 'Not permitted.');
    const mine = data.partnerships.filter((p) => (s.user.role === 'practitioner' ? p.worker_id === s.user.worker_id : p.team_id === 1));
    return send(res, 200, { people: mine.map((p) => data.caseloadRow(p)) });
  }
  const isWriter = (u, pid) => canSee(u, pid) && (u.role === 'team_leader' || (u.role === 'practitioner' && data.partnerships.some((p) => p.person_id === pid && p.worker_id === u.worker_id)));
  const handled = await practice({
    method, route, user: s.user, readJson: async () => (await readJson(req)) ?? {}, canSee, isWriter,
    send: (status, body) => send(res, status, body), fail: (status, code, message, field = null) => fail(res, status, code, message, field),
  });
  if (handled !== false) return handled;
  let m = route.match(/^\/people\/(\d+)$/);
  if (m && method === 'GET') {
    const id = Number(m[1]);
    if (!data.people.some((p) => p.id === id)) return fail(res, 404, 'not_found', 'No such person.');
    if (!canSee(s.user, id)) return fail(res, 403, 'forbidden', 'Not permitted.');
    const record = data.personRecord(id);
    for (const part of record.partnerships) {
      const own = s.user.role === 'practitioner' && part.worker.id === s.user.worker_id;
      part.access = own || (s.user.role === 'team_leader' && part.team.id === 1) ? 'write' : 'read';
    }
    return send(res, 200, record);
  }
  m = route.match(/^\/partnerships\/(\d+)\/(contacts|episodes)$/);
  if (m && method === 'POST') {
    const p = data.partnerships.find((x) => x.id === Number(m[1]));
    if (!p) return fail(res, 404, 'not_found', 'No such partnership.');
    if (!['practitioner', 'team_leader'].includes(s.user.role) || !canSee(s.user, p.person_id)) return fail(res, 403, 'forbidden', 'Not permitted.');
    const body = await readJson(req);
    if (body === undefined) return fail(res, 400, 'bad_json', 'Malformed JSON.');
    if (m[2] === 'contacts') {
      if (typeof body.date !== 'string') return fail(res, 400, 'missing_field', 'date is required.', 'date');
      const contact = { id: data.nextId(), date: body.date, mode: body.mode, duration_minutes: body.duration_minutes, processes: body.processes ?? [], note: body.note ?? '' };
      p.contacts.push(contact);
      return send(res, 201, { contact });
    }
    const states = { open: 'open', pause: 'paused', re_enter: 're_entered', move_on: 'moved_on', transfer: 'transferred' };
    const state = states[body.action];
    if (!state) return fail(res, 400, 'invalid', 'Unknown action.', 'action');
    const today = new Date().toISOString().slice(0, 10);
    const last = p.episodes[p.episodes.length - 1];
    if (last) last.ended_on = today;
    const episode = { id: data.nextId(), state, started_on: today, ended_on: null, reason: body.reason ?? null };
    p.episodes.push(episode);
    return send(res, 201, { episode });
  }
  return fail(res, 404, 'not_found', `No route ${method} /api/v1${route}.`);
}

async function staticFile(req, res) {
  if (!webRoot) return send(res, 404, { error: { code: 'not_found', message: 'No web root.', field: null } });
  const url = new URL(req.url, 'http://x');
  const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = path.join(webRoot, rel);
  let body;
  try { body = await readFile(file); } catch {
    file = path.join(webRoot, 'index.html'); // SPA fallback for client-side routes
    body = await readFile(file);
  }
  res.writeHead(200, { ...SECURITY, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  res.end(body);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const handler = url.pathname.startsWith('/api/v1/') ? api(req, res, url.pathname.slice(7)) : staticFile(req, res);
  handler.catch((e) => { console.error(e); if (!res.headersSent) fail(res, 500, 'internal', 'Internal error.'); });
});
server.listen(port, '127.0.0.1', () => {
  console.log(`fake-cpi (mock of the API contract) listening on http://127.0.0.1:${server.address().port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
