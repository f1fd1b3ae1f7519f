// File fields offline, then online, against the real server process: a file picked while the
// network is down stays a Blob in the outbox (real IndexedDB), survives a reload, and is uploaded
// through the outbox before the save that references it; the server keeps the bytes apart from the
// card, the card holds a reference, and the field downloads and previews it. Real Chromium.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { openDB } from 'idb';
import type { JsonSchemaObject } from '@kartochka/core';
import { RestAdapter, type FileRef, type StorageAdapter } from '@kartochka/storage';
import '../index.js';
import './index.js';
import type { KcCard } from '../card/card.js';
import type { KcFileField } from '../file-field/file-field.js';
import { startTestServer, type TestServer } from '../test-support/rest-server.js';
import { fieldAt, settle } from '../test-support/helpers.js';

const until = (check: () => unknown, message?: string) => waitUntil(check as () => boolean, message, { timeout: 15000 });
const schema: JsonSchemaObject = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Name' },
    contract: { type: 'object', title: 'Contract', 'x-widget': 'file', contentMediaType: 'application/pdf', 'x-maxSize': 100_000 },
  },
};
const PDF = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
let n = 0;
const uniq = (p: string) => `${p}-${Date.now()}-${++n}`;

/** A `fetch` that fails like a dropped network while `offline` is set, and counts uploads. */
function network() {
  const state = { offline: false, uploads: 0 };
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (state.offline) throw new TypeError('Failed to fetch');
    if (init?.method === 'POST' && String(input).includes('/files?')) state.uploads++;
    return fetch(input, init);
  }) as typeof fetch;
  return { state, fetch: fetchFn };
}

function pick(w: HTMLElement, file: File) {
  const input = w.shadowRoot!.querySelector('input[type="file"]') as HTMLInputElement;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function card(storage: StorageAdapter, recordId: string, localDbName: string): Promise<KcCard> {
  const el = await fixture<KcCard>(
    html`<kc-card .schema=${schema} .storage=${storage} record-id=${recordId} schema-id="doc" locale="ru" .storageOptions=${{ localDbName, draftDelay: 10 }}></kc-card>`,
  );
  await until(() => el.persistence, 'attached');
  await el.persistence!.ready;
  await settle(el);
  return el;
}

describe('file fields offline, then online (real server, real IndexedDB)', function () {
  this.timeout(60000);
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
    await new RestAdapter({ baseUrl: server.api, live: false }).publishSchema({ schemaId: 'doc', schema });
  });
  after(() => server.stop());

  it('keeps a file picked offline as a Blob in the outbox, then uploads it before the save that references it', async () => {
    const net = network();
    const adapter = new RestAdapter({ baseUrl: server.api, user: 'anna', attempts: 1, live: false, fetch: net.fetch });
    const localDbName = uniq('kc-local-files');
    const id = uniq('c');
    let el = await card(adapter, id, localDbName);
    net.state.offline = true;
    const bytes = PDF + 'x'.repeat(2000);
    pick(fieldAt(el.shadowRoot!, '/contract')!, new File([bytes], 'договор.pdf', { type: 'application/pdf' }));
    el.value = { ...(el.value as object), name: 'Acme' };
    await settle(el);
    expect(await el.persistence!.save()).to.equal(false);
    expect(el.persistence!.status).to.equal('queued');

    // The outbox (the card's own IndexedDB) holds the file itself, as a Blob.
    const db = await openDB(localDbName);
    const queued = (await db.getAll('outbox')) as { record: { data: { contract: { blob: Blob; name: string } } } }[];
    db.close();
    expect(queued).to.have.length(1);
    const kept = queued[0]!.record.data.contract;
    expect(kept.blob).to.be.instanceOf(Blob);
    expect(await kept.blob.text()).to.equal(bytes);
    expect(net.state.uploads).to.equal(0);

    // The page is reloaded once the network is back: the card finds its queued save and sends it,
    // the file first, then the card that references it.
    el.remove();
    net.state.offline = false;
    el = await card(adapter, id, localDbName);
    await until(() => el.persistence!.queuedCount === 0 && el.persistence!.revision === 1, 'the outbox went out');
    expect(net.state.uploads).to.equal(1);
    const stored = await adapter.get<{ name: string; contract: FileRef }>(id);
    const ref = stored.data.contract;
    expect(ref.fileId).to.match(/^f_/);
    expect(ref.name).to.equal('договор.pdf');
    expect(ref.size).to.equal(bytes.length);
    expect(ref.type).to.equal('application/pdf');
    expect(ref.sha256).to.match(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored.data)).to.not.contain('xxxx');
    expect(await (await adapter.getFile(id, ref.fileId)).text()).to.equal(bytes);
  });

  it('saves online: uploads once, then the field shows name and size and downloads and previews the stored file', async () => {
    const net = network();
    const adapter = new RestAdapter({ baseUrl: server.api, user: 'anna', attempts: 1, live: false, fetch: net.fetch });
    const localDbName = uniq('kc-local-files');
    const id = uniq('c');
    let el = await card(adapter, id, localDbName);
    const bytes = PDF + 'y'.repeat(1500);
    pick(fieldAt(el.shadowRoot!, '/contract')!, new File([bytes], 'акт.pdf', { type: 'application/pdf' }));
    await settle(el);
    expect(await el.persistence!.save()).to.equal(true);
    expect(net.state.uploads).to.equal(1);
    const ref = (el.value as unknown as { contract: FileRef }).contract;
    expect(ref.fileId, 'the card now holds the reference').to.match(/^f_/);

    // Opened afresh: the field knows the file by reference only, and fetches it through the card's storage.
    el.remove();
    el = await card(adapter, id, uniq('kc-local-files'));
    const w = fieldAt(el.shadowRoot!, '/contract') as KcFileField;
    await settle(el);
    const root = w.shadowRoot!;
    expect(root.querySelector('[part="download"]')!.textContent!.trim()).to.equal('акт.pdf');
    expect(root.querySelector('.meta')!.textContent).to.match(/кБ · документ PDF/);
    expect(root.textContent).to.not.contain('application/pdf');
    (root.querySelector('[part="preview-button"]') as HTMLButtonElement).click();
    await until(() => root.querySelector('[part="preview"] iframe'), 'the PDF preview');
    const frame = root.querySelector('[part="preview"] iframe') as HTMLIFrameElement;
    expect(frame.src).to.match(/^blob:/);
    expect(await (await fetch(frame.src)).text()).to.equal(bytes);
    const link = root.querySelector('[part="download"]') as HTMLAnchorElement;
    expect(link.href).to.equal(frame.src);
    expect(link.getAttribute('download')).to.equal('акт.pdf');
  });
});
