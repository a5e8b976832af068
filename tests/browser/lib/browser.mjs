// tests/browser/lib/browser.mjs: shared set-up for the browser tests: loads playwright-core
// from web/node_modules, launches Debian's Chromium headless with a fresh profile, signs in
// through the UI and saves screenshots to tests/artifacts/browser/ (git-ignored).
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpiPath, demoPassword, sourceDir, startServer, webRoot } from '../../support/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '..', '..', '..', 'web');
export const artifactsDir = path.join(sourceDir, 'tests', 'artifacts', 'browser');
export const chromiumPath = process.env.CP_CHROMIUM ?? '/usr/bin/chromium';
export { demoPassword };

function loadPlaywright() {
  const require = createRequire(path.join(webDir, 'package.json'));
  try {
    return require('playwright-core');
  } catch {
    throw new Error('playwright-core is not installed: run scripts/setup.sh (npm ci in web/) first');
  }
}

/** Fails early, with a reason, when something the tests need has not been built. */
export function checkPrerequisites() {
  const missing = [];
  if (!existsSync(cpiPath)) missing.push(`the server (${cpiPath}); build it with make build`);
  if (!existsSync(path.join(webRoot, 'index.html'))) missing.push(`the web front end (${webRoot}); build it with make web`);
  if (!existsSync(chromiumPath)) missing.push(`Chromium (${chromiumPath}); scripts/setup.sh installs it`);
  if (missing.length) throw new Error(`browser tests need: ${missing.join('; ')}`);
}

/**
 * Prints (as TAP comments) the load average and the busiest processes when a browser test
 * starts: a slow browser test is nearly always a starved one, and the CI log should say so.
 */
function reportMachineLoad() {
  console.log(`# machine load: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  try {
    const top = execFileSync('ps', ['-eo', 'pcpu,etimes,comm', '--sort=-pcpu'], { encoding: 'utf8' })
      .split('\n').slice(1, 5).map((l) => l.trim()).filter(Boolean);
    console.log(`# busiest processes (%cpu, seconds, command): ${top.join(' | ')}`);
  } catch { /* ps missing: the load average is enough */ }
}

/**
 * Starts the real server (tests/support/server.mjs) and a headless Chromium with a fresh
 * profile. Call `stop()` at the end: it closes both and removes the profile.
 */
export async function startAll({ viewport = { width: 1280, height: 900 } } = {}) {
  checkPrerequisites();
  reportMachineLoad();
  const { chromium } = loadPlaywright();
  const server = await startServer();
  const profile = mkdtempSync(path.join(tmpdir(), 'cpi-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      viewport,
      locale: 'en-GB',
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  } catch (e) {
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return {
    server, context, page, consoleErrors,
    stop: async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
      await server.stop();
    },
  };
}

/** Saves a full-page screenshot as tests/artifacts/browser/<name>.png. */
export async function screenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
}

/** Signs in through the sign-in form (by its labels) and waits until the form has gone. */
export async function signIn(page, baseUrl, username, password = demoPassword) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'), { timeout: 15000 });
}
