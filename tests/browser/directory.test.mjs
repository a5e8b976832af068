// tests/browser/directory.test.mjs: the Community directory pages (issue 4, part 5) as a worker
// uses them, by keyboard where it matters: reach the directory from the navigation, search by
// interest and place, open a resource, say "I know someone there", edit it (capacity), and
// clear an entry from the review list; the basic accessibility checks pass on each page and the
// search page fits a phone-sized screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, signIn, startAll } from './lib/browser.mjs';
import { accessibilityProblems, fitsWidth, focused } from './lib/a11y.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.stop(); });

const noProblems = async (page, name) => assert.deepEqual(await accessibilityProblems(page), [], `accessibility problems on ${name}`);

test('search by interest and place from the navigation, with the keyboard', async () => {
  const { page, server } = env;
  await signIn(page, server.url, 'demo-practitioner');
  await page.getByRole('link', { name: 'Community directory' }).click();
  await page.getByRole('heading', { level: 1, name: 'Community directory' }).waitFor();
  await page.getByTestId('directory-results').waitFor();
  assert.equal((await focused(page))?.tag, 'h1', 'focus moves to the page heading');
  await noProblems(page, 'the directory');
  await screenshot(page, 'directory-search');

  await page.getByLabel('Interest').selectOption('singing');
  await page.getByLabel('Words').focus();
  await page.keyboard.press('Enter');  // submits the search form
  await page.getByTestId('directory-results').getByRole('link', { name: 'Northbrook Community Choir (demo)' }).waitFor();
  assert.equal(await page.getByTestId('directory-results').getByRole('listitem').count(), 1);

  await page.getByLabel('Interest').selectOption('');
  await page.getByLabel('Place').fill('NB2');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByTestId('directory-results').getByRole('link', { name: 'Greenfingers Community Garden (demo)' }).waitFor();
  assert.equal(await page.getByTestId('directory-results').getByRole('listitem').count(), 1);

  await page.getByLabel('Place').fill('');
  await page.getByLabel('Open to new people only').check();
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByText(/\d+ resources$/).waitFor();
  assert.equal(await page.getByText('Hearing Voices peer support group (demo)').count(), 0, 'the full group is filtered out');
});

test('a resource: I know someone there, then edit its capacity', async () => {
  const { page } = env;
  await page.getByRole('link', { name: 'Greenfingers Community Garden (demo)' }).click();
  await page.getByRole('heading', { level: 1, name: 'Greenfingers Community Garden (demo)' }).waitFor();
  await noProblems(page, 'a resource');
  await page.getByLabel('Who you know (optional)').fill('Sue, the volunteer coordinator');
  await page.getByLabel('A note for colleagues (optional)').focus();
  await page.keyboard.type('Saturdays are best');
  await page.keyboard.press('Enter');
  await page.getByTestId('knowers').getByText('Jo Fenwick (Social worker) knows Sue, the volunteer coordinator: Saturdays are best').waitFor();
  await page.getByRole('button', { name: 'I no longer know anyone there' }).waitFor();
  await screenshot(page, 'directory-resource');

  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit Greenfingers Community Garden (demo)' }).waitFor();
  await noProblems(page, 'the edit form');
  await page.getByLabel('Capacity').selectOption('waiting_list');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Greenfingers Community Garden (demo)' }).waitFor();
  await page.getByText('Waiting list').first().waitFor();
  await page.getByText('Version 2, last changed by Jo Fenwick').waitFor();
});

test('the review list: mark an entry as reviewed', async () => {
  const { page, server } = env;
  await page.goto(server.url + '/directory/review');
  await page.getByTestId('review-table').waitFor();
  await noProblems(page, 'the review list');
  const row = page.getByRole('row').filter({ hasText: 'Northbrook Community Choir (demo)' });
  await row.getByRole('button').click();
  await page.getByText('Northbrook Community Choir (demo) marked as reviewed today.').waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: 'Northbrook Community Choir (demo)' }).count(), 0);
});

test('phone-sized screen: the directory fits without sideways scrolling', async () => {
  const { page, server } = env;
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(server.url + '/directory');
  await page.getByTestId('directory-results').waitFor();
  assert.ok(await fitsWidth(page), 'the directory fits a 360 px wide screen');
  await page.setViewportSize({ width: 1280, height: 900 });
  // The one 401 is /auth/me on the sign-in page before signing in.
  assert.deepEqual(env.consoleErrors.filter((m) => !m.includes('401')), []);
});
