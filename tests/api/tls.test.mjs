// tests/api/tls.test.mjs — with a certificate and key the server speaks HTTPS only, and the
// session cookie carries Secure, with HSTS on responses (issue 2, item 4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import https from 'node:https';
import path from 'node:path';
import { startServer, demoPassword } from '../support/server.mjs';

function request(url, method, body) {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, rejectUnauthorized: false, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('error', reject);
    if (body) req.write(JSON.stringify(body));
    req.end();
  });
}

test('HTTPS with a self-signed certificate: Secure cookie and HSTS', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cpi-tls-'));
  const cert = path.join(dir, 'cert.pem'), key = path.join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert,
    '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  const server = await startServer({ extraArgs: ['--tls-cert', cert, '--tls-key', key] });
  try {
    assert.match(server.url, /^https:/);
    const health = await request(`${server.url}/api/v1/health`, 'GET');
    assert.equal(health.status, 200);
    assert.match(health.headers['strict-transport-security'], /max-age=/);
    const login = await request(`${server.url}/api/v1/auth/login`, 'POST', { username: 'demo-practitioner', password: demoPassword });
    assert.equal(login.status, 200);
    assert.match(login.headers['set-cookie'][0], /; Secure/);
    // Plain HTTP on the TLS port does not get an answer with data.
    const plain = await fetch(server.url.replace('https:', 'http:') + '/api/v1/health').then((r) => r.status, () => 'refused');
    assert.notEqual(plain, 200);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
