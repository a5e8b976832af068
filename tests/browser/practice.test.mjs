// tests/browser/practice.test.mjs: issue 4 "Done when" (browser): a practitioner records, from
// one contact form, a contact that adds a network member, a goal and an engagement, and all
// three appear on the person's page (the test counts and prints the user actions of that flow);
// a version conflict on the map shows what changed and reloads; the demo person signs in, adds a
// member in the keyboard list view, drags it to another ring on the drawing, and adds a goal,
// and the changes show as theirs. Also runs the
// basic accessibility checks on the new tabs, at desktop and phone widths.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '../support/server.mjs';
import { screenshot, signIn, startAll } from './lib/browser.mjs';
import { accessibilityProblems, fitsWidth } from './lib/a11y.mjs';

let env;
before(async () => {
  env = await startAll();
  // The practice-records API is on main now: its absence is a failure, not a reason to skip.
  const probe = new Client(env.server.url);
  await probe.login('demo-practitioner');
  const r = await probe.get('/api/v1/people/1/network-maps');
  assert.equal(r.status, 200, `the practice-records API answers (${r.text.slice(0, 120)})`);
});
after(async () => { await env?.stop(); });

/** Kept so the tests read as before; the API is required (checked in before()). */
const needsApi = () => false;

/** Wraps the page's user actions so that the flow's clicks, fills, selects and key presses are counted. */
function counter() {
  let n = 0;
  return {
    click: async (loc) => { n++; await loc.click(); },
    fill: async (loc, v) => { n++; await loc.fill(v); },
    select: async (loc, v) => { n++; await loc.selectOption(v); },
    press: async (loc, key) => { n++; await loc.press(key); },
    get count() { return n; },
  };
}

const MEMBER = 'Priya from next door';
const GOAL = 'Grow my own vegetables again';
const PLACE = 'Riverside allotment club';

async function openTab(page, name, testId) {
  await page.getByRole('tab', { name }).click();
  await page.getByTestId(testId).waitFor();
}

test('issue 4: one contact form adds a network member, a goal and an engagement; all three appear', async (t) => {
  if (needsApi(t)) return;
  const { page, server } = env;
  await signIn(page, server.url, 'demo-practitioner');
  await page.goto(server.url + '/people/1');
  const form = page.getByTestId('contact-form').first();
  await form.waitFor();

  // The flow a practitioner goes through after a session, counted from the person's page.
  const act = counter();
  await act.click(form.getByRole('button', { name: 'Add a network member' }));
  await act.fill(form.getByLabel("Network member's name"), MEMBER);
  await act.select(form.getByLabel('Relation'), 'neighbour');
  await act.click(form.getByRole('button', { name: 'Add a goal' }));
  await act.fill(form.getByLabel("Goal, in the person's own words"), GOAL);
  await act.click(form.getByRole('button', { name: 'Add an engagement' }));
  await act.fill(form.getByLabel('Group, place or activity'), PLACE);
  await act.click(form.getByRole('button', { name: 'Save contact' }));
  await page.getByTestId('announcer').filter({ hasText: /Contact saved, with 3 records added/ }).waitFor();
  console.log(`practice-flow user actions: ${act.count}`);
  assert.equal(await form.locator('[role="alert"]').textContent(), '', 'no error shown');

  // The contact lists the processes the added records belong to (added by the server).
  const contact = page.getByTestId('contacts').first().locator('li').first();
  assert.match(await contact.innerText(), /Mapping their network/);
  assert.match(await contact.innerText(), /Goals/);
  await screenshot(page, 'practice-contact-added');

  await page.reload();
  await openTab(page, 'Network map', 'network-tab');
  const row = page.getByTestId('member-row').filter({ hasText: MEMBER });
  await row.waitFor();
  assert.match(await row.innerText(), /Neighbour/);
  await page.getByTestId('network-canvas').waitFor();
  await screenshot(page, 'practice-network');

  await openTab(page, 'Goals and activities', 'goals-tab');
  const goal = page.getByTestId('goal').filter({ hasText: GOAL });
  await goal.waitFor();
  assert.match(await goal.innerText(), /added by Sam|added by .*\b/i);

  await openTab(page, 'Community and engagements', 'community-tab');
  const engagement = page.getByTestId('engagement').filter({ hasText: PLACE });
  await engagement.waitFor();
  assert.match(await engagement.innerText(), /Suggested/);
  await screenshot(page, 'practice-community');
});

