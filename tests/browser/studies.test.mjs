// tests/browser/studies.test.mjs: issue 8 part 5's browser test: against the real
// `cpi serve --demo`, the demo researcher goes from the home page's navigation to Studies, sees
// the demo study (design, sites, waves) and the recruitment and retention table whose every
// number equals the API's CONSORT JSON, downloads the analysis dataset, prepares the Stata
// export by keyboard and downloads its .dta (a Stata 118 file); the page passes the
// accessibility checks and fits a 360 px wide screen. A practitioner has no Studies link and
// gets a plain message at /studies, without any study request being made.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, signIn, startAll } from './lib/browser.mjs';
import { accessibilityProblems, fitsWidth } from './lib/a11y.mjs';
import { Client } from '../support/server.mjs';

let env;
before(async () => { env = await startAll(); });
after(async () => { await env?.stop(); });

const COUNTS = ['assessed', 'declined', 'recruited', 'consented', 'consent_withdrawn', 'withdrawn', 'analysed'];

test('issue 8: the demo researcher sees the study, its counts as the API gives them, and downloads a Stata export', async () => {
  const { page, server, consoleErrors } = env;
  // What the page must agree with, from the API.
  const researcher = new Client(server.url);
  assert.equal((await researcher.login('demo-researcher')).status, 200);
  const list = (await researcher.get('/api/v1/studies')).json;
  assert.equal(list.studies.length, 1, 'the demo has one study');
  const study = list.studies[0];
  const consortRes = await researcher.get(`/api/v1/studies/${study.id}/consort`);
  assert.equal(consortRes.status, 200);
  const consort = consortRes.json;
  const arms = Object.keys(consort.arms);
  assert.deepEqual(arms.sort(), ['control', 'intervention']);

  await signIn(page, server.url, 'demo-researcher');
  // The home page points to Studies instead of promising study data "in a later release".
  const main = page.getByRole('main');
  await main.getByRole('link', { name: 'Studies' }).waitFor();
  assert.doesNotMatch(await main.innerText(), /study data[^.]*later release/i);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Studies' }).click();
  await page.waitForURL(/\/studies$/);
  await page.getByRole('heading', { level: 1, name: 'Studies' }).waitFor();
  const section = page.getByRole('region', { name: study.name });
  await section.waitFor();
  const sectionText = await section.innerText();
  assert.match(sectionText, /Cluster controlled/);
  for (const s of study.sites) assert.match(sectionText, new RegExp(`${s.team}: ${s.arm} arm`));
  assert.match(sectionText, /Baseline: target month 0, window 28 days/);
  assert.match(sectionText, /Month 6: target month 6, window 28 days/);

  // The counts table: a real table with a caption, a column per arm, a row per count.
  const table = section.getByRole('table', { name: /Recruitment and retention by arm/ });
  await table.waitFor();
  const colHeads = await table.locator('thead th[scope="col"]').allInnerTexts();
  assert.deepEqual(colHeads.slice(1).map((t) => t.trim().toLowerCase()).sort(), arms.sort());
  const rows = await table.locator('tbody tr').count();
  assert.equal(rows, COUNTS.length + consort.waves.length, 'one row per count and one per wave measured');
  assert.equal(await table.locator('tbody th[scope="row"]').count(), rows);
  let compared = 0;
  for (const arm of arms) {
    const a = consort.arms[arm];
    const expected = [...COUNTS.map((k) => [k, a[k]]), ...consort.waves.map((w) => [`measured.${w}`, a.measured[w]])];
    for (const [key, value] of expected) {
      assert.equal(typeof value, 'number', `the API sends ${arm}.${key}`);
      const cell = table.locator(`tr[data-count="${key}"] td[data-arm="${arm}"]`);
      assert.equal((await cell.innerText()).trim(), String(value), `${arm} ${key}`);
      compared++;
    }
  }
  assert.equal(compared, arms.length * (COUNTS.length + consort.waves.length));
  assert.match(await table.locator('tr[data-count="measured.month_6"] th').innerText(), /Measured at month 6/);

  // Research data: the plain-English notice, the dataset link (with age), and the exports.
  const notice = await section.getByTestId('export-notice').innerText();
  assert.match(notice, /research consent stands/);
  assert.match(notice, /pseudonymised/);
  assert.match(notice, /audit log/);
  const datasetHref = await section.getByRole('link', { name: /analysis dataset/ }).getAttribute('href');
  const dataset = await page.request.get(new URL(datasetHref, server.url).toString());
  assert.equal(dataset.status(), 200);
  assert.match(dataset.headers()['content-type'], /text\/csv/);
  assert.match((await dataset.text()).split('\n')[0], /^id,team,arm,age(,|$)/);

  // Prepare the Stata export with the keyboard alone.
  const stata = section.locator('li.export[data-format="stata"]');
  const prepare = stata.getByRole('button', { name: 'Prepare Stata export' });
  await prepare.focus();
  await page.keyboard.press('Enter');
  const dta = stata.getByRole('link', { name: 'study_1.dta' });
  await dta.waitFor();
  await stata.getByRole('link', { name: 'study_1_codebook.csv' }).waitFor();
  assert.deepEqual((await stata.getByRole('listitem').getByRole('link').allInnerTexts()).sort(), ['study_1.dta', 'study_1_codebook.csv']);
  await page.getByTestId('announcer').filter({ hasText: /Stata export ready: \d+ participants, \d+ rows, 2 files\./ }).waitFor();
  const analysed = arms.reduce((n, arm) => n + consort.arms[arm].analysed, 0);
  assert.match(await stata.innerText(), new RegExp(`Stata export ready: ${analysed} participants`), 'the export holds the analysed participants');

  const href = await dta.getAttribute('href');
  assert.match(href, /\/exports\/stata\?file=study_1\.dta$/);
  const file = await page.request.get(new URL(href, server.url).toString());
  assert.equal(file.status(), 200);
  assert.match(file.headers()['content-disposition'], /attachment/);
  const bytes = await file.body();
  assert.equal(bytes.subarray(0, 11).toString('latin1'), '<stata_dta>');
  assert.match(bytes.subarray(0, 60).toString('latin1'), /<release>118<\/release>/);
  // Following a file link in the browser downloads that file (the session cookie goes with it).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    stata.getByRole('link', { name: 'study_1_codebook.csv' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'study_1_codebook.csv');
  assert.equal(await download.failure(), null);
  // The size shown next to the link is the file's size, in words.
  const shown = /\(([\d.]+) KB\)/.exec(await dta.locator('xpath=..').innerText());
  assert.ok(shown, 'the size is shown in KB');
  assert.ok(Math.abs(Number(shown[1]) - bytes.length / 1024) < 0.6, `${shown[1]} KB for ${bytes.length} bytes`);

  await screenshot(page, 'studies-researcher');
  const problems = await accessibilityProblems(page);
  assert.deepEqual(problems, [], problems.join('\n'));
  // A phone-sized screen: the page fits without sideways scrolling (the table scrolls on its own).
  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  await page.getByRole('table', { name: /Recruitment and retention by arm/ }).waitFor();
  await screenshot(page, 'studies-researcher-360');
  assert.ok(await fitsWidth(page), 'the Studies page fits a 360 px wide screen');
  const widths = await page.locator('.table-scroll').evaluate((el) => [el.scrollWidth, el.clientWidth]);
  assert.ok(widths[0] <= widths[1], `the counts table itself fits, every arm visible without scrolling (${widths})`);
  await page.setViewportSize({ width: 1280, height: 900 });

  // Script errors fail the test; the browser's own "Failed to load resource: 401" for the
  // signed-out GET /auth/me before signing in does not.
  assert.deepEqual(consoleErrors.filter((m) => !/^Failed to load resource: the server responded with a status of 401/.test(m)), []);
});

test('a practitioner has no Studies link and gets a plain message at /studies', async () => {
  const { page, server } = env;
  await page.context().clearCookies();
  await signIn(page, server.url, 'demo-practitioner');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Caseload' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Studies' }).count(), 0);

  const studyRequests = [];
  const onRequest = (r) => { if (new URL(r.url()).pathname.startsWith('/api/v1/studies')) studyRequests.push(r.url()); };
  page.on('request', onRequest);
  await page.goto(`${server.url}/studies`);
  await page.getByRole('heading', { level: 1, name: 'Studies' }).waitFor();
  assert.match(await page.getByTestId('studies-not-for-role').innerText(), /Study data are for researchers/);
  assert.equal(await page.getByRole('table').count(), 0);
  assert.equal(await page.getByRole('button', { name: /Prepare/ }).count(), 0);
  page.off('request', onRequest);
  assert.deepEqual(studyRequests, [], 'no study data are asked for');
  const problems = await accessibilityProblems(page);
  assert.deepEqual(problems, [], problems.join('\n'));
});
