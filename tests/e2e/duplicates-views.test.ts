/**
 * Duplicates and saved views in the demo, in Chromium with real IndexedDB, as a person uses them
 * (the small card's e-mail is `x-unique`): a second card with the same e-mail (written another
 * way) is warned about while typing, with a link to the first, and refused on save; the list keeps
 * a named view (columns, "my cards" off, sort) and changes a field in selected cards; the likely
 * duplicates panel is there. No console errors; axe-clean.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, demoSettings, recordProblems, storageStatus, type Demo, useDemo } from './demo-server.js';

let demo: Demo;
let browser: Browser;
useDemo((d, b) => {
  demo = d;
  browser = b;
});

const status = storageStatus;

async function newCard(page: Page, name: string, email: string): Promise<void> {
  await page.goto(demo.url + '#/cards');
  await page.getByRole('button', { name: 'Новая карточка' }).click();
  await page.locator('kc-text-field[path="/companyName"] input').fill(name);
  await page.locator('kc-email-field[path="/email"] input').fill(email);
}

test('a duplicate e-mail is warned about while typing, links to the first card, and is refused on save; the list keeps a view and changes selected cards', async () => {
  const context = await browser.newContext();
  await demoSettings(context, { 'kc-demo-locale': 'ru', 'kc-demo-template': 'demo-client' });
  const page = await context.newPage();
  // The refused save is the test's own doing.
  const problems = recordProblems(page, /409|duplicate|Duplicate/);
  await page.goto(demo.url + '#/cards');
  await page.locator('kc-card-list').waitFor();

  // The first card.
  await newCard(page, 'ООО Ромашка', 'info@romashka.example');
  await page.locator('kc-card [part="save-button"]').click();
  await status(page, 'Сохранено');
  const firstId = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/card\//, '').split('?')[0]!);

  // The second: the same e-mail in capitals; the warning comes after a pause, with a link.
  await newCard(page, 'Ромашка-дубль', ' INFO@Romashka.example ');
  const warning = page.locator('kc-storage-panel [part="duplicates"]');
  await warning.waitFor();
  assert.match(await warning.innerText(), /Карточка с таким же значением \(Имэйл\) уже есть/);
  const link = warning.getByRole('link', { name: 'Открыть «ООО Ромашка»' });
  assert.equal(await link.getAttribute('href'), `#/card/${encodeURIComponent(firstId)}`);
  assert.deepEqual(await axeViolations(page), []);
  // Saving anyway is refused, on the field.
  await page.locator('kc-card [part="save-button"]').click();
  await status(page, 'Не сохранено: у другой карточки уже есть такое же значение');
  await page.locator('kc-email-field[path="/email"]', { hasText: 'У другой карточки уже есть такое значение.' }).waitFor();
  await link.click();
  await page.locator('kc-text-field[path="/companyName"] input').waitFor();
  await page.waitForFunction(() => location.hash.startsWith('#/card/'));

  // The list: a saved view, then a bulk change of the segment.
  await page.goto(demo.url + '#/cards');
  const list = page.locator('kc-card-list');
  await list.locator('tr[part="row"]', { hasText: 'ООО Ромашка' }).waitFor();
  await list.locator('input[name="view-name"]').fill('Мой вид');
  await list.getByRole('button', { name: 'Сохранить представление' }).click();
  await list.locator('[part="notice"]', { hasText: 'Представление «Мой вид» сохранено.' }).waitFor();
  await page.reload();
  await list.locator('select[name="view"] option', { hasText: 'Мой вид' }).waitFor({ state: 'attached' });

  await list.getByRole('checkbox', { name: 'Выбрать «ООО Ромашка»' }).check();
  await list.locator('[part="bulk"]', { hasText: 'Выбрано: 1' }).waitFor();
  await list.locator('select[name="bulk-value"]').selectOption('chain');
  await list.getByRole('button', { name: 'Изменить у выбранных' }).click();
  await list.locator('[part="notice"]', { hasText: 'Изменено карточек: 1.' }).waitFor();
  // The likely duplicates panel of the type.
  await page.locator('#duplicates summary').click();
  await page.locator('kc-duplicates h2', { hasText: 'Возможные дубликаты' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
