/**
 * The demo end to end, as a person uses it: open, fill, see validation, save, reload, data still
 * there — in real Chromium, with real IndexedDB, and no console errors.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
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

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

test('fill, validate, save, reload: the card comes back', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(demo.url);

  const name = page.locator('kc-text-field[path="/companyName"] input');
  await name.waitFor();
  // The native input is labelled (accessible name from its <label>), required mark included.
  await page.getByRole('textbox', { name: /^Название организации\s*\*?\s*\(обязательно\)$/ }).waitFor();

  // Validation while typing: a bad email shows its message at once.
  const email = page.locator('kc-email-field[path="/email"] input');
  await email.fill('not-an-email');
  await page.locator('kc-email-field[path="/email"] .error', { hasText: 'электронной почты' }).waitFor();
  assert.equal(await email.getAttribute('aria-invalid'), 'true');

  // Saving an invalid card is refused and focus goes to the first problem.
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.locator('#status', { hasText: 'Не сохранено' }).waitFor();

  await name.fill('ООО Ромашка');
  await email.fill('info@romashka.example');
  await page.locator('kc-number-field[path="/headcount"] input').fill('120');
  await page.locator('kc-select[path="/segment"] select').selectOption({ label: 'Дилер' });
  await page.locator('kc-text-field[path="/address/city"] input').fill('Казань');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.locator('#status', { hasText: 'Сохранено' }).waitFor();

  await page.reload();
  await page.locator('#status', { hasText: 'Загружена' }).waitFor();
  assert.equal(await page.locator('kc-text-field[path="/companyName"] input').inputValue(), 'ООО Ромашка');
  assert.equal(await page.locator('kc-text-field[path="/address/city"] input').inputValue(), 'Казань');
  const value = await page.evaluate(() => (document.querySelector('kc-card') as unknown as { value: unknown }).value);
  assert.deepEqual(value, { companyName: 'ООО Ромашка', email: 'info@romashka.example', headcount: 120, segment: 'dealer', address: { city: 'Казань' } });

  // The language switch re-labels the same card.
  await page.getByRole('button', { name: 'EN' }).click();
  await page.locator('kc-text-field[path="/companyName"] label', { hasText: 'Company name' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