test('issue 4: an engagement picked from the directory brings a new relationship, added to the map from the offer', async (t) => {
  if (needsApi(t)) return;
  const { page, server } = env;
  await page.goto(server.url + '/people/1/community');
  await page.getByTestId('community-tab').waitFor();
  await page.getByRole('button', { name: 'Add an engagement' }).click();
  const form = page.getByTestId('new-engagement-form');
  await form.getByLabel('Group, place or activity').fill('garden');
  await form.getByRole('button', { name: 'Search the directory' }).click();
  const hit = form.getByRole('button', { name: /Greenfingers Community Garden/ });
  await hit.click();
  await form.getByText(/Linked to the directory entry “Greenfingers Community Garden/).waitFor();
  await form.getByLabel('Where it has got to').selectOption('accompanied');
  await form.getByLabel(/It brought a new relationship/).check();
  await form.getByLabel('Name of the new relationship').fill('Rosa, the garden volunteer');
  await form.getByRole('button', { name: 'Save the engagement' }).click();
  const offer = page.getByTestId('map-offer');
  await offer.getByText(/Rosa, the garden volunteer is a new relationship/).waitFor();
  const engagement = page.getByTestId('engagement').filter({ hasText: 'Greenfingers Community Garden' });
  assert.match(await engagement.innerText(), /Went along together/);
  await offer.getByRole('button', { name: 'Add to the map' }).click();
  await page.getByTestId('announcer').filter({ hasText: 'Rosa, the garden volunteer added to the network map.' }).waitFor();
  await openTab(page, 'Network map', 'member-list');
  const row = page.getByTestId('member-row').filter({ hasText: 'Rosa, the garden volunteer' });
  await row.waitFor();
  assert.match(await row.innerText(), /Community or interest group/);
  assert.match(await row.innerText(), /in the directory/, 'the member is linked to the directory entry');
});

test('issue 4: a map changed elsewhere is not overwritten; the change is shown and can be loaded', async (t) => {
  if (needsApi(t)) return;
  const { page, server } = env;
  await page.goto(server.url + '/people/1/network');
  await page.getByTestId('member-row').filter({ hasText: MEMBER }).waitFor();

  // Someone else (the team leader, through the API) adds a member while the page is open.
  const lead = new Client(server.url);
  assert.equal((await lead.login('demo-lead')).status, 200);
  const list = await lead.get('/api/v1/people/1/network-maps');
  assert.equal(list.status, 200);
  const mapId = list.json.maps[0].id;
  const map = (await lead.get(`/api/v1/network-maps/${mapId}`)).json;
  const put = await lead.put(`/api/v1/network-maps/${mapId}`, {
    version: map.version,
    members: [...map.members, { key: 'k1', name: 'Uncle Joe', kind: 'person', relation: 'family', ring: 'close' }],
    ties: map.ties,
  });
  assert.equal(put.status, 200, put.text);

  const add = page.getByTestId('add-member-form');
  await add.getByLabel('Name', { exact: true }).fill('Coach Dee');
  await add.getByRole('button', { name: 'Add to the map' }).click();
  const conflict = page.getByTestId('conflict');
  await conflict.getByText('Uncle Joe was added.').waitFor();
  await page.getByRole('alert').filter({ hasText: 'was not saved' }).waitFor();
  assert.equal(await page.getByTestId('member-row').filter({ hasText: 'Coach Dee' }).count(), 0, 'the refused change is not shown as saved');
  await conflict.getByRole('button', { name: 'Load the latest version' }).click();
  await page.getByTestId('member-row').filter({ hasText: 'Uncle Joe' }).waitFor();
  assert.equal(await page.getByTestId('conflict').count(), 0);
});

test('issue 4: the new tabs pass the basic accessibility checks and fit a phone', async (t) => {
  if (needsApi(t)) return;
  const { page, server } = env;
  // Each tab with something that is only there once its records have loaded (the flow above made them).
  const tabs = [['Overview', 'journey-list'], ['Network map', 'member-list'], ['Goals and activities', 'goals'], ['Community and engagements', 'engagements']];
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(server.url + '/people/1');
    for (const [name, testId] of tabs) {
      await openTab(page, name, testId);
      assert.deepEqual(await accessibilityProblems(page), [], `accessibility problems on ${name} at ${width} px`);
      assert.ok(await fitsWidth(page), `${name} fits ${width} px`);
    }
  }
  await screenshot(page, 'practice-phone-community');
  await page.setViewportSize({ width: 1280, height: 900 });
  // The journey picture has words for each process, not only colours.
  await openTab(page, 'Overview', 'journey');
  const items = page.getByTestId('journey-list').locator('li');
  await items.nth(9).waitFor(); // the list arrives after the card: wait for the tenth process
  assert.equal(await items.count(), 10, 'one line per shared process');
  assert.match(await page.getByTestId('journey-list').innerText(), /Mapping their network Done/);
});

