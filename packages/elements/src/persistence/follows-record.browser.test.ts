// Persistence follows the record it is pointed at (issue 12): late loads are dropped, per-record
// state resets, clearing storage/record-id detaches, a DOM move keeps watching and sending.
// Real Chromium, real IndexedDB.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { JsonSchemaObject } from '@kartochka/core';
import { IndexedDbAdapter, MemoryAdapter, UnavailableError, type CardRecord, type StorageAdapter } from '@kartochka/storage';
import '../index.js';
import './index.js';
import type { KcCard } from '../card/card.js';
import { CardDetachedError } from './card-persistence.js';
import { controlOf, fieldAt, settle, typeInto } from '../test-support/helpers.js';

/** Waits for a state, generously: the machine is shared and busy. */
const until = (check: () => unknown, message?: string) => waitUntil(check as () => boolean, message, { timeout: 15000 });
const schema: JsonSchemaObject = { type: 'object', required: ['name'], properties: { name: { type: 'string' }, city: { type: 'string' } } };
let n = 0;
const uniq = (p: string) => `${p}-${Date.now()}-${++n}`;
const rec = (id: string, name: string) => ({ id, schemaId: 's', schemaVersion: 1, title: name, indexed: {}, data: { name } });
const macrotask = () => new Promise((r) => setTimeout(r));

/** Holds `get(id)` of one record until released: a slow answer for that card. */
function slowGet(inner: StorageAdapter, slowId: string) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let answered!: () => void;
  const done = new Promise<void>((r) => (answered = r));
  const storage = new Proxy(inner, {
    get(target, prop) {
      const v = Reflect.get(target, prop);
      if (prop === 'get') {
        return async (id: string) => {
          const result = await (v as StorageAdapter['get']).call(target, id);
          if (id === slowId) {
            await gate;
            queueMicrotask(answered);
          }
          return result;
        };
      }
      return typeof v === 'function' ? v.bind(target) : v;
    },
  }) as StorageAdapter;
  return { storage, release, done };
}

