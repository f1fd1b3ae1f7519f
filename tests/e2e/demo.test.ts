/**
 * The demo end to end, as a person uses it — in real Chromium, with real IndexedDB (a fresh
 * browser context per test is a fresh database), and no console errors anywhere.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, demoSettings, recordProblems, storageStatus, type Demo, useDemo } from './demo-server.js';
import { startServer } from '../../packages/server/src/test-support/process.js';
import { RestAdapter } from '@kartochka/storage';

let demo: Demo;
let browser: Browser;
useDemo((d, b) => {
  demo = d;
  browser = b;
});

async function open(hash = '', backend: 'idb' | 'rest' = 'idb'): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext();
  if (backend === 'rest') await demoSettings(context, { 'kc-demo-backend': 'rest' });
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.goto(demo.url + hash);
  return { page, context, problems };
}

const status = storageStatus;

test('opens on the B2B card with its sample data, in Russian, with the summary header', async () => {
  const { page, context, problems } = await open();
  const name = page.locator('kc-text-field[path="/general/companyName"] input');
  await name.waitFor();
  assert.equal(await name.inputValue(), 'Волжская керамика');
  await page.getByRole('tab', { name: 'Общая информация' }).waitFor();
  await page.locator('kc-card-summary dd', { hasText: 'VIP' }).waitFor();
  await status(page, 'Загружено');
  // Another tab of the card, by keyboard as well as by click.
  await page.getByRole('tab', { name: 'Договор' }).click();
  await page.locator('kc-card [path="/contract/number"]').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('fill, validate, save, reload: the card comes back (the small card)', async () => {
  const { page, context, problems } = await open();
  await page.locator('#template').selectOption('demo-client');
  const name = page.locator('kc-text-field[path="/companyName"] input');
  await name.waitFor();
  // The accessible name comes from the label, required mark included.
  await page.getByRole('textbox', { name: /^Название организации\s*\*?\s*\(обязательно\)$/ }).waitFor();

  // Validation while typing: a bad email shows its message at once.
  const email = page.locator('kc-email-field[path="/email"] input');
  await email.fill('not-an-email');
  await page.locator('kc-email-field[path="/email"] .error', { hasText: 'электронной почты' }).waitFor();
  assert.equal(await email.getAttribute('aria-invalid'), 'true');

  // Saving an invalid card is refused.
  const save = page.locator('kc-card [part="save-button"]');
  await save.click();
  await status(page, 'Не сохранено');

  await name.fill('ООО Ромашка');
  await email.fill('info@romashka.example');
  await page.locator('kc-number-field[path="/headcount"] input').fill('120');
  await page.locator('kc-text-field[path="/address/city"] input').fill('Самара');
  await save.click();
  await status(page, 'Сохранено');

  await page.reload();
  await status(page, 'Загружено');
  assert.equal(await page.locator('kc-text-field[path="/companyName"] input').inputValue(), 'ООО Ромашка');
  assert.equal(await page.locator('kc-text-field[path="/address/city"] input').inputValue(), 'Самара');
  const value = await page.evaluate(() => (document.querySelector('kc-card') as unknown as { value: unknown }).value);
  assert.deepEqual(value, {
    companyName: 'ООО Ромашка',
    segment: 'dealer',
    headcount: 120,
    address: { city: 'Самара' },
    email: 'info@romashka.example',
  });

  // The language switch re-labels the same card.
  await page.getByRole('button', { name: 'EN' }).click();
  await page.locator('kc-text-field[path="/companyName"] label', { hasText: 'Company name' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unsaved edit survives a reload as a draft the card offers to restore', async () => {
  const { page, context, problems } = await open();
  const name = page.locator('kc-text-field[path="/general/companyName"] input');
  await name.waitFor();
  await status(page, 'Загружено');
  await name.fill('Волжская керамика и Ко');
  // The draft is written shortly after typing stops (no flush here: that debounce is what is
  // tested); wait until it is in the card's local database rather than for a fixed time.
  const draftStored = () =>
    page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('kartochka-local');
          open.onupgradeneeded = () => open.transaction!.abort(); // never create the card's database here
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('drafts')) {
              db.close();
              resolve(false);
              return;
            }
            const all = db.transaction('drafts').objectStore('drafts').getAll();
            all.onsuccess = () => {
              db.close();
              resolve(
                all.result.some(
                  (d: { data?: { general?: { companyName?: string } } }) => d.data?.general?.companyName === 'Волжская керамика и Ко',
                ),
              );
            };
            all.onerror = () => {
              db.close();
              resolve(false);
            };
          };
        }),
    );
  for (let i = 0; !(await draftStored()); i++) {
    assert.ok(i < 100, 'the draft is stored within 10 s of the last keystroke');
    await page.waitForTimeout(100); // poll interval only: the loop ends on the stored draft
  }
  await page.reload();
  await status(page, 'несохранённые изменения');
  assert.equal(await page.locator('kc-text-field[path="/general/companyName"] input').inputValue(), 'Волжская керамика');
  await page.locator('kc-storage-panel button', { hasText: 'Восстановить' }).click();
  assert.equal(await page.locator('kc-text-field[path="/general/companyName"] input').inputValue(), 'Волжская керамика и Ко');
  assert.deepEqual(problems, []);
  await context.close();
});

test("sign-out removes the user's drafts from this device; signing in again offers nothing", async () => {
  const { page, context, problems } = await open();
  const name = page.locator('kc-text-field[path="/general/companyName"] input');
  await name.waitFor();
  await status(page, 'Загружено');
  assert.equal(await page.locator('#user-name').textContent(), 'demo');
  await name.fill('Черновик пользователя demo');
  await page.evaluate(() => document.querySelector('kc-card')!.persistence!.flushDraft());
  await page.locator('#sign-out').click();
  await page.locator('p[role="status"]', { hasText: 'удалены черновики (1)' }).waitFor();
  await page.locator('#sign-in input[name="user"]').fill('demo');
  await page.locator('#sign-in button').click();
  await status(page, 'Загружено');
  assert.equal(await page.locator('kc-text-field[path="/general/companyName"] input').inputValue(), 'Волжская керамика');
  assert.equal(await page.locator('kc-storage-panel button', { hasText: 'Восстановить' }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the list finds cards, opens one, and its history shows the change', async () => {
  const { page, context, problems } = await open();
  await status(page, 'Загружено');
  const name = page.locator('kc-text-field[path="/general/companyName"] input');
  await name.fill('Волжская керамика Плюс');
  await page.keyboard.press('Control+s');
  await status(page, 'Сохранено (версия 2)');
  await page.locator('kc-history', { hasText: 'Название организации' }).waitFor();

  await page.getByRole('navigation').getByRole('link', { name: 'Карточки', exact: true }).click();
  const list = page.locator('kc-card-list');
  await list.locator('input[type="search"]').fill('плюс');
  const row = list.locator('tbody tr', { hasText: 'Волжская керамика Плюс' });
  await row.waitFor();
  await row.click();
  // The card is there before its record is (it shows the fields, read-only, while it loads).
  await status(page, 'Загружено');
  assert.equal(await page.locator('kc-text-field[path="/general/companyName"] input').inputValue(), 'Волжская керамика Плюс');
  assert.deepEqual(problems, []);
  await context.close();
});

test('reminders list what is due and export an .ics file', async () => {
  const { page, context, problems } = await open('#/reminders');
  const reminders = page.locator('kc-reminders');
  await reminders.waitFor();
  const download = page.waitForEvent('download');
  await reminders.getByRole('button', { name: /ics/i }).click();
  const file = await download;
  const path = await file.path();
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(path!, 'utf8');
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('REST mode: saves go to the real server; saved while it is down, they wait in the outbox and go out after a reload', async (t) => {
  const db = join(mkdtempSync(join(tmpdir(), 'kc-e2e-')), 'cards.sqlite');
  const origin = new URL(demo.url).origin;
  let server = await startServer({ db, args: ['--cors', origin], testHooks: false });
  // Whatever fails below, the server process goes: a live child would keep this file (and CI) waiting.
  t.after(() => server.kill());
  const { page, context, problems } = await open(`?api=${encodeURIComponent(server.api)}`, 'rest');
  assert.equal(await page.locator('#backend').inputValue(), 'rest');
  const name = page.locator('kc-text-field[path="/general/companyName"] input');
  await name.waitFor();
  await status(page, 'Загружено');
  await name.fill('Волжская керамика (REST)');
  await page.keyboard.press('Control+s');
  await status(page, 'Сохранено (версия 2)');
  const stored = await (await fetch(`${server.api}/cards/b2b-client-card-sample`)).json();
  assert.equal(stored.data.general.companyName, 'Волжская керамика (REST)');

  // Another user saves the same card: the open (unedited) card follows the server's change stream
  // and shows the new version by itself.
  const other = new RestAdapter({ baseUrl: server.api });
  await other.put(
    { ...stored, data: { ...stored.data, general: { ...stored.data.general, companyName: 'Изменено коллегой' } } },
    { expectedRevision: 2 },
  );
  await status(page, 'Карточку изменили в другом месте');
  for (let i = 0; (await name.inputValue()) !== 'Изменено коллегой'; i++) {
    assert.ok(i < 50, "the field shows the colleague's value within 5 s");
    await page.waitForTimeout(100);
  }
  await other.close();

  // The server goes away; the save is queued on the device, not lost.
  const port = server.port;
  await server.kill();
  await name.fill('Сохранено без связи');
  await page.keyboard.press('Control+s');
  await status(page, 'Нет связи');
  // It comes back; a reload sends the queued save.
  server = await startServer({ db, port, args: ['--cors', origin], testHooks: false });
  await page.reload();
  await status(page, 'Отложенные сохранения отправлены');
  const after = await (await fetch(`${server.api}/cards/b2b-client-card-sample`)).json();
  assert.equal(after.data.general.companyName, 'Сохранено без связи');
  assert.equal(after.revision, 4);
  // The browser itself logs refused connections (server down) and 404 answers (the first run looks
  // for the sample card before creating it); nothing else may appear.
  assert.deepEqual(
    problems.filter((p) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(p)),
    [],
  );
  await context.close();
  await server.kill();
});

test('the builder: add a field, publish, and the cards use the new version', async () => {
  const { page, context, problems } = await open('#/builder');
  const builder = page.locator('kc-builder');
  await builder.locator('kc-builder-canvas .kcb-node').first().waitFor();
  await builder.locator('kc-builder-palette button[data-what="text"]').click();
  const title = builder.locator('kc-builder-inspector input[name="title-ru"]');
  await title.fill('Сайт компании');
  await title.press('Tab');
  await builder.locator('button[name="publish"]').click();
  await builder.locator('button[name="confirm-publish"]').click();
  // Publishing opens the sample card in the new version.
  const card = page.locator('kc-card[schema-version="2"]');
  await card.waitFor();
  await status(page, 'Загружено');
  const labels = await page.evaluate(() => {
    const c = document.querySelector('kc-card') as unknown as { messages: Record<string, Record<string, unknown>> };
    return JSON.stringify(c.messages.ru);
  });
  assert.match(labels, /Сайт компании/);
  assert.equal(await page.locator('kc-text-field[path="/general/companyName"] input').inputValue(), 'Волжская керамика');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the builder never loses work: leaving with unpublished changes asks, and coming back offers them', async () => {
  const { page, context, problems } = await open('#/builder');
  const builder = page.locator('kc-builder');
  await builder.locator('kc-builder-canvas .kcb-node').first().waitFor();
  // Loaded: the published version (and any draft) is in; edits before that are not taken.
  await builder.locator('.kcb-main[aria-busy="false"]').waitFor();
  await builder.locator('kc-builder-palette button[data-what="date"]').click();
  const title = builder.locator('kc-builder-inspector input[name="title-ru"]');
  await title.fill('Дата договора');
  await title.press('Tab');
  // «Карточки»: asked first; staying keeps the builder and its work.
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.getByRole('link', { name: 'Карточки' }).click();
  await builder.locator('[data-published]', { hasText: 'неопубликованные изменения' }).waitFor();
  assert.match(asked[0] ?? '', /неопубликованные изменения/);
  assert.equal(new URL(page.url()).hash, '#/builder');
  // Leaving after all: the work was kept as a draft, and the builder offers it on return.
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('link', { name: 'Карточки' }).click();
  await page.locator('kc-card-list').waitFor();
  await page.goto(demo.url + '#/builder');
  await builder.locator('[data-draft]', { hasText: 'Сохранены неопубликованные изменения' }).waitFor();
  await builder.locator('button[name="restore-draft"]').click();
  await builder.locator('kc-builder-canvas', { hasText: 'Дата договора' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the demo card has no axe violations in edit and view mode', async () => {
  const { page, context, problems } = await open();
  await status(page, 'Загружено');
  const run = () => axeViolations(page);
  assert.deepEqual(await run(), [], 'edit mode');
  await page.getByRole('button', { name: 'Просмотр' }).click();
  await page.locator('kc-card[mode="view"]').waitFor();
  assert.deepEqual(await run(), [], 'view mode');
  assert.deepEqual(problems, []);
  await context.close();
});
