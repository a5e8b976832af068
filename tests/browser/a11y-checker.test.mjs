// tests/browser/a11y-checker.test.mjs: checks the checker. lib/a11y.mjs must report each kind
// of problem it claims to find on a page built to have them, and nothing on a clean page;
// otherwise the accessibility test could pass by finding nothing. Needs Chromium, not the server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath } from './lib/browser.mjs';
import { accessibilityProblems, fitsWidth, focused } from './lib/a11y.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(path.join(here, '..', '..', 'web', 'package.json'))('playwright-core');

let context;
let page;
let profile;
before(async () => {
  profile = mkdtempSync(path.join(tmpdir(), 'cpi-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath, headless: true, viewport: { width: 800, height: 600 },
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = context.pages()[0] ?? (await context.newPage());
});
after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const CLEAN = `<!doctype html><html lang="en"><body><main><h1>Title</h1><h2>Part</h2>
  <label for="a">Name</label><input id="a"><img src="data:," alt="">
  <button>Go</button><p style="color:#595959;background:#fff">grey but readable</p></main></body></html>`;

test('a clean page has no problems', async () => {
  await page.setContent(CLEAN);
  assert.deepEqual(await accessibilityProblems(page), []);
});

test('each kind of problem is reported', async () => {
  await page.setContent(`<!doctype html><html><body>
    <h1>One</h1><h1>Two</h1><h4>Skipped</h4>
    <input id="x"><select><option>a</option></select>
    <div tabindex="3">positive</div>
    <img src="data:,">
    <button></button>
    <span id="dup">a</span><span id="dup">b</span>
    <p style="color:#999;background:#fff">too pale</p>
    <p style="color:#fff;background:rgba(0,0,0,0.1)">white on almost white</p>
  </body></html>`);
  const problems = await accessibilityProblems(page);
  const expect = [
    /form control without a label: input#x/, /form control without a label: select/,
    /positive tabindex/, /expected exactly one h1, found 2/, /heading level skips from h1 to h4/,
    /image without alt/, /control without a name: button/, /exactly one <main>/, /no lang/,
    /id "dup" used 2 times/, /contrast 2\.\d\d:1 too low: p "too pale"/, /too low: p "white on almost white"/,
  ];
  for (const re of expect) assert.ok(problems.some((p) => re.test(p)), `expected a problem matching ${re} in ${JSON.stringify(problems, null, 1)}`);
  assert.equal(problems.length, expect.length, `no other problems: ${JSON.stringify(problems, null, 1)}`);
});

test('focus without a visible ring is noticed', async () => {
  await page.setContent(`<!doctype html><html lang="en"><body><main><h1>x</h1>
    <button id="plain" style="outline:none;box-shadow:none">No ring</button>
    <button id="ringed" style="outline:3px solid black">Ring</button></main></body></html>`);
  await page.focus('#plain');
  assert.equal((await focused(page))?.ring, false);
  await page.focus('#ringed');
  assert.equal((await focused(page))?.ring, true);
});

test('a page wider than the window is noticed', async () => {
  await page.setContent(`<!doctype html><html lang="en"><body><main><h1>x</h1><div style="width:2000px">wide</div></main></body></html>`);
  assert.equal(await fitsWidth(page), false);
  await page.setContent(CLEAN);
  assert.equal(await fitsWidth(page), true);
});
