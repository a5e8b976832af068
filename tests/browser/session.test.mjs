// tests/browser/session.test.mjs: issue 2 items 4, 5 and 7 seen from the browser: the person
// lands on their own record with a plain-English welcome and no worker forms; signing out
// returns to sign-in and the old page needs signing in again; when the session ends (cookie
// gone, server answers 401) the app returns to sign-in with a message and comes back after.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPassword, screenshot, signIn, startAll } from './lib/browser.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.stop(); });

test('the person lands on their own record with a welcome, and sees no worker forms', async () => {
  const { page, server } = env;
  await signIn(page, server.url, 'demo-person');
  await page.waitForURL(/\/people\/[^/]+$/);
  const welcome = page.getByRole('region', { name: /^Welcome, / });
  await welcome.waitFor();
  assert.match(await welcome.innerText(), /This is your own record/);
  const h1 = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  assert.ok(h1.length > 0 && h1 !== 'Loading record…', 'the heading is the person\'s name');
  await page.getByRole('link', { name: 'My record' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Caseload' }).count(), 0, 'no caseload link for a person');
  const partnership = page.getByTestId('partnership').first();
  await partnership.waitFor();
  assert.match(await partnership.innerText(), /Your partnership with /);
  assert.equal(await page.getByTestId('contact-form').count(), 0, 'a person does not get the add-a-contact form');
  assert.equal(await page.getByTestId('episode-form').count(), 0, 'a person does not get the episode actions');
  await screenshot(page, 'person-own-record');
});

test('signing out returns to sign-in, and the record then needs signing in again', async () => {
  const { page, server } = env;
  const recordUrl = page.url();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByText('You have signed out.').waitFor();
  const res = await page.request.get(server.url + '/api/v1/auth/me');
  assert.equal(res.status(), 401, 'the server no longer knows the session');
  await page.goto(recordUrl);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
});

test('an expired session returns to sign-in with a message, then back to the same page', async () => {
  const { page, server, context } = env;
  await signIn(page, server.url, 'demo-practitioner');
  await page.getByTestId('caseload-table').waitFor();
  const name = (await page.getByTestId('caseload-table').getByRole('link').first().innerText()).trim();
  await context.clearCookies(); // as if the session timed out on the server
  await page.getByTestId('caseload-table').getByRole('link').first().click();
  const notice = page.getByTestId('sign-in-notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /Your session has ended/);
  assert.match(page.url(), /\/sign-in\?next=%2Fpeople%2F/, 'the sign-in page remembers where you were');
  await screenshot(page, 'session-expired');
  await page.getByLabel('Username').fill('demo-practitioner');
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/people\//, 'back on the person page after signing in');
});

test('a researcher starts on a home page that points to Studies, and has no caseload', async () => {
  const { page, server } = env;
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await signIn(page, server.url, 'demo-researcher');
  await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();
  // Study data are no longer "in a later release": the home page links to the Studies page.
  await page.getByRole('main').getByRole('link', { name: 'Studies' }).waitFor();
  assert.equal(await page.getByText(/arrive in a later release/).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Caseload' }).count(), 0);
  await page.goto(server.url + '/caseload');
  await page.getByRole('heading', { level: 1, name: 'No caseload' }).waitFor();
  await screenshot(page, 'researcher-home');
});
