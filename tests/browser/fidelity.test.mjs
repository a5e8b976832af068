// tests/browser/fidelity.test.mjs: issue 5's browser test: against the real `cpi serve --demo`,
// the demo team leader opens Fidelity from the navigation and sees their team, in which the
// worker whose people have no network maps is flagged as partial implementation, with the
// reason; the page passes the accessibility checks; a practitioner sees only their own view.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, signIn, startAll } from './lib/browser.mjs';
import { accessibilityProblems } from './lib/a11y.mjs';
import { Client } from '../support/server.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.stop(); });

test('issue 5: the demo team leader sees a worker with no network maps flagged as partial', async () => {
  const { page, server } = env;
  // Which worker has people but no network maps, from the API (the page must agree with it).
  const lead = new Client(server.url);
  assert.equal((await lead.login('demo-lead')).status, 200);
  const team = (await lead.get('/api/v1/fidelity/team')).json;
  const noMaps = team.workers.find((w) => w.people > 0
    && w.indicators.find((i) => i.id === 'network_map_recent').numerator === 0);
  assert.ok(noMaps, 'the demo team has a worker whose people have no network maps');

  await signIn(page, server.url, 'demo-lead');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fidelity' }).click();
  await page.waitForURL(/\/fidelity$/);
  await page.getByRole('heading', { level: 1, name: 'Team fidelity' }).waitFor();
  const table = page.getByTestId('fidelity-workers');
  await table.waitFor();
  const row = table.locator(`tr[data-worker="${noMaps.worker.display_name}"]`);
  await row.waitFor();
  assert.match(await row.locator('td[data-label="Level"]').innerText(), /Partial implementation/);
  assert.match(await row.locator('td[data-label="Why"]').innerText(), /recent network map/);
  // Every worker's level is shown in words, not only by colour.
  const levels = await table.locator('td[data-label="Level"] .level').allInnerTexts();
  assert.equal(levels.length, team.workers.length);
  for (const l of levels) assert.match(l, /implementation|Not enough evidence/);
  await screenshot(page, 'fidelity-team');
  const problems = await accessibilityProblems(page);
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('a practitioner sees their own fidelity only', async () => {
  const { page, server } = env;
  await page.context().clearCookies();
  await signIn(page, server.url, 'demo-practitioner');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fidelity' }).click();
  await page.getByRole('heading', { level: 1, name: 'My fidelity' }).waitFor();
  await page.getByRole('region', { name: 'Your practice' }).waitFor();
  assert.equal(await page.getByTestId('fidelity-workers').count(), 0, 'no team table for a practitioner');
});

test('the agency admin sees every team with its level', async () => {
  const { page, server } = env;
  await page.context().clearCookies();
  await signIn(page, server.url, 'demo-admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fidelity' }).click();
  await page.getByRole('heading', { level: 1, name: 'Agency fidelity' }).waitFor();
  const table = page.getByTestId('fidelity-teams');
  await table.waitFor();
  const teams = await table.locator('tbody th[scope="row"]').allInnerTexts();
  assert.deepEqual(teams.sort(), ['Hillside', 'Riverside']);
  for (const l of await table.locator('td[data-label="Level"] .level').allInnerTexts())
    assert.match(l, /implementation|Not enough evidence/);
  const problems = await accessibilityProblems(page);
  assert.deepEqual(problems, [], problems.join('\n'));
});
