// Work in the builder is never lost: unpublished changes are kept as a draft through the storage
// adapter (a setting per card type and user, never a card), a new visit offers to restore them,
// publishing settles the draft, and leaving the page with unpublished changes asks first. Real
// Chromium, real IndexedDB, and the real server process (where no list, card type or audit entry
// shows the draft); a user whose adapter refuses to keep it is still warned.
import './test-support/process-shim.js';
import { expect } from '@open-wc/testing';
import { ForbiddenError, IndexedDbAdapter, MemoryAdapter, RestAdapter, type StorageAdapter } from '@kartochka/storage';
import { startTestServer, type TestServer } from '../../elements/src/test-support/rest-server.js';
import './index.js';
import type { KcBuilder } from './index.js';
import { draftKey, loadDraft } from './builder/draft.js';
import { tick, until } from './test-support/interact.js';

async function builder(storage: StorageAdapter, schemaId: string, locale = 'ru'): Promise<KcBuilder> {
  const el = document.createElement('kc-builder') as KcBuilder;
  el.locale = locale;
  el.draftDelay = 20;
  el.storage = storage;
  el.schemaId = schemaId;
  document.body.append(el);
  await el.updateComplete;
  await until(
    () => el.querySelector('[data-published]')?.textContent?.includes(locale === 'ru' ? 'Загрузка' : 'Loading') === false,
    'loaded',
  );
  await el.updateComplete;
  return el;
}

const click = async (el: KcBuilder, selector: string) => {
  el.querySelector<HTMLButtonElement>(selector)!.click();
  await el.updateComplete;
  await tick(10);
};

const beforeUnloadCancelled = (): boolean => {
  const e = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
  window.dispatchEvent(e);
  return e.defaultPrevented;
};

