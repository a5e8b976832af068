// tests/browser/caseload.test.mjs: issue 2 item 8, the browser test: against the real
// `cpi serve --demo`, sign in as the demo practitioner through the UI, see the caseload, filter
// it, open a person and check that their page shows their name and partnership; the team
// leader sees the team's caseload. Screenshots go to tests/artifacts/browser/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, signIn, startAll } from './lib/browser.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.stop(); });

/** Reads the caseload table as rows of cell texts, keyed by column header. */
async function caseloadRows(page) {
  return page.getByTestId('caseload-table').evaluate((table) => {
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    return [...table.querySelectorAll('tbody tr')].map((tr) =>
      Object.fromEntries([...tr.children].map((cell, i) => [heads[i], cell.textContent.trim()])));
  });
}

test('issue 2 item 8: the demo practitioner signs in and sees their caseload', async () => {
  const { page, server } = env;
  await page.goto(server.url + '/');
  await page.waitForURL(/\/sign-in/);
  await screenshot(page, 'sign-in');
  await signIn(page, server.url, 'demo-practitioner');
  await page.waitForURL(/\/caseload$/);
  await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
  await page.getByTestId('caseload-table').waitFor();
  const rows = await caseloadRows(page);
  assert.ok(rows.length > 0, 'the demo practitioner has people on their caseload');
  for (const r of rows) {
    assert.ok(r.Name.length > 0, 'every row names the person');
    assert.match(r.Partnership, /^(Open|Paused|Re-entered|Moved on|Transferred)/, `episode state badge in ${JSON.stringify(r)}`);
  }
  await page.locator('#caseload-count').filter({ hasText: /^Showing \d+ of \d+ (people|person)$/ }).waitFor();
  await screenshot(page, 'caseload-practitioner');
});

test('the caseload filter narrows the table and says when nobody matches', async () => {
  const { page } = env;
  const all = await caseloadRows(page);
  const first = all[0];
  assert.ok(first, 'caseload has a first row');
  const filter = page.getByLabel('Filter by name, worker, team or state');
  await filter.fill(first.Name);
  const shown = await caseloadRows(page);
  assert.ok(shown.length >= 1 && shown.length <= all.length);
  for (const r of shown) assert.ok(r.Name.toLowerCase().includes(first.Name.toLowerCase().split(/\s+/)[0]), `${r.Name} matches the filter`);
  await page.locator('#caseload-count').filter({ hasText: `Showing ${shown.length} of ${all.length}` }).waitFor();
  await filter.fill('zzzz-nobody-has-this-name');
  await page.getByText('Nobody matches').waitFor();
  assert.equal((await caseloadRows(page)).length, 0);
  await filter.fill('');
  assert.equal((await caseloadRows(page)).length, all.length);
});

test('opening a person shows their name and their partnership', async () => {
  const { page } = env;
  const rows = await caseloadRows(page);
  const row = rows[0];
  assert.ok(row);
  await page.getByTestId('caseload-table').getByRole('link', { name: row.Name, exact: true }).first().click();
  await page.waitForURL(/\/people\/[^/]+$/);
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.getByText(row.Name, { exact: true }).waitFor();
  const partnership = page.getByTestId('partnership').first();
  await partnership.waitFor();
  const text = await partnership.innerText();
  assert.match(text, /Partnership with /);
  if (row.Worker !== '—') assert.ok(text.includes(row.Worker), `partnership names the worker ${row.Worker}`);
  if (row.Team !== '—') assert.ok(text.includes(row.Team), `partnership names the team ${row.Team}`);
  assert.match(text, /Episode history/);
  assert.match(text, /Recent contacts/);
  await page.getByRole('tab', { name: 'Overview', selected: true }).waitFor();
  for (const name of ['Network map', 'Goals and activities', 'Community and engagements', 'Questionnaires', 'Fidelity']) {
    await page.getByRole('tab', { name }).waitFor();
  }
  await screenshot(page, 'person-overview');
  await page.getByRole('tab', { name: 'Network map' }).click();
  await page.getByTestId('network-tab').waitFor(); // issue 4: the map replaced "a later release"
  assert.match(new URL(page.url()).pathname, /\/network$/);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByTestId('partnership').first().waitFor();
});

test('a record that does not exist gives a plain message, not a blank page', async () => {
  const { page, server } = env;
  await page.goto(server.url + '/people/999999999');
  await page.getByRole('heading', { level: 1, name: 'We could not open this record' }).waitFor();
  const alert = page.getByRole('alert').filter({ hasText: /\S/ });
  await alert.waitFor();
  assert.ok((await alert.innerText()).trim().length > 0, 'the reason is shown');
  await page.getByRole('link', { name: 'Caseload' }).click();
  await page.getByTestId('caseload-table').waitFor();
});

test('the team leader sees the team caseload', async () => {
  const { page, server } = env;
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await signIn(page, server.url, 'demo-lead');
  await page.getByRole('heading', { level: 1, name: 'Team caseload' }).waitFor();
  const rows = await caseloadRows(page);
  assert.ok(rows.length > 0, 'the team has people');
  const teams = new Set(rows.map((r) => r.Team));
  assert.ok(!teams.has('—'), 'each row names its team');
  await screenshot(page, 'caseload-team-leader');
});

test('no script errors were logged in the browser', () => {
  // Chromium logs each 4xx answer (401 from /auth/me before sign-in, the 404 above) as
  // "Failed to load resource"; the app handles those. Anything else is a script error.
  const real = env.consoleErrors.filter((m) => !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m));
  assert.deepEqual(real, []);
});
