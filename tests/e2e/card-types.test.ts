/**
 * A card type made by an admin from nothing, in the Russian UI: created on «Типы карточек», its
 * fields made in the builder, its title and a list column set there, published, a card filled and
 * saved, and the card found in the list by its title; then archived — gone from "new card", its
 * cards still open. No console errors or page errors anywhere.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, recordProblems, startDemo } from './demo-server.js';

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

/** What the admin reads and types, per UI language. */
const UI = {
  ru: { types: 'Типы карточек', create: 'Создать тип', typeName: 'Поставщики', section: 'Поставщик', name: 'Наименование', inn: 'ИНН', tab: 'Заголовок и список', newCard: 'Новая карточка', saved: 'Сохранено', cards: 'Карточки', archive: 'В архив', restore: 'Вернуть из архива', company: 'ООО «Северный лес»', search: 'северный' },
  en: { types: 'Card types', create: 'Create type', typeName: 'Suppliers', section: 'Supplier', name: 'Company', inn: 'Tax ID', tab: 'Title and list', newCard: 'New card', saved: 'Saved', cards: 'Cards', archive: 'Archive', restore: 'Restore', company: 'Northern Timber LLC', search: 'timber' },
};

for (const locale of ['ru', 'en'] as const) {
  const ui = UI[locale];
  test(`${locale}: a type made in the builder from scratch: published, filled, found in the list by its title, archived`, async () => {
    const context = await browser.newContext();
    await context.addInitScript((l) => localStorage.setItem('kc-demo-locale', l), locale);
    const page = await context.newPage();
    const problems = recordProblems(page);
    await page.goto(demo.url + '#/types');

    // Create a blank type: the demo takes the admin to the builder.
    const types = page.locator('main');
    await types.getByRole('heading', { name: ui.types }).waitFor();
    await page.locator('#new-type input[name="title"]').fill(ui.typeName);
    await page.locator('#new-type select[name="from"]').selectOption('');
    await page.getByRole('button', { name: ui.create }).click();
    const builder = page.locator('kc-builder');
    await builder.locator('kc-builder-canvas').waitFor();
    await page.locator('main h2', { hasText: ui.typeName }).waitFor();

    // Fields: a section, the supplier's name and INN.
    await builder.locator('kc-builder-palette button[data-what="section"]').click();
    const title = builder.locator(`kc-builder-inspector input[name="title-${locale}"]`);
    await title.fill(ui.section);
    await title.press('Tab');
    for (const name of [ui.name, ui.inn]) {
      await builder.locator('kc-builder-palette button[data-what="text"]').click();
      await title.fill(name);
      await title.press('Tab');
      await builder.locator('kc-builder-canvas', { hasText: name }).waitFor();
    }

    // Title and list: the title is the name and the INN; the INN is a list column.
    await builder.getByRole('tab', { name: ui.tab }).click();
    const settings = builder.locator('kc-builder-card-settings');
    const titleInput = settings.locator('input[name="card-title"]');
    assert.equal(await titleInput.inputValue(), `{${ui.name}}`, 'the first text field is the title until changed');
    await settings.locator('select[name="card-title-field"]').selectOption({ label: ui.inn });
    assert.equal(await titleInput.inputValue(), `{${ui.name}} {${ui.inn}}`);
    await settings.locator('tr', { hasText: ui.inn }).locator('input[data-setting="columns"]').check();

    await builder.locator('button[name="publish"]').click();
    await builder.locator('button[name="confirm-publish"]').click();

    // The list of the new type, with the INN column; a new card filled and saved.
    const list = page.locator('kc-card-list');
    await list.waitFor();
    await list.locator('th', { hasText: ui.inn }).waitFor();
    await page.getByRole('button', { name: ui.newCard }).click();
    const fields = page.locator('kc-card kc-text-field input');
    await fields.nth(1).waitFor();
    await page.getByRole('textbox', { name: new RegExp(`^${ui.name}`) }).fill(ui.company);
    await page.getByRole('textbox', { name: new RegExp(`^${ui.inn}`) }).fill('7707083893');
    await page.locator('kc-card [part="save-button"]').click();
    await page.locator('kc-storage-panel [part="status"]', { hasText: ui.saved }).waitFor();

    // Found in the list by its title.
    await page.getByRole('navigation').getByRole('link', { name: ui.cards, exact: true }).click();
    await list.locator('input[type="search"]').fill(ui.search);
    const row = list.locator('tbody tr', { hasText: `${ui.company} 7707083893` });
    await row.waitFor();
    assert.equal(await list.locator('tbody tr').count(), 1);

    // Archived: no «Новая карточка», the type leaves the menu; its cards still open.
    await page.getByRole('navigation').getByRole('link', { name: ui.types }).click();
    const typeRow = page.locator('table.types tr', { has: page.locator(`input[name="rename"][aria-label*="${ui.typeName}"]`) });
    // The types page and the new type's list are axe-clean.
    assert.deepEqual(await axeViolations(page), [], 'the card types page');
    await typeRow.getByRole('button', { name: ui.archive }).click();
    await typeRow.getByRole('button', { name: ui.restore }).waitFor();
    // Another type chosen: the archived one is no longer in the menu (only the current one stays shown).
    await page.locator('#template').selectOption({ index: 0 });
    assert.equal(await page.locator('#template option', { hasText: ui.typeName }).count(), 0, 'archived: not offered for new cards');
    await typeRow.getByRole('button', { name: ui.cards }).click();
    await list.locator('input[type="search"]').fill(ui.search);
    await row.waitFor();
    assert.equal(await page.getByRole('button', { name: ui.newCard }).count(), 0);
    assert.deepEqual(await axeViolations(page), [], 'the list of an archived type');
    await row.click();
    await page.getByRole('textbox', { name: new RegExp(`^${ui.name}`) }).waitFor();
    assert.equal(await page.getByRole('textbox', { name: new RegExp(`^${ui.name}`) }).inputValue(), ui.company);

    assert.deepEqual(problems, []);
    await context.close();
  });
}
