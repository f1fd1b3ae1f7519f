// `migrate-files`: cards stored with inline base64 files (as older clients saved them) get their
// files moved into the file store and reference them, in a new revision; nothing is lost, a second
// run changes nothing, other tenants' cards are migrated in their own tenant. Both backends.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { card } from '@kartochka/storage/conformance';
import { migrateInlineFiles } from './migrate-files.js';
import { openTestStore, backendName } from './test-support/backend.js';
import type { CardStore } from './store.js';

const pdf = Buffer.from('%PDF-1.4\n' + 'z'.repeat(300_000) + '\n%%EOF\n');
const inline = (name: string) => ({
  name,
  type: 'application/pdf',
  size: pdf.length,
  url: `data:application/pdf;base64,${pdf.toString('base64')}`,
});

async function bytesOf(store: CardStore, fileId: string): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for (let seq = 0; ; seq++) {
    const chunk = await store.files().chunk(fileId, seq);
    if (!chunk) break;
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

describe(`migrate-files on ${backendName}`, () => {
  let store: CardStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it('moves inline files into the file store, references them in a new revision, and is idempotent', async () => {
    const now = '2026-12-01T10:00:00.000Z';
    await store.put(
      card('c-1', {
        data: {
          name: 'Acme',
          contract: { file: inline('договор.pdf') },
          scans: [{ file: { name: 'a.txt', data: Buffer.from('hello').toString('base64'), type: 'text/plain' } }],
        },
      }),
      {},
      now,
    );
    await store.put(card('c-2', { data: { name: 'Plain', link: { name: 'w.pdf', url: 'https://example.com/w.pdf' } } }), {}, now);
    await store.forTenant('globex').put(card('c-1', { data: { contract: { file: inline('globex.pdf') } } }), {}, now);

    const report = await migrateInlineFiles(store);
    assert.deepEqual(report, { cards: 2, files: 3, bytes: pdf.length * 2 + 5 });

    const c1 = (await store.get('c-1'))!;
    assert.equal(c1.revision, 2);
    assert.equal(c1.author, 'migrate-files');
    const data = c1.data as { contract: { file: Record<string, unknown> }; scans: { file: Record<string, unknown> }[] };
    assert.match(String(data.contract.file.fileId), /^f_/);
    assert.deepEqual(
      { ...data.contract.file, fileId: 'x', sha256: 'y' },
      { fileId: 'x', name: 'договор.pdf', size: pdf.length, type: 'application/pdf', sha256: 'y' },
    );
    assert.ok(!JSON.stringify(c1.data).includes('base64'), 'no inline bytes left in the card');
    assert.deepEqual(await bytesOf(store, String(data.contract.file.fileId)), pdf);
    assert.equal((await bytesOf(store, String(data.scans[0]!.file.fileId))).toString(), 'hello');
    const stored = await store.files().get(String(data.contract.file.fileId));
    assert.deepEqual([stored?.cardId, stored?.field], ['c-1', '/contract/file']);
    // The history keeps the inline value the card had.
    const history = await store.history('c-1');
    assert.match(String(history[1]!.before?.['/contract/file/url']), /^data:application\/pdf;base64,/);

    assert.equal((await store.get('c-2'))!.revision, 1, 'a card with no inline file is left alone');
    const globex = (await store.forTenant('globex').get('c-1'))!;
    const globexRef = (globex.data as { contract: { file: { fileId: string } } }).contract.file;
    assert.equal(await store.files().get(globexRef.fileId), undefined, 'stored in its own tenant');
    assert.deepEqual(await bytesOf(store.forTenant('globex'), globexRef.fileId), pdf);

    assert.deepEqual(await migrateInlineFiles(store), { cards: 0, files: 0, bytes: 0 }, 'a second run changes nothing');
  });
});
