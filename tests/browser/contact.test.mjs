// tests/browser/contact.test.mjs: issue 2 items 4 and 7: a practitioner records a contact and
// pauses a partnership through the UI (both are state-changing requests, so they only succeed
// when the front end sends the X-CSRF-Token header); both are still there after a reload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, signIn, startAll } from './lib/browser.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.stop(); });

/** Opens the first person whose partnership is open (or re-entered, which is open again). */
async function openPersonIn(page) {
  const rows = page.getByTestId('caseload-table').locator('tbody tr')
    .filter({ has: page.locator('.badge:text-is("Open"), .badge:text-is("Re-entered")') });
  assert.ok((await rows.count()) > 0, 'the caseload has someone whose partnership is open');
  const link = rows.first().getByRole('link');
  const name = (await link.innerText()).trim();
  await link.click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return name;
}

test('a practitioner records a contact, and it is kept', async () => {
  const { page, server } = env;
  await signIn(page, server.url, 'demo-practitioner');
  await page.getByTestId('caseload-table').waitFor();
  await openPersonIn(page);
  const form = page.getByTestId('contact-form').first();
  await form.waitFor();
  const note = `Met at the library café; talked about the walking group (browser test ${Date.now()}).`;
  await form.getByLabel('How you met').selectOption('in_person');
  await form.getByLabel('Length in minutes').fill('45');
  await form.getByLabel('Community resources').check();
  await form.getByLabel('Goals', { exact: true }).check();
  await form.getByLabel('Note').fill(note);
  await form.getByRole('button', { name: 'Save contact' }).click();
  const contacts = page.getByTestId('contacts').first();
  await contacts.getByText(note).waitFor();
  const item = contacts.locator('li').filter({ hasText: note });
  assert.match(await item.innerText(), /In person · 45 minutes/);
  assert.match(await item.innerText(), /Worked on: Goals, Community resources/);
  assert.equal(await form.locator('[role="alert"]').textContent(), '', 'no error shown');
  await screenshot(page, 'contact-added');
  await page.reload();
  await page.getByTestId('contacts').first().getByText(note).waitFor();
});

test('the contact form refuses a length of zero before sending anything', async () => {
  const { page } = env;
  const form = page.getByTestId('contact-form').first();
  const before = await page.getByTestId('contacts').first().locator('li').count();
  await form.getByLabel('Length in minutes').fill('0');
  await form.getByRole('button', { name: 'Save contact' }).click();
  await form.getByRole('alert').getByText(/how long the contact lasted/).waitFor();
  assert.equal(await page.getByTestId('contacts').first().locator('li').count(), before);
});

test('a practitioner pauses an open partnership, and the new state is kept', async () => {
  const { page, server } = env;
  await page.goto(server.url + '/caseload');
  await page.getByTestId('caseload-table').waitFor();
  await openPersonIn(page);
  const form = page.getByTestId('episode-form').first();
  await form.getByLabel('What to do').selectOption('pause');
  await form.getByLabel('Reason (optional)').fill('Taking a break over the holidays');
  await form.getByRole('button', { name: 'Save change' }).click();
  const partnership = page.getByTestId('partnership').first();
  await partnership.locator('.badge:text-is("Paused")').waitFor();
  await partnership.getByText('Taking a break over the holidays').waitFor();
  await page.reload();
  await page.getByTestId('partnership').first().locator('.badge:text-is("Paused")').waitFor();
  await screenshot(page, 'episode-paused');
});