/** An adapter whose writes fail as "unreachable" while `down` is true. */
function flaky(inner: StorageAdapter) {
  const state = { down: true, puts: 0 };
  const storage = new Proxy(inner, {
    get(target, prop) {
      const v = Reflect.get(target, prop);
      if (prop === 'put') {
        return (...args: unknown[]) => {
          state.puts++;
          return state.down
            ? Promise.reject(new UnavailableError('server', 'offline'))
            : (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof v === 'function' ? v.bind(target) : v;
    },
  }) as StorageAdapter;
  return { storage, state };
}

async function card(storage: StorageAdapter, recordId: string, localDbName: string): Promise<KcCard> {
  const el = await fixture<KcCard>(
    html`<kc-card .schema=${schema} .storage=${storage} record-id=${recordId} schema-id="s" .storageOptions=${{ localDbName, draftDelay: 10 }}></kc-card>`,
  );
  await until(() => el.persistence, 'attached');
  await el.persistence!.ready;
  await settle(el);
  return el;
}

const saveButton = (el: KcCard) => el.shadowRoot!.querySelector('[part="save-button"]');

describe('persistence follows the record it is pointed at', function () {
  this.timeout(60000);
  it('a slow load of A that ends after B was attached is dropped: B keeps its data and revision, and saves onto B', async () => {
    const idb = await IndexedDbAdapter.open({ name: uniq('kc-follow') });
    await idb.put(rec('A', 'Alpha'));
    await idb.put({ ...rec('A', 'Alpha 2') }, { expectedRevision: 1 });
    await idb.put({ ...rec('A', 'Alpha 3') }, { expectedRevision: 2 });
    await idb.put(rec('B', 'Beta'));
    const slow = slowGet(idb, 'A');
    const el = await fixture<KcCard>(
      html`<kc-card .schema=${schema} .storage=${slow.storage} record-id="A" schema-id="s" .storageOptions=${{ localDbName: uniq('kc-local') }}></kc-card>`,
    );
    el.recordId = 'B';
    await until(() => el.persistence?.status === 'loaded' && (el.value as { name?: string })?.name === 'Beta', 'B loaded');
    slow.release();
    await slow.done;
    await macrotask();
    await settle(el);
    expect(el.value).to.deep.equal({ name: 'Beta' });
    expect(el.persistence!.revision).to.equal(1);
    expect(el.persistence!.status).to.equal('loaded');
    typeInto(controlOf(fieldAt(el.shadowRoot!, '/city')!) as HTMLInputElement, 'Казань');
    expect(await el.save()).to.equal(true);
    expect((await idb.get('B')).data).to.deep.equal({ name: 'Beta', city: 'Казань' });
    expect((await idb.get('A')).revision).to.equal(3);
    expect((await idb.get('A')).data).to.deep.equal({ name: 'Alpha 3' });
    idb.close();
  });

  it('a draft of A is not offered on B (and Restore + Save cannot write it into B); A still offers it', async () => {
    const idb = await IndexedDbAdapter.open({ name: uniq('kc-follow') });
    await idb.put(rec('A', 'Alpha'));
    await idb.put(rec('B', 'Beta'));
    const local = uniq('kc-local');
    const el = await card(idb, 'A', local);
    typeInto(controlOf(fieldAt(el.shadowRoot!, '/city')!) as HTMLInputElement, 'Draft of A');
    await el.persistence!.flushDraft();
    // Reload A: the draft is offered.
    el.recordId = 'X';
    await until(() => el.persistence?.status === 'new');
    el.recordId = 'A';
    await until(() => el.persistence?.status === 'draft-available', 'draft of A offered on A');
    // Now B: nothing of A.
    el.recordId = 'B';
    await until(() => el.persistence?.status === 'loaded');
    await settle(el);
    expect(el.persistence!.draft).to.equal(undefined);
    expect(el.value).to.deep.equal({ name: 'Beta' });
    const panel = el.shadowRoot!.querySelector('kc-storage-panel')!;
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(panel.shadowRoot!.textContent).not.to.contain('Restore');
    await el.persistence!.restoreDraft();
    expect(await el.save()).to.equal(true);
    expect((await idb.get('B')).data).to.deep.equal({ name: 'Beta' });
    idb.close();
  });

  it('a conflict on A does not follow the card to B', async () => {
    const name = uniq('kc-follow');
    const idb = await IndexedDbAdapter.open({ name });
    // Another client that tells nobody: the card finds out only when it saves.
    const quiet = await IndexedDbAdapter.open({ name, broadcast: false });
    await idb.put(rec('A', 'Alpha'));
    await idb.put(rec('B', 'Beta'));
    const el = await card(idb, 'A', uniq('kc-local'));
    await quiet.put(rec('A', 'Changed elsewhere'), { expectedRevision: 1 });
    el.value = { name: 'Mine' };
    expect(await el.save()).to.equal(false);
    expect(el.persistence!.conflicts.length).to.equal(1);
    el.recordId = 'B';
    await until(() => el.persistence?.status === 'loaded');
    expect(el.persistence!.conflicts).to.deep.equal([]);
    expect(await el.persistence!.resolve({ '/name': 'local' })).to.equal(false);
    expect(el.value).to.deep.equal({ name: 'Beta' });
    idb.close();
    quiet.close();
  });

  it("moving from a stored card to a new id starts empty, not with the other card's data", async () => {
    const storage = new MemoryAdapter();
    await storage.put(rec('A', 'Alpha'));
    const el = await card(storage, 'A', uniq('kc-local'));
    el.recordId = 'fresh';
    await until(() => el.persistence?.status === 'new');
    expect(el.value).to.equal(undefined);
  });

  it('after edits on A, B loads clean: not dirty, nothing touched, no errors shown (a load, not a controlled write)', async () => {
    const storage = new MemoryAdapter();
    await storage.put(rec('A', 'Alpha'));
    await storage.put(rec('B', 'Beta'));
    const el = await card(storage, 'A', uniq('kc-local'));
    const name = () => controlOf(fieldAt(el.shadowRoot!, '/name')!) as HTMLInputElement;
    typeInto(name(), '');
    await settle(el);
    expect(el.matches(':state(dirty)')).to.equal(true);
    el.recordId = 'B';
    await until(() => el.persistence?.status === 'loaded' && name().value === 'Beta', 'B loaded');
    await settle(el);
    expect(el.matches(':state(dirty)'), 'B is not dirty').to.equal(false);
    expect(el.controller!.pristine).to.equal(true);
    expect(fieldAt(el.shadowRoot!, '/name')!.matches(':state(dirty)')).to.equal(false);
  });

  it('clearing record-id or storage detaches: no Save button, save() rejects, watching stops', async () => {
    const name = uniq('kc-follow');
    const idb = await IndexedDbAdapter.open({ name });
    const other = await IndexedDbAdapter.open({ name });
    await idb.put(rec('A', 'Alpha'));
    const el = await card(idb, 'A', uniq('kc-local'));
    expect(saveButton(el)).to.not.equal(null);
    el.recordId = '';
    await until(() => el.persistence?.status === 'detached');
    await settle(el);
    expect(saveButton(el)).to.equal(null);
    const err = await el.save().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(CardDetachedError);
    expect(el.persistence!.message('ru')).to.contain('не связана с хранилищем');
    // Another tab saves A: a detached card neither reloads nor reports it.
    const statuses: string[] = [];
    el.addEventListener('kc-storage-status', (e) => statuses.push((e as CustomEvent).detail.status));
    await other.put(rec('A', 'Elsewhere'), { expectedRevision: 1 });
    await until(async () => (await idb.get('A')).revision === 2);
    await macrotask();
    expect(statuses).to.deep.equal([]);
    // And storage cleared detaches too; setting both again attaches.
    el.recordId = 'A';
    await until(() => el.persistence?.status === 'loaded');
    expect(el.value).to.deep.equal({ name: 'Elsewhere' });
    el.storage = undefined;
    await until(() => el.persistence?.status === 'detached');
    await el.save().then(
      () => expect.fail('should reject'),
      (e: unknown) => expect(e).to.be.instanceOf(CardDetachedError),
    );
    idb.close();
    other.close();
  });

  it('a detached card stops its outbox; attached again, it sends', async () => {
    const inner = new MemoryAdapter();
    const f = flaky(inner);
    const el = await card(f.storage, 'A', uniq('kc-local'));
    el.value = { name: 'Offline' };
    expect(await el.save()).to.equal(false);
    expect(el.persistence!.status).to.equal('queued');
    el.recordId = '';
    await until(() => el.persistence?.status === 'detached');
    f.state.down = false;
    const before = f.state.puts;
    window.dispatchEvent(new Event('online'));
    await el.persistence!.flushOutbox();
    expect(f.state.puts).to.equal(before, 'nothing sent while detached');
    el.recordId = 'A';
    await until(async () => (await inner.get('A').catch(() => null))?.data !== undefined, 'sent once attached again');
    expect((await inner.get('A')).data).to.deep.equal({ name: 'Offline' });
  });

  it('moved in the DOM, the card keeps watching its record and sending its outbox', async () => {
    const name = uniq('kc-follow');
    const idb = await IndexedDbAdapter.open({ name });
    const other = await IndexedDbAdapter.open({ name });
    await idb.put(rec('A', 'Alpha'));
    const el = await card(idb, 'A', uniq('kc-local'));
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    const refreshed = new Promise((r) =>
      el.addEventListener('kc-storage-status', (e) => (e as CustomEvent).detail.status === 'refreshed' && r(null)),
    );
    await other.put(rec('A', 'From another tab'), { expectedRevision: 1 });
    await refreshed;
    expect(el.value).to.deep.equal({ name: 'From another tab' });

    const f = flaky(new MemoryAdapter());
    el.storage = f.storage;
    el.recordId = 'Q';
    await until(() => el.persistence?.status === 'new');
    el.value = { name: 'Queued' };
    expect(await el.save()).to.equal(false);
    el.remove();
    f.state.down = false;
    parent.append(el);
    await until(() => el.persistence?.status === 'flushed', 'reconnected card sends what waits');
    expect((await f.storage.get('Q')).data).to.deep.equal({ name: 'Queued' });
    idb.close();
    other.close();
  });
});

describe('<kc-history> and <kc-card-list> follow their target too', function () {
  this.timeout(60000);
  it('a slow history of A arriving after record-id became B is dropped', async () => {
    const idb = await IndexedDbAdapter.open({ name: uniq('kc-follow') });
    await idb.put(rec('A', 'Alpha'));
    await idb.put(rec('A', 'Alpha 2'), { expectedRevision: 1 });
    await idb.put(rec('B', 'Beta'));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let answered!: () => void;
    const done = new Promise<void>((r) => (answered = r));
    const storage = new Proxy(idb, {
      get(target, prop) {
        const v = Reflect.get(target, prop);
        if (prop === 'history') {
          return async (id: string) => {
            const h = await target.history(id);
            if (id === 'A') {
              await gate;
              queueMicrotask(answered);
            }
            return h;
          };
        }
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }) as StorageAdapter;
    const el = await fixture<HTMLElement & { recordId: string }>(
      html`<kc-history .storage=${storage} record-id="A" locale="en"></kc-history>`,
    );
    el.recordId = 'B';
    const revisions = () => [...el.shadowRoot!.querySelectorAll('[part="revision"]')];
    await until(() => revisions().length === 1, 'B has one revision');
    release();
    await done;
    await macrotask();
    expect(revisions().length).to.equal(1);
    idb.close();
  });

  it('a list moved in the DOM keeps following changes', async () => {
    const storage = new MemoryAdapter();
    await storage.put(rec('A', 'Alpha') as CardRecord);
    const el = await fixture<HTMLElement>(html`<kc-card-list .storage=${storage} search-delay="0" locale="en"></kc-card-list>`);
    const rows = () => el.shadowRoot!.querySelectorAll('tbody tr').length;
    await until(() => rows() === 1);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await storage.put(rec('B', 'Beta'));
    await until(() => rows() === 2, 'the moved list saw the new card');
  });
});
