import { expect, fixture, html } from '@open-wc/testing';
import type { JsonSchemaObject, JsonValue } from '@kartochka/core';
import { IndexedDbAdapter, MemoryAdapter, UnavailableError, type StorageAdapter } from '@kartochka/storage';
import '../index.js';
import './index.js';
import type { KcCard } from '../card/card.js';
import { CardPersistence } from './card-persistence.js';
import { settle, fieldAt, controlOf, typeInto } from '../test-support/helpers.js';

const schema: JsonSchemaObject = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string' }, city: { type: 'string' }, phone: { type: 'string' } },
};

let n = 0;
const uniq = (p: string) => `${p}-${Date.now()}-${++n}`;

async function cardWith(storage: StorageAdapter, localDbName: string, recordId = 'c-1') {
  const card = await fixture<KcCard>(html`<kc-card .schema=${schema}></kc-card>`);
  const p = new CardPersistence(card);
  await p.attach({ storage, recordId, schemaId: 's', localDbName, draftDelay: 10 });
  await settle(card);
  return { card, p };
}

describe('card persistence (real IndexedDB)', () => {
  it('saves, and a new card on the same record loads it back', async () => {
    const storage = await IndexedDbAdapter.open({ name: uniq('kc-p') });
    const local = uniq('kc-local');
    const a = await cardWith(storage, local);
    expect(a.p.status).to.equal('new');
    a.card.value = { name: 'ООО Ромашка', city: 'Казань' };
    expect(await a.p.save()).to.equal(true);
    expect(a.p.status).to.equal('saved');
    const b = await cardWith(storage, local);
    expect(b.p.status).to.equal('loaded');
    expect(b.card.value).to.deep.equal({ name: 'ООО Ромашка', city: 'Казань' });
    storage.close();
  });

  it('refuses to save an invalid card and says so', async () => {
    const storage = new MemoryAdapter();
    const { card, p } = await cardWith(storage, uniq('kc-local'));
    card.value = { city: 'X' };
    expect(await p.save()).to.equal(false);
    expect(p.status).to.equal('invalid');
    expect(p.message('ru')).to.contain('Не сохранено');
  });

  it('keeps unsaved edits as a draft that a reload offers to restore', async () => {
    const storage = await IndexedDbAdapter.open({ name: uniq('kc-p') });
    const local = uniq('kc-local');
    const a = await cardWith(storage, local);
    a.card.value = { name: 'Saved' };
    await a.p.save();
    typeInto(controlOf(fieldAt(a.card.shadowRoot!, '/city')!) as HTMLInputElement, 'Typed, not saved');
    await a.p.flushDraft();
    // "Reload": a fresh card on the same record.
    const b = await cardWith(storage, local);
    expect(b.p.status).to.equal('draft-available');
    expect(b.card.value).to.deep.equal({ name: 'Saved' });
    await b.p.restoreDraft();
    expect(b.card.value).to.deep.equal({ name: 'Saved', city: 'Typed, not saved' });
    expect(await b.p.save()).to.equal(true);
    const c = await cardWith(storage, local);
    expect(c.p.draft).to.equal(undefined);
    storage.close();
  });

  it('an edit typed as soon as the card says "loaded" (while it still looks up drafts) is kept as a draft', async () => {
    const storage = await IndexedDbAdapter.open({ name: uniq('kc-p') });
    const local = uniq('kc-local');
    const a = await cardWith(storage, local);
    a.card.value = { name: 'Saved' };
    await a.p.save();
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema}></kc-card>`);
    await settle(card);
    const p = new CardPersistence(card);
    // 'loaded' is announced before the outbox and draft lookups end; type in that window.
    let typedWhile: string | undefined;
    card.addEventListener('kc-storage-status', (e) => {
      if (e.detail.status !== 'loaded' || typedWhile) return;
      typeInto(controlOf(fieldAt(card.shadowRoot!, '/city')!) as HTMLInputElement, 'Typed at once');
      typedWhile = p.status;
    });
    await p.attach({ storage, recordId: 'c-1', schemaId: 's', localDbName: local, draftDelay: 10 });
    await p.ready;
    expect(typedWhile).to.equal('loaded');
    expect(card.value).to.deep.equal({ name: 'Saved', city: 'Typed at once' });
    await p.flushDraft();
    const b = await cardWith(storage, local);
    expect(b.p.status).to.equal('draft-available');
    await b.p.restoreDraft();
    expect(b.card.value).to.deep.equal({ name: 'Saved', city: 'Typed at once' });
    storage.close();
  });

  it('a stale save is never silent: other fields merge, the same field asks', async () => {
    // A writes through an adapter that tells nobody (like another client of a server), so B only
    // finds out when it saves.
    const dbName = uniq('kc-p');
    const quiet = await IndexedDbAdapter.open({ name: dbName, broadcast: false });
    const storage = await IndexedDbAdapter.open({ name: dbName });
    const a = await cardWith(quiet, uniq('kc-local'));
    a.card.value = { name: 'Base', city: 'A', phone: '1' };
    await a.p.save();
    const b = await cardWith(storage, uniq('kc-local'));
    // A changes city and saves; B changes phone (another field) and saves: combined, not lost.
    a.card.value = { name: 'Base', city: 'B', phone: '1' };
    await a.p.save();
    b.card.value = { name: 'Base', city: 'A', phone: '2' };
    expect(await b.p.save()).to.equal(false);
    expect(b.p.status).to.equal('merged');
    expect(b.card.value).to.deep.equal({ name: 'Base', city: 'B', phone: '2' });
    expect(await b.p.save()).to.equal(true);
    // Now both change the name: B must choose.
    a.card.value = { ...(b.card.value as object), name: 'From A' } as JsonValue;
    const stale = a.p.revision;
    a.p.revision = (await storage.get('c-1')).revision;
    expect(a.p.revision).to.be.greaterThan(stale);
    await a.p.save();
    b.card.value = { ...(b.card.value as object), name: 'From B' } as JsonValue;
    expect(await b.p.save()).to.equal(false);
    expect(b.p.status).to.equal('conflict');
    expect(b.p.conflicts.map((c) => [c.path, c.local, c.remote])).to.deep.equal([['/name', 'From B', 'From A']]);
    expect(await b.p.resolve({ '/name': 'remote' })).to.equal(true);
    expect((await storage.get<Record<string, unknown>>('c-1')).data.name).to.equal('From A');
    storage.close();
    quiet.close();
  });

  it('queues saves while the backend is unavailable and sends them, in order, when it is back — across a reload', async () => {
    const inner = new MemoryAdapter();
    let down = true;
    // A narrow stand-in for an unreachable server (the REST adapter's own fault tests use the real server).
    const flaky: StorageAdapter = new Proxy(inner, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop === 'put' && typeof v === 'function') {
          return (...args: unknown[]) => (down ? Promise.reject(new UnavailableError('server', 'offline')) : v.apply(target, args));
        }
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const local = uniq('kc-local');
    const a = await cardWith(flaky, local);
    a.card.value = { name: 'Offline edit' };
    expect(await a.p.save()).to.equal(false);
    expect(a.p.status).to.equal('queued');
    expect(a.p.message('en')).to.contain('queued');
    const b = await cardWith(flaky, local);
    expect(b.p.status).to.equal('queued');
    expect(b.card.value).to.deep.equal({ name: 'Offline edit' });
    down = false;
    await b.p.flushOutbox();
    expect(b.p.status).to.equal('flushed');
    expect((await inner.get('c-1')).data).to.deep.equal({ name: 'Offline edit' });
    expect(b.p.queuedCount).to.equal(0);
  });

  it('saves on Ctrl+S', async () => {
    const storage = new MemoryAdapter();
    const { card } = await cardWith(storage, uniq('kc-local'));
    card.value = { name: 'Keyboard' };
    card.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 50));
    expect((await storage.get('c-1')).data).to.deep.equal({ name: 'Keyboard' });
  });
});

describe('<kc-card storage record-id>', () => {
  it('loads, saves with its button, and a fresh card shows the saved data', async () => {
    const storage = await IndexedDbAdapter.open({ name: uniq('kc-p') });
    await storage.put({ id: 'c-9', schemaId: 's', schemaVersion: 1, title: 'Stored', indexed: {}, data: { name: 'Stored' } });
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .storage=${storage} record-id="c-9" schema-id="s"></kc-card>`);
    await new Promise((r) => card.addEventListener('kc-storage-status', (e) => (e as CustomEvent).detail.status === 'loaded' && r(null)));
    await settle(card);
    expect(card.value).to.deep.equal({ name: 'Stored' });
    typeInto(controlOf(fieldAt(card.shadowRoot!, '/city')!) as HTMLInputElement, 'Омск');
    const button = card.shadowRoot!.querySelector('[part="save-button"]') as HTMLButtonElement;
    expect(button.textContent).to.contain('Save');
    const saved = new Promise((r) => card.addEventListener('kc-saved', r));
    button.click();
    await saved;
    await settle(card);
    const status = card.shadowRoot!.querySelector('kc-storage-panel')!.shadowRoot!.querySelector('[part="status"]')!;
    expect(status.textContent).to.contain('Saved (revision 2)');
    const again = await fixture<KcCard>(
      html`<kc-card .schema=${schema} .storage=${storage} record-id="c-9" schema-id="s" locale="ru"></kc-card>`,
    );
    await new Promise((r) => again.addEventListener('kc-storage-status', (e) => (e as CustomEvent).detail.status === 'loaded' && r(null)));
    expect(again.value).to.deep.equal({ name: 'Stored', city: 'Омск' });
    expect((await storage.history('c-9')).map((h) => h.changedPaths)).to.deep.equal([[''], ['/city']]);
    storage.close();
  });
});

