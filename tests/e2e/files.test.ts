/**
 * The contract copy of the B2B card, end to end in the demo (docs/files.md). REST mode against the
 * real server process: the seeded sample's inline contract is uploaded to the server's file store
 * and the card references it; the card shows its name and size, previews and downloads it; a new
 * copy picked in the card is uploaded before the save that references it — also when the network
 * was down at the save (the outbox sends it once it is back). IndexedDB mode: the same card links
 * its contract from the Blob kept in the browser. Real Chromium, no page errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { demoSettings, recordProblems, signInAs, storageStatus, useDemoWithServer, type Demo, type DemoUser } from './demo-server.js';
import type { ServerProcess } from '../../packages/server/src/test-support/process.js';

let demo: Demo;
let browser: Browser;
let server: ServerProcess;
const users: DemoUser[] = [{ name: 'Анна', roles: ['admin', 'master'], key: '' }];
const B2B = '#/card/b2b-client-card-sample';

useDemoWithServer(users, (d, b, s) => {
  demo = d;
  browser = b;
  server = s;
});

const status = storageStatus;
const api = async (path: string) => fetch(`${server.api}${path}`, { headers: { Authorization: `Bearer ${users[0]!.key}` } });
const storedFile = async () =>
  ((await (await api('/cards/b2b-client-card-sample')).json()) as { data: { contract: { file: Record<string, unknown> } } }).data.contract
    .file;
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n${'0'.repeat(3000)}\n%%EOF\n`);

async function openContract(page: Page) {
  await page.getByRole('tab', { name: 'Договор' }).click();
  const field = page.locator('kc-card kc-file-field[path="/contract/file"]');
  await field.waitFor();
  return field;
}

test('REST: the contract copy is a stored file — shown, previewed, downloaded, replaced online and offline', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  await demoSettings(context, { 'kc-demo-backend': 'rest' });
  await context.route('**/demo-users.json', (route) => route.fulfill({ json: users }));
  const page = await context.newPage();
  // The browser itself logs the refused first request (before sign-in) and the failed save offline.
  const problems = recordProblems(page, /status of 401|Failed to load resource|ERR_INTERNET_DISCONNECTED/);
  await page.goto(`${demo.url}?api=${encodeURIComponent(server.api)}`);
  await signInAs(page, 'Анна');
  await page.goto(`${demo.url}?api=${encodeURIComponent(server.api)}${B2B}`);
  await status(page, 'Загружено');

  // The seeded sample's inline contract went to the file store; the card holds a reference.
  const seeded = await storedFile();
  assert.match(String(seeded.fileId), /^f_/);
  assert.equal(seeded.url, undefined, 'no data: URL left in the card');
  const bytes = Buffer.from(await (await api(`/cards/b2b-client-card-sample/files/${seeded.fileId}`)).arrayBuffer());
  assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');

  const field = await openContract(page);
  const link = field.locator('a[part="download"]');
  assert.equal(await link.textContent(), 'dogovor-DP-2025-015.pdf');
  assert.match((await field.locator('.meta').textContent())!, /756\s*Б · документ PDF/);
  // Preview: the PDF in a frame, from the bytes the server sent.
  await field.locator('button[part="preview-button"]').click();
  const frame = field.locator('[part="preview"] iframe');
  await frame.waitFor();
  const previewed = await frame.evaluate(async (f: HTMLIFrameElement) => (await (await fetch(f.src)).text()).slice(0, 5));
  assert.equal(previewed, '%PDF-');
  // Download: the link gives the file under its name.
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'dogovor-DP-2025-015.pdf');
  assert.deepEqual(await readFile((await download.path())!), bytes);

  // A new copy, picked in the card and saved: uploaded, then referenced.
  const second = pdf('second copy');
  await field.locator('input[type="file"]').setInputFiles({ name: 'договор-2.pdf', mimeType: 'application/pdf', buffer: second });
  await page.keyboard.press('Control+s');
  await status(page, /Сохранено \(версия 2\)/);
  const saved = await storedFile();
  assert.notEqual(saved.fileId, seeded.fileId);
  assert.deepEqual([saved.name, saved.size, saved.type], ['договор-2.pdf', second.length, 'application/pdf']);
  assert.deepEqual(Buffer.from(await (await api(`/cards/b2b-client-card-sample/files/${saved.fileId}`)).arrayBuffer()), second);

  // Offline: the save waits in the outbox with the file; back online, both go out.
  const third = pdf('third copy, picked offline');
  await context.setOffline(true);
  await field.locator('input[type="file"]').setInputFiles({ name: 'договор-3.pdf', mimeType: 'application/pdf', buffer: third });
  await page.keyboard.press('Control+s');
  await status(page, /очеред|ожида/i);
  assert.equal((await storedFile()).name, 'договор-2.pdf', 'nothing reached the server');
  await context.setOffline(false);
  await page.waitForFunction(() => {
    const card = document.querySelector('kc-card') as unknown as { persistence?: { queuedCount: number; revision: number } };
    return card.persistence?.queuedCount === 0 && card.persistence.revision === 3;
  });
  const last = await storedFile();
  assert.equal(last.name, 'договор-3.pdf');
  assert.deepEqual(Buffer.from(await (await api(`/cards/b2b-client-card-sample/files/${last.fileId}`)).arrayBuffer()), third);

  assert.deepEqual(problems, []);
  await context.close();
});

test('IndexedDB: the contract copy links and previews from the browser, with no server', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = recordProblems(page);
  await page.goto(demo.url + B2B);
  await status(page, 'Загружено');
  const field = await openContract(page);
  const href = await field.locator('a[part="download"]').getAttribute('href');
  assert.match(href!, /^blob:/);
  await field.locator('button[part="preview-button"]').click();
  await field.locator('[part="preview"] iframe').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
