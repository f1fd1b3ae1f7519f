// Local drafts and the outbox belong to one server and one user (issue 12): keyed by the adapter's
// stable id + the signed-in user; 401 means "sign in again"; a queued save that meets a conflict
// while another card is open is held, not dropped; sign-out clears a user's data; without
// IndexedDB the card still loads and saves. Real Chromium, real IndexedDB, the real server process.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { JsonSchemaObject } from '@kartochka/core';
import { IndexedDbAdapter, MemoryAdapter, NotFoundError, RestAdapter, UnavailableError, type StorageAdapter } from '@kartochka/storage';
import '../index.js';
import { clearLocalData, pendingLocalData } from './index.js';
import type { KcCard } from '../card/card.js';
import { startTestServer, type TestServer } from '../test-support/rest-server.js';
import { settle } from '../test-support/helpers.js';

/** Waits for a state, generously: the machine is shared and busy. */
const until = (check: () => unknown, message?: string) => waitUntil(check as () => boolean, message, { timeout: 15000 });
const schema: JsonSchemaObject = { type: 'object', required: ['name'], properties: { name: { type: 'string' }, city: { type: 'string' } } };
let n = 0;
const uniq = (p: string) => `${p}-${Date.now()}-${++n}`;
const rec = (id: string, name: string) => ({ id, schemaId: 's', schemaVersion: 1, title: name, indexed: {}, data: { name } });
const bearer = (token: string) => () => ({ Authorization: `Bearer ${token}` });
const missing = (s: StorageAdapter, id: string) =>
  s.get(id).then(
    () => false,
    (e: unknown) => e instanceof NotFoundError,
  );

async function card(storage: StorageAdapter, recordId: string, localDbName: string): Promise<KcCard> {
  const el = await fixture<KcCard>(
    html`<kc-card .schema=${schema} .storage=${storage} record-id=${recordId} schema-id="s" .storageOptions=${{ localDbName, draftDelay: 10 }}></kc-card>`,
  );
  await until(() => el.persistence, 'attached');
  await el.persistence!.ready;
  await settle(el);
  return el;
}

async function point(el: KcCard, storage: StorageAdapter, recordId: string): Promise<void> {
  el.storage = storage;
  el.recordId = recordId;
  await el.updateComplete;
  await el.persistence!.ready;
}

describe('drafts and queued saves belong to one server and one user (real server)', function () {
  this.timeout(60000);
  const servers: TestServer[] = [];
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });
  const server = async (token?: string) => {
    const s = await startTestServer({ token, publish: ['s'] });
    servers.push(s);
    return s;
  };

  it("Alice's save queued for server A is never sent to server B under Bob's name; it reaches A once Alice is back on A", async () => {
    const [a, b] = await Promise.all([server(), server()]);
    const local = uniq('kc-local');
    const alice = new RestAdapter({ baseUrl: a.api, user: 'alice', attempts: 1, live: false });
    const bob = new RestAdapter({ baseUrl: b.api, user: 'bob', attempts: 1, live: false });
    expect(alice.id).not.to.equal(bob.id);
    const el = await card(alice, 'c-1', local);
    await a.faults({ fail: 100, failStatus: 503 });
    el.value = { name: 'Alice wrote this' };
    expect(await el.save()).to.equal(false);
    expect(el.persistence!.status).to.equal('queued');
    await point(el, bob, 'c-1');
    await el.persistence!.flushOutbox();
    expect(el.persistence!.queuedCount).to.equal(0, "Bob's outbox holds nothing of Alice's");
    expect(await missing(bob, 'c-1')).to.equal(true, 'nothing reached server B');
    expect(el.value).to.equal(undefined, "Alice's data is not shown to Bob");
    await a.faults({});
    await point(el, alice, 'c-1');
    await until(async () => !(await missing(alice, 'c-1')), 'sent to A');
    const stored = await alice.get<{ name: string }>('c-1');
    expect(stored.data.name).to.equal('Alice wrote this');
  });

  it('a draft is offered only to the user and server it was typed for', async () => {
    const a = await server();
    const local = uniq('kc-local');
    const alice = new RestAdapter({ baseUrl: a.api, user: 'alice', live: false });
    const bob = new RestAdapter({ baseUrl: a.api, user: 'bob', live: false });
    await alice.put(rec('c-2', 'Stored'));
    const el = await card(alice, 'c-2', local);
    el.value = { name: 'Stored', city: 'Draft of Alice' };
    el.dispatchEvent(new CustomEvent('kc-change'));
    await el.persistence!.flushDraft();
    await point(el, bob, 'c-2');
    expect(el.persistence!.draft).to.equal(undefined);
    const again = await card(new RestAdapter({ baseUrl: a.api, user: 'alice', live: false }), 'c-2', local);
    expect(again.persistence!.status).to.equal('draft-available');
  });

  it('a 401 says "sign in again", keeps the save queued for that user, and never sends it with another user\'s credentials', async () => {
    const s = await server('good-token');
    const local = uniq('kc-local');
    const expired = new RestAdapter({ baseUrl: s.api, user: 'alice', headers: bearer('expired'), live: false });
    const el = await card(expired, 'c-3', local);
    el.value = { name: 'Alice, before her token expired' };
    expect(await el.save()).to.equal(false);
    expect(el.persistence!.status).to.equal('unauthorized');
    expect(el.persistence!.message('en')).to.contain('sign in again');
    expect(el.persistence!.message('ru')).to.contain('войти снова');
    expect(el.persistence!.queuedCount).to.equal(1);
    // Opening a card with refused credentials says the same, not "failed".
    const reopened = await card(new RestAdapter({ baseUrl: s.api, user: 'alice', headers: bearer('expired'), live: false }), 'c-3', local);
    expect(reopened.persistence!.status).to.equal('unauthorized');
    // Bob signs in on this browser with valid credentials: Alice's save stays where it is.
    const bob = new RestAdapter({ baseUrl: s.api, user: 'bob', headers: bearer('good-token'), live: false });
    await point(el, bob, 'c-3');
    await el.persistence!.flushOutbox();
    expect(await missing(bob, 'c-3')).to.equal(true);
    expect(await pendingLocalData({ user: 'alice', localDbName: local })).to.deep.equal({ drafts: 0, queued: 1 });
    // Alice signs in again: her save goes out with her credentials.
    const alice = new RestAdapter({ baseUrl: s.api, user: 'alice', headers: bearer('good-token'), live: false });
    await point(el, alice, 'c-3');
    await until(async () => !(await missing(bob, 'c-3')), 'sent once Alice is back');
    expect((await bob.get<{ name: string }>('c-3')).data.name).to.equal('Alice, before her token expired');
  });

  it("sign-out clears that user's drafts and queued saves, and only theirs", async () => {
    const a = await server();
    const local = uniq('kc-local');
    const alice = new RestAdapter({ baseUrl: a.api, user: 'alice', attempts: 1, live: false });
    const bob = new RestAdapter({ baseUrl: a.api, user: 'bob', attempts: 1, live: false });
    await a.faults({ fail: 100, failStatus: 503 });
    const el = await card(alice, 'c-4', local);
    el.value = { name: 'Alice queued' };
    await el.save();
    await point(el, bob, 'c-5');
    el.value = { name: 'Bob queued' };
    await el.save();
    expect(await pendingLocalData({ user: 'alice', localDbName: local })).to.deep.equal({ drafts: 0, queued: 1 });
    expect(await clearLocalData({ user: 'alice', localDbName: local })).to.deep.equal({ drafts: 0, queued: 1 });
    expect(await pendingLocalData({ user: 'alice', localDbName: local })).to.deep.equal({ drafts: 0, queued: 0 });
    expect(await pendingLocalData({ user: 'bob', storage: bob, localDbName: local })).to.deep.equal({ drafts: 0, queued: 1 });
    expect(() => clearLocalData({} as never)).to.throw(TypeError, /user/);
    await a.faults({});
  });
});

