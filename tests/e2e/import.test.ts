/**
 * The demo's Import button, as a person uses it, in the Russian and the English UI: the sample file
 * of fictional clients (UTF-8 with a BOM, `;`) chosen, its columns matched, INN picked as the key,
 * the dry run read (12 to create, 2 refused, each with its reason), imported into IndexedDB with
 * the progress shown, the cards found in the list; the same file again updates them; the list
 * exported to CSV. axe-clean at each step; no console errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { axeViolations, demoSettings, recordProblems, type Demo, useDemo } from './demo-server.js';

let demo: Demo;
let browser: Browser;
useDemo((d, b) => {
  demo = d;
  browser = b;
});

const UI = {
  ru: {
    import: 'Импорт',
    inn: 'ИНН',
    check: 'Проверить строки',
    planned: 'Создать: 12 · Обновить: 0 · Пропустить: 0 · Отклонено: 2',
    again: 'Создать: 0 · Обновить: 12 · Пропустить: 0 · Отклонено: 2',
    date: 'Дата регистрации: «31.02.2020» — не дата',
    segment: 'Сегмент: «Оптовик» — нет среди вариантов',
    start: 'Импортировать карточки: 12',
    done: 'Импорт завершён: создано 12, обновлено 0.',
    updated: 'Импорт завершён: создано 0, обновлено 12.',
    back: 'К списку карточек',
    another: 'Импортировать другой файл',
  },
  en: {
    import: 'Import',
    inn: 'Taxpayer number (INN)',
    check: 'Check the rows',
    planned: 'Create: 12 · Update: 0 · Skip: 0 · Refused: 2',
    again: 'Create: 0 · Update: 12 · Skip: 0 · Refused: 2',
    date: 'Дата регистрации: «31.02.2020» is not a date',
    segment: 'Сегмент: «Оптовик» is not one of the options',
    start: 'Import 12 cards',
    done: 'Import finished: 12 created, 0 updated.',
    updated: 'Import finished: 0 created, 12 updated.',
    back: 'Back to the list',
    another: 'Import another file',
  },
};

for (const locale of ['ru', 'en'] as const) {
  const ui = UI[locale];
  test(`${locale}: the sample file imported through the Import button, again as updates by INN, then exported`, async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    await demoSettings(context, { 'kc-demo-locale': locale });
    const page = await context.newPage();
    const problems = recordProblems(page);
    await page.goto(demo.url + '#/cards');
    await page.locator('kc-card-list').waitFor();
    await page.getByRole('button', { name: ui.import, exact: true }).click();

    // The sample offered on the page is the file the person picks.
    const sample = page.locator('a[data-sample]');
    await sample.waitFor();
    const bytes = await (await fetch(new URL(String(await sample.getAttribute('href')), demo.url))).arrayBuffer();
    assert.deepEqual(Buffer.from(bytes), await readFile('examples/demo/public/sample-clients.csv'));
    const importer = page.locator('kc-import');
    const choose = async () => {
      await importer.locator('input[type=file]').setInputFiles({ name: 'клиенты.csv', mimeType: 'text/csv', buffer: Buffer.from(bytes) });
      await importer.locator('table[part=mapping]').waitFor();
      assert.equal(await importer.locator('select[data-column="0"]').inputValue(), '/general/companyName');
      assert.equal(await importer.locator('select[data-column="4"]').inputValue(), '/general/contacts/phones/0/number');
      await importer.locator('#key').selectOption({ label: ui.inn });
    };
    await choose();
    assert.deepEqual(await axeViolations(page), []);
    await importer.getByRole('button', { name: ui.check }).click();
    await importer.locator('[data-counts]', { hasText: ui.planned }).waitFor();
    await importer.locator('tr[data-line="14"]', { hasText: ui.date }).waitFor();
    await importer.locator('tr[data-line="15"]', { hasText: ui.segment }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await importer.getByRole('button', { name: ui.start }).click();
    await importer.locator('[data-result]', { hasText: ui.done }).waitFor();
    assert.deepEqual(await axeViolations(page), []);

    // The same file again: found by INN, updated, none created twice.
    await importer.getByRole('button', { name: ui.another }).click();
    await choose();
    await importer.getByRole('button', { name: ui.check }).click();
    await importer.locator('[data-counts]', { hasText: ui.again }).waitFor();
    await importer.locator('button[name=start]').click();
    await importer.locator('[data-result]', { hasText: ui.updated }).waitFor();

    // The list shows them; the export gives what it shows.
    await page.getByRole('link', { name: ui.back }).click();
    const list = page.locator('kc-card-list');
    await list.locator('input[type=search]').fill('Северный');
    await list.locator('tr[part=row]', { hasText: 'ООО «Северный ветер»' }).waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('kc-card-list')[0]?.shadowRoot?.querySelectorAll('tr[part=row]').length === 1,
    );
    const exporter = page.locator('kc-card-export');
    await exporter.locator('#format').selectOption('csv');
    const [download] = await Promise.all([page.waitForEvent('download'), exporter.locator('button[name=export]').click()]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const text = (await readFile(await download.path())).toString('utf8');
    assert.ok(text.startsWith('\ufeff'), 'CSV with a BOM for Excel');
    assert.equal(text.trim().split('\r\n').length, 2, 'header and the one card the list shows');
    assert.match(text, /ООО «Северный ветер»/);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
