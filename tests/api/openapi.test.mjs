// tests/api/openapi.test.mjs — the OpenAPI document stays true: every documented operation is
// routed by the server (not 404/405), request examples are accepted, and undocumented paths
// are not served (issue 2, item 4).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from '../support/server.mjs';

let server, doc;
before(async () => {
  server = await startServer();
  doc = (await new Client(server.url).get('/api/v1/openapi.json')).json;
});
after(async () => { await server.stop(); });

test('it is an OpenAPI 3 document with the routes issue 2 names', () => {
  assert.match(doc.openapi, /^3\./);
  for (const [path, method] of [['/api/v1/health', 'get'], ['/api/v1/openapi.json', 'get'], ['/api/v1/auth/login', 'post'],
    ['/api/v1/auth/logout', 'post'], ['/api/v1/caseload', 'get'], ['/api/v1/people/{id}', 'get'],
    ['/api/v1/partnerships/{id}/episodes', 'post'], ['/api/v1/partnerships/{id}/contacts', 'post']]) {
    assert.ok(doc.paths[path]?.[method], `${method} ${path} documented`);
  }
});

test('every documented operation exists on the server', async () => {
  const c = new Client(server.url);
  await c.login('demo-practitioner');
  const partnership = (await c.get('/api/v1/caseload')).json.people.find((p) => p.episode_state === 'open').partnership_id;
  // Directory routes take a community resource's id (issue 4, part 5): one at version 1, so the
  // PUT example's version is current.
  const resource = (await c.get('/api/v1/directory/resources')).json.resources.find((r) => r.version === 1).id;
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (path === '/api/v1/auth/logout') continue; // would end this client's session
      // Text path parameters get a value that exists in the demo data (add yours here).
      // Studies (issue 6): the demo study 1, whose participant 1 is one of demo-practitioner's people.
      const textParams = { name: 'swemwbs', wave: 'baseline', instrument: 'swemwbs', pid: '1' };
      const idFor = path.startsWith('/api/v1/directory/') ? resource : path.startsWith('/api/v1/studies/') ? 1 : partnership;
      const route = path.replace('{id}', String(idFor))
        .replace(/\{([a-z_]+)\}/g, (m, name) => textParams[name] ?? m);
      const example = op.requestBody?.content?.['application/json']?.schema?.example;
      const r = await c.request(method.toUpperCase(), route, example);
      // A 404 must be "no such record" (the id is a partnership's), never "no such route".
      if (r.status === 404) assert.equal(r.json?.error?.field, 'id', `${method} ${path}: ${r.text}`);
      assert.notEqual(r.status, 405, `${method} ${path}`);
      assert.ok(r.status < 500, `${method} ${path} -> ${r.status}`);
      // Examples are valid bodies: accepted, refused by role, or about a record that does not
      // exist (404 on the id) or has moved on (409 version_conflict) — never a 400.
      const fine = [200, 201, 403].includes(r.status) || (r.status === 404 && r.json?.error?.field === 'id') ||
        (r.status === 409 && r.json?.error?.code === 'version_conflict');
      if (example && path !== '/api/v1/auth/login') assert.ok(fine, `${method} ${path} accepts its own example: ${r.text}`);
      assert.ok(String(r.status) in op.responses || 'default' in op.responses, `${method} ${path} documents ${r.status}`);
    }
  }
});

test('paths that are not documented are not served', async () => {
  const c = new Client(server.url);
  for (const p of ['/api/v1/people', '/api/v1/admin', '/api/v2/health']) assert.equal((await c.get(p)).status, 404, p);
});
