// tests/browser/questionnaire.test.mjs: issue 3, "Done when": the demo person signs in on a
// phone-sized viewport (390×844), completes SWEMWBS one question per screen and sees it in
// their record; then the worker (demo-practitioner) signs in and sees the SWEMWBS score.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpiPath } from '../support/server.mjs';
import { screenshot, signIn, startAll } from './lib/browser.mjs';

let env;
let personName = '';
before(async () => { env = await startAll({ viewport: { width: 390, height: 844 } }); });
after(async () => { await env?.stop(); });

// The person's answers, chosen by label, one per question (codes 4 3 3 4 2 5 3: raw score 24).
const choices = ['often', 'some of the time', 'some of the time', 'often', 'rarely', 'all of the time', 'some of the time'];
const engine = () => {
  const r = spawnSync(cpiPath, ['score', 'swemwbs', '-'], {
    input: JSON.stringify({ wem01: 4, wem02: 3, wem03: 3, wem06: 4, wem07: 2, wem09: 5, wem11: 3 }), encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout).scores;
};

test('the demo person completes SWEMWBS on a phone and sees it in their record', async () => {
  const { page, server } = env;
  await signIn(page, server.url, 'demo-person');
  personName = (await page.getByTestId('person-name').innerText()).trim();
  await page.getByRole('tab', { name: 'Questionnaires' }).click();
  const item = page.getByTestId('instrument-baseline-swemwbs');
  await item.getByRole('button', { name: /Start/ }).click();
  const form = page.getByTestId('questionnaire-form');
  await form.waitFor();
  assert.match(await page.getByTestId('wording-notice').innerText(), /short topic/);
  for (const [i, label] of choices.entries()) {
    await form.getByText(`Question ${i + 1} of 7`).waitFor();
    const radio = form.getByRole('radio', { name: label, exact: true });
    const box = await radio.locator('xpath=..').boundingBox();
    assert.ok(box && box.height >= 44, `a big tap target (${box?.height}px)`);
    await radio.check();
    if (i === 2) await screenshot(page, 'questionnaire-phone-question');
    await form.getByRole('button', { name: i === choices.length - 1 ? 'Finish' : 'Next', exact: true }).click();
  }
  const done = page.getByTestId('questionnaire-done');
  await done.waitFor();
  assert.match(await done.innerText(), /Raw score\s*24/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling on a phone (${width}px)`);
  await done.getByRole('button', { name: 'Back to questionnaires' }).click();
  const row = page.getByTestId('instrument-baseline-swemwbs');
  await row.getByText('Complete').waitFor();
  await screenshot(page, 'questionnaire-phone-record');
  await page.reload();
  await page.getByTestId('instrument-baseline-swemwbs').getByText('Complete').waitFor();
});

test('the worker signs in and sees the SWEMWBS score the person gave', async () => {
  const { page, server, context } = env;
  await context.clearCookies();
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, server.url, 'demo-practitioner');
  await page.getByTestId('caseload-table').waitFor();
  const due = page.getByTestId('due-assessments');
  await due.waitFor();
  assert.ok(personName, 'the first test saw the person\'s name');
  await page.getByTestId('caseload-table').getByRole('link', { name: personName, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: personName }).waitFor();
  await page.getByRole('tab', { name: 'Questionnaires' }).click();
  const row = page.getByTestId('instrument-baseline-swemwbs');
  await row.getByTestId('scores').waitFor();
  const text = await row.innerText();
  const expected = engine();
  assert.match(text, new RegExp(`Raw score\\s*${expected.raw}`));
  const shown = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(3).replace(/0+$/, '').replace(/\.$/, ''));
  assert.ok(text.includes(shown(expected.metric)), `metric ${expected.metric} shown in: ${text}`);
  await screenshot(page, 'questionnaire-worker-sees-score');
});

test('the worker fills in EQ-5D-5L with the person (interviewer mode) and the utility is the engine\'s', async () => {
  const { page } = env;
  await page.getByTestId('instrument-baseline-eq5d-5l').getByRole('button', { name: /Start/ }).click();
  const form = page.getByTestId('questionnaire-form');
  await form.waitFor();
  const levels = { mobility: 'no problems', 'self-care': 'no problems', 'usual activities': 'slight problems',
    'pain or discomfort': 'slight problems', 'anxiety or depression': 'no problems' };
  for (const [topic, label] of Object.entries(levels)) {
    await form.getByRole('group', { name: new RegExp(`\\d+\\. ${topic}$`) }).getByRole('radio', { name: label, exact: true }).check();
  }
  await form.getByLabel(/own health today/).fill('70');
  await form.getByRole('button', { name: 'Finish and score', exact: true }).click();
  const done = page.getByTestId('questionnaire-done');
  await done.waitFor();
  const r = spawnSync(cpiPath, ['score', 'eq5d-5l', '-'], { input: JSON.stringify({ mo: 1, sc: 1, ua: 2, pd: 2, ad: 1, vas: 70 }), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const utility = JSON.parse(r.stdout).scores.utility;
  const shown = Number.isInteger(utility) ? String(utility) : utility.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
  assert.match(await done.innerText(), new RegExp(`Utility\\s*${shown.replace('.', '\\.')}`));
  await done.getByRole('button', { name: 'Back to questionnaires' }).click();
  await page.getByTestId('instrument-baseline-eq5d-5l').getByText('Complete').waitFor();
  await screenshot(page, 'questionnaire-worker-interviewer');
});
