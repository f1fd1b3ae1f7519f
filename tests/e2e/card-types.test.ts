/**
 * A card type made by an admin from nothing, in the Russian UI: created on «Типы карточек», its
 * fields made in the builder, its title and a list column set there, published, a card filled and
 * saved, and the card found in the list by its title; then archived — gone from "new card", its
 * cards still open. No console errors or page errors anywhere.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, ConsoleMessage } from 'playwright-core';
import { startDemo, launchChromium } from './demo-server.js';

let demo: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;

before(async () => {
  demo = await startDemo();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

test('a type made in the builder from scratch: published, filled, found in the list by its title, archived', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(demo.url + '#/types');

  // Create a blank type: the demo takes the admin to the builder.
  const types = page.locator('main');
  await types.getByRole('heading', { name: 'Типы карточек' }).waitFor();
  await page.locator('#new-type input[name="title"]').fill('Поставщики');
  await page.locator('#new-type select[name="from"]').selectOption('');
  await page.getByRole('button', { name: 'Создать тип' }).click();
  const builder = page.locator('kc-builder');
  await builder.locator('kc-builder-canvas').waitFor();
  await page.locator('main h2', { hasText: 'Поставщики' }).waitFor();

  // Fields: a section, the supplier's name and INN.
  await builder.locator('kc-builder-palette button[data-what="section"]').click();
  const title = builder.locator('kc-builder-inspector input[name="title-ru"]');
  await title.fill('Поставщик');
  await title.press('Tab');
  for (const name of ['Наименование', 'ИНН']) {
    await builder.locator('kc-builder-palette button[data-what="text"]').click();
    await title.fill(name);
    await title.press('Tab');
    await builder.locator('kc-builder-canvas', { hasText: name }).waitFor();
  }

  // Title and list: the title is the name and the INN; the INN is a list column.
  await builder.getByRole('tab', { name: 'Заголовок и список' }).click();
  const settings = builder.locator('kc-builder-card-settings');
  const titleInput = settings.locator('input[name="card-title"]');
  const namePointer = await titleInput.inputValue();
  assert.match(namePointer, /^\/[^/]+\/[^/]+$/, 'the first text field is the title until changed');
  await settings.locator('select[name="card-title-field"]').selectOption({ label: 'ИНН' });
  const pattern = await titleInput.inputValue();
  assert.match(pattern, /^\{\/[^}]+\} \{\/[^}]+\}$/);
  await settings.locator('tr', { hasText: 'ИНН' }).locator('input[data-setting="columns"]').check();

  await builder.locator('button[name="publish"]').click();
  await builder.locator('button[name="confirm-publish"]').click();

  // The list of the new type, with the INN column; a new card filled and saved.
  const list = page.locator('kc-card-list');
  await list.waitFor();
  await list.locator('th', { hasText: 'ИНН' }).waitFor();
  await page.getByRole('button', { name: 'Новая карточка' }).click();
  const fields = page.locator('kc-card kc-text-field input');
  await fields.nth(1).waitFor();
  await page.getByRole('textbox', { name: /^Наименование/ }).fill('ООО «Северный лес»');
  await page.getByRole('textbox', { name: /^ИНН/ }).fill('7707083893');
  await page.locator('kc-card [part="save-button"]').click();
  await page.locator('kc-storage-panel [part="status"]', { hasText: 'Сохранено' }).waitFor();

  // Found in the list by its title.
  await page.getByRole('navigation').getByRole('link', { name: 'Карточки', exact: true }).click();
  await list.locator('input[type="search"]').fill('северный');
  const row = list.locator('tbody tr', { hasText: 'ООО «Северный лес» 7707083893' });
  await row.waitFor();
  assert.equal(await list.locator('tbody tr').count(), 1);

  // Archived: no «Новая карточка», the type leaves the menu; its cards still open.
  await page.getByRole('navigation').getByRole('link', { name: 'Типы карточек' }).click();
  const typeRow = page.locator('table.types tr', { has: page.locator('input[name="rename"][aria-label*="Поставщики"]') });
  await typeRow.getByRole('button', { name: 'В архив' }).click();
  await typeRow.getByRole('button', { name: 'Вернуть из архива' }).waitFor();
  // Another type chosen: the archived one is no longer in the menu (only the current one stays shown).
  await page.locator('#template').selectOption({ index: 0 });
  assert.equal(await page.locator('#template option', { hasText: 'Поставщики' }).count(), 0, 'archived: not offered for new cards');
  await typeRow.getByRole('button', { name: 'Карточки' }).click();
  await list.locator('input[type="search"]').fill('северный');
  await row.waitFor();
  assert.equal(await page.getByRole('button', { name: 'Новая карточка' }).count(), 0);
  await row.click();
  await page.getByRole('textbox', { name: /^Наименование/ }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: /^Наименование/ }).inputValue(), 'ООО «Северный лес»');

  assert.deepEqual(problems, []);
  await context.close();
});