test('issue 4: the demo person edits their own map (list view and drawing) and adds a goal, shown as theirs', async (t) => {
  if (needsApi(t)) return;
  const { page, server } = env;
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await signIn(page, server.url, 'demo-person');
  await page.getByTestId('person-guide').waitFor();
  assert.match(await page.getByTestId('person-guide').innerText(), /This is your record/);
  assert.equal(await page.getByTestId('contact-form').count(), 0, 'the person has no contact form');

  await openTab(page, 'Network map', 'member-list');
  const add = page.getByTestId('add-member-form');
  await add.getByLabel('Name', { exact: true }).fill('Mo from the choir');
  await add.getByLabel('Relation').selectOption('community_group');
  await add.getByLabel('How close').selectOption('close');
  await add.getByRole('button', { name: 'Add to the map' }).click();
  const row = page.getByTestId('member-row').filter({ hasText: 'Mo from the choir' });
  await row.waitFor();
  assert.match(await row.innerText(), /Close/);
  await page.getByText(/last changed by you/).waitFor();

  // The drawing: drag Mo from the close ring out to the outer ring with the mouse. The page's
  // Cytoscape instance (registered on its container) is only read to find where Mo is drawn.
  await page.getByTestId('network-canvas').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.waitForFunction(() => document.querySelector('[data-testid="network-canvas"]')?._cyreg?.cy?.nodes('.member').length > 0);
  const where = await page.evaluate((name) => {
    const box = document.querySelector('[data-testid="network-canvas"]');
    const cy = box._cyreg.cy;
    const r = box.getBoundingClientRect();
    const node = cy.nodes('.member').filter((n) => n.data('label') === name)[0];
    const p = node.renderedPosition();
    const ego = cy.$('#ego').renderedPosition();
    return { from: { x: r.left + p.x, y: r.top + p.y }, to: { x: r.left + ego.x, y: r.top + ego.y + 320 * cy.zoom() } };
  }, 'Mo from the choir');
  await page.mouse.move(where.from.x, where.from.y);
  await page.mouse.down();
  await page.mouse.move(where.to.x, where.to.y, { steps: 10 });
  await page.mouse.up();
  await page.getByTestId('announcer').filter({ hasText: 'Mo from the choir moved to the outer ring.' }).waitFor();
  assert.match(await row.innerText(), /Outer/);
  await screenshot(page, 'practice-person-map');
  await page.reload();
  await page.getByTestId('member-row').filter({ hasText: 'Mo from the choir' }).filter({ hasText: 'Outer' }).waitFor();

  // The list view by keyboard alone: Edit (Enter) puts focus in the form; Tab to "How close",
  // choose Close by typing, back to the name and Enter saves.
  await page.getByRole('button', { name: 'Edit Mo from the choir' }).focus();
  await page.keyboard.press('Enter');
  const edit = page.getByTestId('edit-member-form');
  await edit.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'edit-member-name', 'focus moves into the edit form');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'edit-member-ring');
  await page.keyboard.press('c');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.getByTestId('announcer').filter({ hasText: 'Mo from the choir changed.' }).waitFor();
  await page.getByTestId('member-row').filter({ hasText: 'Mo from the choir' }).filter({ hasText: 'Close' }).waitFor();
  assert.equal(await edit.count(), 0, 'the edit form closes after saving');

  await openTab(page, 'Goals and activities', 'goals-tab');
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await page.getByLabel('The goal, in your own words').fill('Sing in a concert');
  await page.getByRole('button', { name: 'Save the goal' }).click();
  const mine = page.getByTestId('goal').filter({ hasText: 'Sing in a concert' });
  await mine.waitFor();
  assert.match(await mine.getByTestId('byline').innerText(), /^added by you/);
  const workers = page.getByTestId('goal').filter({ hasText: GOAL });
  assert.match(await workers.getByTestId('byline').innerText(), /^added by your worker/);

  // What the person may not change has no forms: barriers and engagements are read only.
  await openTab(page, 'Community and engagements', 'community-tab');
  await page.getByTestId('engagement').filter({ hasText: PLACE }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Add an engagement' }).count(), 0);
  await screenshot(page, 'practice-person-community');
});