describe('two tabs on the same card (BroadcastChannel)', () => {
  it("a card with no edits shows the other tab's save; one with edits is told at once", async () => {
    const name = uniq('kc-p');
    const tabA = await IndexedDbAdapter.open({ name });
    const tabB = await IndexedDbAdapter.open({ name });
    const a = await cardWith(tabA, uniq('kc-local'));
    a.card.value = { name: 'First' };
    await a.p.save();
    const b = await cardWith(tabB, uniq('kc-local'));
    expect(b.card.value).to.deep.equal({ name: 'First' });
    const refreshed = new Promise((r) =>
      b.card.addEventListener('kc-storage-status', (e) => (e as CustomEvent).detail.status === 'refreshed' && r(null)),
    );
    a.card.value = { name: 'Second' };
    await a.p.save();
    await refreshed;
    expect(b.card.value).to.deep.equal({ name: 'Second' });
    // Now B has edits of its own when A saves again.
    typeInto(controlOf(fieldAt(b.card.shadowRoot!, '/city')!) as HTMLInputElement, 'Edited in B');
    const told = new Promise((r) =>
      b.card.addEventListener('kc-storage-status', (e) => (e as CustomEvent).detail.status === 'changed-elsewhere' && r(null)),
    );
    a.card.value = { name: 'Third' };
    await a.p.save();
    await told;
    expect(b.card.value).to.deep.equal({ name: 'Second', city: 'Edited in B' });
    expect(b.p.message('en')).to.contain('another tab or another user');
    tabA.close();
    tabB.close();
  });
});
