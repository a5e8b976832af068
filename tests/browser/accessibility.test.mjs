// tests/browser/accessibility.test.mjs: issue 2 item 7 "accessible: labels, keyboard use,
// visible focus, contrast": signs in with the keyboard only (skip link first, a visible focus
// ring on every stop), runs the basic checks of lib/a11y.mjs on each page, and checks that the
// pages fit a phone-sized screen without sideways scrolling.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { demoPassword, screenshot, signIn, startAll } from './lib/browser.mjs';
import { accessibilityProblems, fitsWidth, focused } from './lib/a11y.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.stop(); });

/** Presses Tab until the element with `id` has focus; every stop must show a focus ring. */
async function tabTo(page, id, maxStops = 8) {
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    assert.ok(f, 'Tab moved focus to an element');
    assert.ok(f.ring, `focus is visible on ${f.tag}#${f.id} "${f.text}"`);
    assert.ok(f.onScreen, `the focused ${f.tag}#${f.id} is on screen`);
    if (f.id === id) return;
  }
  assert.fail(`#${id} was not reached within ${maxStops} Tab presses`);
}

test('keyboard only: skip link first, then sign in with Tab, typing and Enter', async () => {
  const { page, server } = env;
  await page.goto(server.url + '/sign-in');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

  await page.keyboard.press('Tab');
  const first = await focused(page);
  assert.equal(first?.text, 'Skip to main content', 'the first Tab stop is the skip link');
  assert.ok(first.ring && first.onScreen, 'the skip link shows when focused');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page))?.id, 'main', 'the skip link moves focus to the main content');

  await tabTo(page, 'username');
  await page.keyboard.type('demo-practitioner');
  await tabTo(page, 'password', 1);
  await page.keyboard.type('not-the-password');
  await page.keyboard.press('Enter');
  const alert = page.getByRole('alert').filter({ hasText: 'username or password is not right' });
  await alert.waitFor();
  await screenshot(page, 'sign-in-wrong-password');

  await page.getByLabel('Password').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(demoPassword);
  await page.keyboard.press('Tab');
  const submit = await focused(page);
  assert.equal(submit?.tag, 'button');
  assert.equal(submit.text, 'Sign in');
  assert.ok(submit.ring, 'the Sign in button shows focus');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
  assert.equal((await focused(page))?.tag, 'h1', 'after signing in, focus moves to the new page heading');
});

test('keyboard only: tabs on a person page move with the arrow keys', async () => {
  const { page } = env;
  const link = page.getByTestId('caseload-table').getByRole('link').first();
  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('partnership').first().waitFor();
  await page.getByRole('tab', { name: 'Overview' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('tab', { name: 'Network map', selected: true }).waitFor();
  assert.equal((await focused(page))?.text, 'Network map', 'focus follows the selected tab');
  await page.keyboard.press('End');
  await page.getByRole('tab', { name: 'Fidelity', selected: true }).waitFor();
  await page.getByText('This part arrives in a later release.').waitFor();
  await page.keyboard.press('Home');
  await page.getByRole('tab', { name: 'Overview', selected: true }).waitFor();
  await page.getByTestId('partnership').first().waitFor();
});

test('basic accessibility checks pass on every page', async () => {
  const { page, server } = env;
  const pages = [];
  const check = async (name) => {
    const problems = await accessibilityProblems(page);
    pages.push(name);
    assert.deepEqual(problems, [], `accessibility problems on the ${name} page`);
  };
  await check('person overview');
  // The practice record tabs (issue 4) show their own content; the others still say "later release".
  const loaded = { 'Network map': 'network-tab', 'Goals and activities': 'goals-tab', 'Community and engagements': 'community-tab' };
  for (const tab of ['Network map', 'Goals and activities', 'Community and engagements', 'Questionnaires', 'Fidelity']) {
    await page.getByRole('tab', { name: tab }).click();
    if (tab === 'Questionnaires') await page.getByTestId('questionnaires').waitFor();  // issue 3
    else if (loaded[tab]) await page.getByTestId(loaded[tab]).waitFor();
    else await page.getByText('This part arrives in a later release.').waitFor();
    await check(`person ${tab}`);
  }
  await page.getByRole('link', { name: 'Caseload' }).click();
  await page.getByTestId('caseload-table').waitFor();
  await check('caseload');
  await page.goto(server.url + '/no-such-page');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await check('not found');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await check('sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Please enter both' }).waitFor();
  await check('sign-in with an error');
  assert.equal(pages.length, 10);
});

test('phone-sized screen: sign-in, caseload and person pages fit without sideways scrolling', async () => {
  const { page, server } = env;
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, server.url, 'demo-practitioner');
  await page.getByTestId('caseload-table').waitFor();
  assert.ok(await fitsWidth(page), 'caseload fits a 360 px wide screen');
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'phone-caseload');
  await page.getByTestId('caseload-table').getByRole('link').first().click();
  await page.getByTestId('partnership').first().waitFor();
  assert.ok(await fitsWidth(page), 'person page fits a 360 px wide screen');
  await screenshot(page, 'phone-person');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  assert.ok(await fitsWidth(page), 'sign-in fits a 360 px wide screen');
  await screenshot(page, 'phone-sign-in');
  await page.setViewportSize({ width: 1280, height: 900 });
});
