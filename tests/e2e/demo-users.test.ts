/**
 * The demo's two users in REST mode, end to end: Анна (admin, master) and Борис (editor) sign in
 * with API keys made by the real `keys create` (as `npm start` does), and each may do what the
 * server lets their roles do — Анна reads and writes the salon card's anamnesis and publishes
 * schemas; Борис sees no anamnesis (the server strips it, the card hides it) and his publication is
 * refused. Real Chromium, the real server process, no page errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { demoSettings, recordProblems, signInAs, storageStatus, useDemoWithServer, type Demo, type DemoUser } from './demo-server.js';
import type { ServerProcess } from '../../packages/server/src/test-support/process.js';

let demo: Demo;
let browser: Browser;
let server: ServerProcess;
const users: DemoUser[] = [
  { name: 'Анна', roles: ['admin', 'master'], key: '' },
  { name: 'Борис', roles: ['editor'], key: '' },
];

useDemoWithServer(users, (d, b, s) => {
  demo = d;
  browser = b;
  server = s;
});

const SALON = '#/card/beauty-salon-card-sample';
const api = (key: string) => async (path: string) =>
  (await fetch(`${server.api}${path}`, { headers: { Authorization: `Bearer ${key}` } })).json();
const status = storageStatus;
/** The card's data as the page holds it. */
const cardValue = (page: Page) =>
  page.evaluate(() => (document.querySelector('kc-card') as unknown as { value: Record<string, unknown> }).value);

test('Анна and Борис: each may do what the server lets their roles do', async () => {
  const context = await browser.newContext();
  // REST mode, and the users `npm start` would hand the page (demo-users.json beside it).
  await demoSettings(context, { 'kc-demo-backend': 'rest', 'kc-demo-template': 'beauty-salon-card' });
  await context.route('**/demo-users.json', (route) => route.fulfill({ json: users }));
  const page = await context.newPage();
  // The browser logs every refused request itself (the 403 below); nothing else may appear.
  const problems = recordProblems(page, /Failed to load resource/);
  await page.goto(`${demo.url}?api=${encodeURIComponent(server.api)}`);
  await signInAs(page, 'Анна');

  // Анна (admin, master): her first sign-in seeds the templates; she reads and writes the anamnesis.
  await page.goto(`${demo.url}?api=${encodeURIComponent(server.api)}${SALON}`);
  await status(page, 'Загружено');
  const annasView = await cardValue(page);
  assert.ok(annasView.anamnesis, 'Анна sees the anamnesis');
  const heading = page.getByText('Анамнез', { exact: true }).first();
  await heading.waitFor();
  const chronic = page.locator('kc-card [path="/anamnesis/chronicConditions"] textarea');
  if (!(await chronic.isVisible())) await heading.click();
  await chronic.waitFor();
  assert.equal(await chronic.isEditable(), true, 'a master may write it');
  await chronic.fill('Гипертония (записала Анна)');
  await page.keyboard.press('Control+s');
  await status(page, /Сохранено \(версия 2\)/);
  const anna = api(users[0]!.key);
  assert.equal((await anna('/cards/beauty-salon-card-sample')).data.anamnesis.chronicConditions, 'Гипертония (записала Анна)');

  // Борис (editor): the server strips the anamnesis and the card shows no such section.
  await signInAs(page, 'Борис');
  await page.reload();
  await status(page, 'Загружено');
  const borisView = await cardValue(page);
  assert.equal(borisView.anamnesis, undefined, 'Борис gets no anamnesis');
  assert.equal(await page.locator('kc-card [path^="/anamnesis"]').count(), 0, 'no anamnesis field is rendered for him');
  assert.equal(await page.getByText('Анамнез', { exact: true }).count(), 0);
  // He may edit what an editor may: his save keeps Анна's anamnesis on the server.
  const name = page.locator('kc-card [path="/personal/fullName"] input');
  await name.fill(`${await name.inputValue()} (правка Бориса)`);
  await page.keyboard.press('Control+s');
  await status(page, /Сохранено \(версия 3\)/);
  const stored = await anna('/cards/beauty-salon-card-sample');
  assert.match(stored.data.personal.fullName, /правка Бориса/);
  assert.equal(stored.data.anamnesis.chronicConditions, 'Гипертония (записала Анна)', 'hidden values survive his save');
  assert.equal(stored.author, 'Борис');
  const boris = api(users[1]!.key);
  assert.equal((await boris('/cards/beauty-salon-card-sample')).data.anamnesis, undefined);

  // Publishing schemas is an admin's: Борис's is refused in the builder, nothing is published.
  const versionsBefore = (await anna('/schemas/beauty-salon-card/versions')).items.length;
  await page.goto(`${demo.url}?api=${encodeURIComponent(server.api)}#/builder`);
  const builder = page.locator('kc-builder');
  await builder.locator('kc-builder-canvas .kcb-node').first().waitFor();
  await builder.locator('kc-builder-palette button[data-what="text"]').click();
  await builder.locator('button[name="publish"]').click();
  await builder.locator('button[name="confirm-publish"]').click();
  await builder.getByText(/Публикация не удалась: .*editor/).waitFor();
  assert.equal((await anna('/schemas/beauty-salon-card/versions')).items.length, versionsBefore, 'nothing published');

  // Анна publishes the same change.
  await page.goto(`${demo.url}?api=${encodeURIComponent(server.api)}`);
  await signInAs(page, 'Анна');
  await page.goto(`${demo.url}?api=${encodeURIComponent(server.api)}#/builder`);
  await builder.locator('kc-builder-canvas .kcb-node').first().waitFor();
  await builder.locator('kc-builder-palette button[data-what="text"]').click();
  await builder.locator('button[name="publish"]').click();
  await builder.locator('button[name="confirm-publish"]').click();
  await page.locator(`kc-card[schema-version="${versionsBefore + 1}"]`).waitFor();
  assert.equal((await anna('/schemas/beauty-salon-card/versions')).items.length, versionsBefore + 1);

  assert.deepEqual(problems, []);
  await context.close();
});