describe('<kc-builder> keeps unpublished work', function () {
  this.timeout(60000);
  const servers: TestServer[] = [];
  afterEach(() => document.querySelectorAll('kc-builder').forEach((b) => b.remove()));
  after(async () => Promise.all(servers.map((s) => s.stop())));

  it('keeps a draft per card type and user through the adapter, offers it on the next visit, and publishing settles it', async () => {
    const name = `kc-builder-draft-${Date.now()}`;
    const storage = await IndexedDbAdapter.open({ name, user: 'anna' });
    const a = await builder(storage, 'salon');
    expect(a.hasUnpublishedChanges).to.equal(false, 'a fresh builder has nothing to lose');
    expect(beforeUnloadCancelled()).to.equal(false);
    await click(a, 'kc-builder-palette button[data-what="section"]');
    await click(a, 'kc-builder-palette button[data-what="date"]');
    expect(a.hasUnpublishedChanges).to.equal(true);
    expect(beforeUnloadCancelled()).to.equal(true, 'leaving the page asks first');
    await until(async () => (await loadDraft(storage, 'salon')) !== undefined, 'the draft is kept');
    expect(await storage.getSetting(draftKey('salon', 'anna'))).to.not.equal(undefined);
    expect((await storage.list()).total).to.equal(0, 'a draft is no card: lists and counts never see it');
    a.remove();

    // Another user of the same browser and store sees no draft of Anna's.
    const boris = await IndexedDbAdapter.open({ name, user: 'boris' });
    const b = await builder(boris, 'salon');
    expect(b.draftOffered).to.equal(undefined);
    expect(b.querySelector('[data-draft]')).to.equal(null);
    b.remove();

    // Anna comes back: the draft is offered; restoring brings her fields back.
    const again = await builder(await IndexedDbAdapter.open({ name, user: 'anna' }), 'salon');
    expect(again.querySelector('[data-draft]')?.textContent).to.contain('Сохранены неопубликованные изменения');
    expect(again.document.layout.items.length).to.equal(0, 'nothing restored before she says so');
    await click(again, 'button[name="restore-draft"]');
    expect(again.document.layout.items.length).to.equal(1);
    expect(JSON.stringify(again.document.schema)).to.contain('"format":"date"');
    expect(again.querySelector('[data-draft]')).to.equal(null);

    // Publishing settles the draft: nothing is offered next time, and nothing is unpublished.
    await again.publish();
    await click(again, 'button[name="confirm-publish"]');
    await until(() => !again.hasUnpublishedChanges, 'published');
    // The date field was never titled: it is published as «Дата» / "Date", never its key.
    const published = await storage.getSchema('salon');
    const pointer = Object.keys((published.messages as Record<string, Record<string, unknown>>).ru!).find((p) => p.endsWith('/date'))!;
    expect((published.messages as Record<string, Record<string, { title?: string }>>).ru![pointer]!.title).to.equal('Дата');
    expect((published.messages as Record<string, Record<string, { title?: string }>>).en![pointer]!.title).to.equal('Date');
    await until(async () => (await loadDraft(storage, 'salon')) === undefined, 'the draft is gone');
    expect(beforeUnloadCancelled()).to.equal(false);
    again.remove();
    const last = await builder(storage, 'salon');
    expect(last.draftOffered).to.equal(undefined);
  });

  it('discarding forgets the draft', async () => {
    const storage = await IndexedDbAdapter.open({ name: `kc-builder-discard-${Date.now()}`, user: 'anna' });
    const a = await builder(storage, 'client', 'en');
    await click(a, 'kc-builder-palette button[data-what="section"]');
    await until(async () => (await loadDraft(storage, 'client')) !== undefined, 'kept');
    a.remove();
    const b = await builder(storage, 'client', 'en');
    expect(b.querySelector('[data-draft]')?.textContent).to.contain('Unpublished changes from');
    await click(b, 'button[name="discard-draft"]');
    await until(async () => (await loadDraft(storage, 'client')) === undefined, 'forgotten');
    expect(b.document.layout.items.length).to.equal(0);
  });

  it("on the real server: an admin's draft is kept there (its type published once); an editor keeps none but is warned", async () => {
    const s = await startTestServer({ token: 'admin-token' });
    servers.push(s);
    const admin = new RestAdapter({ baseUrl: s.api, token: 'admin-token', user: 'anna', live: false });
    const a = await builder(admin, 'salon');
    await click(a, 'kc-builder-palette button[data-what="section"]');
    await until(async () => (await loadDraft(admin, 'salon')) !== undefined, 'kept on the server');
    // No card, no card type, no audit entry: the draft is the user's setting.
    expect((await admin.list()).total).to.equal(0);
    expect((await admin.listSchemas()).map((t) => t.schemaId)).to.deep.equal([]);
    const audit = (await (await fetch(`${s.api}/audit`, { headers: { Authorization: 'Bearer admin-token' } })).json()) as {
      items: unknown[];
    };
    expect(audit.items).to.deep.equal([]);
    a.remove();
    // From another browser (a fresh adapter): offered.
    const elsewhere = await builder(new RestAdapter({ baseUrl: s.api, token: 'admin-token', user: 'anna', live: false }), 'salon');
    expect(elsewhere.draftOffered).to.not.equal(undefined);
    elsewhere.remove();
  });

  it('a user who may not keep a draft (the adapter refuses the setting) is still warned before leaving', async () => {
    class EditorLike extends MemoryAdapter {
      override async putSetting(key: string): Promise<never> {
        throw new ForbiddenError(key, 'Your role may not keep settings here.');
      }
    }
    const e = await builder(new EditorLike(), 'salon');
    await click(e, 'kc-builder-palette button[data-what="section"]');
    await e.keepDraft();
    expect(await loadDraft(e.storage!, 'salon')).to.equal(undefined);
    expect(e.hasUnpublishedChanges).to.equal(true);
    expect(beforeUnloadCancelled()).to.equal(true);
  });
  it('takes no edit while a load is under way (the load would replace it), and takes them once loaded', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // A real MemoryAdapter whose version list answers only when the test says: a slow server.
    class SlowAdapter extends MemoryAdapter {
      override async listSchemaVersions(schemaId: string) {
        await gate;
        return super.listSchemaVersions(schemaId);
      }
    }
    const el = document.createElement('kc-builder') as KcBuilder;
    el.locale = 'ru';
    el.storage = new SlowAdapter();
    el.schemaId = 'slow';
    document.body.append(el);
    await el.updateComplete;
    const main = el.querySelector<HTMLElement>('.kcb-main')!;
    expect(main.inert).to.equal(true, 'inert while loading');
    expect(main.getAttribute('aria-busy')).to.equal('true');
    expect(el.querySelector<HTMLButtonElement>('button[name="publish"]')!.disabled).to.equal(true);
    release();
    await until(() => !el.querySelector<HTMLElement>('.kcb-main')!.inert, 'the load to finish');
    await click(el, 'kc-builder-palette button[data-what="section"]');
    expect(el.hasUnpublishedChanges).to.equal(true, 'an edit after the load counts');
  });
});