describe('a queued save that meets a conflict while another card is open', function () {
  this.timeout(60000);
  it('is kept, the open card says so, and opening it shows the field-by-field choice', async () => {
    const name = uniq('kc-scope');
    const idb = await IndexedDbAdapter.open({ name });
    const other = await IndexedDbAdapter.open({ name, broadcast: false });
    await idb.put(rec('X', 'X original'));
    await idb.put(rec('Y', 'Y'));
    let down = true;
    const flaky = new Proxy(idb, {
      get(target, prop) {
        const v = Reflect.get(target, prop);
        if (prop === 'put')
          return (...a: unknown[]) =>
            down ? Promise.reject(new UnavailableError('s', 'offline')) : (v as (...x: unknown[]) => unknown).apply(target, a);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }) as StorageAdapter;
    const local = uniq('kc-local');
    const el = await card(flaky, 'X', local);
    el.value = { name: 'X mine' };
    expect(await el.save()).to.equal(false);
    expect(el.persistence!.status).to.equal('queued');
    el.recordId = 'Y';
    await until(() => el.persistence!.status === 'queued' || el.persistence!.status === 'loaded');
    // Meanwhile someone else saves X; then the connection is back and the outbox goes out.
    await other.put(rec('X', 'X theirs'), { expectedRevision: 1 });
    down = false;
    await el.persistence!.flushOutbox();
    expect(el.persistence!.status).to.equal('held-elsewhere');
    expect(el.persistence!.message('en')).to.contain('X mine');
    expect(el.persistence!.heldElsewhere).to.deep.equal([{ id: 'X', title: 'X mine' }]);
    expect((await idb.get('X')).data).to.deep.equal({ name: 'X theirs' }, 'not overwritten');
    // Open X: the held save is shown as a conflict to resolve.
    el.recordId = 'X';
    await until(() => el.persistence!.status === 'queued-conflict', 'conflict shown on X');
    expect(el.persistence!.conflicts.map((c) => [c.path, c.local, c.remote])).to.deep.equal([['/name', 'X mine', 'X theirs']]);
    expect(el.persistence!.message('ru')).to.contain('отложенное');
    expect(await el.persistence!.resolve({ '/name': 'local' })).to.equal(true);
    expect((await idb.get('X')).data).to.deep.equal({ name: 'X mine' });
    expect(await pendingLocalData({ user: '', localDbName: local })).to.deep.equal({ drafts: 0, queued: 0 });
    idb.close();
    other.close();
  });
});

describe('without IndexedDB (private modes, some iframes)', function () {
  this.timeout(60000);
  it('the card still loads and saves, and says drafts are off', async () => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function () {
      throw new DOMException('IndexedDB is disabled here', 'InvalidStateError');
    };
    try {
      const storage = new MemoryAdapter();
      await storage.put(rec('c-1', 'Stored'));
      const el = await card(storage, 'c-1', uniq('kc-local'));
      expect(el.value).to.deep.equal({ name: 'Stored' });
      expect(el.persistence!.draftsPersistent).to.equal(false);
      const panel = el.shadowRoot!.querySelector('kc-storage-panel')!;
      await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      expect(panel.shadowRoot!.querySelector('[part="drafts-off"]')!.textContent).to.contain('Drafts are off');
      el.value = { name: 'Saved anyway' };
      expect(await el.save()).to.equal(true);
      expect((await storage.get('c-1')).data).to.deep.equal({ name: 'Saved anyway' });
    } finally {
      IDBFactory.prototype.open = open;
    }
  });
});