test("card types are the server's: a type Анна makes in one browser is listed by its name in another (Борис's)", async () => {
  const open = async (name: string) => {
    const context = await browser.newContext();
    await demoSettings(context, { 'kc-demo-backend': 'rest' });
    await context.route('**/demo-users.json', (route) => route.fulfill({ json: users }));
    const page = await context.newPage();
    // Before signing in, the page's first request is refused (401) and the browser logs it.
    const problems = recordProblems(page, /status of 401/);
    await page.goto(`${demo.url}?api=${encodeURIComponent(server.api)}`);
    await signInAs(page, name);
    await page.goto(`${demo.url}?api=${encodeURIComponent(server.api)}#/types`);
    await page.getByRole('heading', { name: 'Типы карточек' }).waitFor();
    return { context, page, problems };
  };
  const a = await open('Анна');
  await a.page.locator('#new-type input[name="title"]').fill('Поставщики');
  await a.page.getByRole('button', { name: 'Создать тип' }).click();
  await a.page.locator('kc-builder kc-builder-canvas').waitFor();
  const listed = (await api(users[0]!.key)('/schemas')).items as { schemaId: string; title?: { ru: string }; latestVersion: number }[];
  const made = listed.find((t) => t.title?.ru === 'Поставщики');
  assert.ok(made, 'the server lists the new type by its name');
  assert.equal(made.latestVersion, 0, 'named before anything is published');

  const b = await open('Борис');
  const row = b.page.locator(`table.types tr[data-type="${made.schemaId}"]`);
  await row.waitFor();
  assert.equal(await row.locator('input[name="rename"]').inputValue(), 'Поставщики');
  // Борис (editor) may not archive it: the refusal is said on the page, nothing changes.
  await row.getByRole('button', { name: 'В архив' }).click();
  const refusal = b.page.locator('[data-types-problem][role="alert"]');
  await refusal.waitFor();
  assert.equal((await refusal.textContent())!.trim(), 'Типы карточек не изменены: вашей роли это не разрешено (это может администратор).');
  assert.equal(await row.getAttribute('data-archived'), null);
  assert.equal(
    ((await api(users[0]!.key)('/schemas')).items as { schemaId: string; archived: boolean }[]).find((t) => t.schemaId === made.schemaId)
      ?.archived,
    false,
  );
  assert.deepEqual([a.problems, b.problems.filter((p) => !/status of 403/.test(p))], [[], []]);
  await a.context.close();
  await b.context.close();
});
