// The card's duplicate warning (x-unique) in Chromium: real IndexedDB and the real REST server.
// The warning comes after a pause in typing (one lookup, not one per keystroke), names the field,
// links to the other card; a save of a duplicate is refused on the field and stores nothing.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { JsonSchemaObject } from '@kartochka/core';
import { IndexedDbAdapter, RestAdapter, type StorageAdapter } from '@kartochka/storage';
import '../index.js';
import './index.js';
import type { KcCard } from '../card/card.js';
import { settle, fieldAt, controlOf, typeInto } from '../test-support/helpers.js';
import { startTestServer } from '../test-support/rest-server.js';

const schema: JsonSchemaObject = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', title: 'Name' },
    inn: { type: 'string', title: 'INN', 'x-unique': true },
    phone: { type: 'string', format: 'phone', title: 'Phone', 'x-unique': true },
  },
};

let n = 0;
const uniq = (p: string) => `${p}-${Date.now()}-${++n}`;

/** Counts lookups on a real adapter (the adapter still answers them). */
function counting(storage: StorageAdapter): { storage: StorageAdapter; lookups: () => number } {
  let count = 0;
  const find = storage.findUnique!.bind(storage);
  storage.findUnique = (schemaId, keys) => (count++, find(schemaId, keys));
  return { storage, lookups: () => count };
}

async function cardWith(storage: StorageAdapter, recordId: string, locale = 'en') {
  const options = { localDbName: uniq('kc-local'), draftDelay: 10 };
  const card = await fixture<KcCard>(
    html`<kc-card .schema=${schema} .storage=${storage} .storageOptions=${options} record-id=${recordId} schema-id="client" locale=${locale}></kc-card>`,
  );
  await waitUntil(() => card.persistence && card.persistence.status !== 'loading' && card.persistence.status !== 'idle', 'the card loads');
  await settle(card);
  return { card, p: card.persistence! };
}

const panel = (card: KcCard) => card.shadowRoot!.querySelector('kc-storage-panel')!;
const notice = (card: KcCard) => panel(card).shadowRoot!.querySelector<HTMLElement>('[part="duplicates"]');

async function typeSlowlyEnough(card: KcCard, pointer: string, text: string) {
  const input = controlOf(fieldAt(card.shadowRoot!, pointer)!) as HTMLInputElement;
  // Keystroke by keystroke, as a user types: each one is a change.
  for (let i = 1; i <= text.length; i++) typeInto(input, text.slice(0, i));
}

function runDuplicateCases(name: string, open: () => Promise<StorageAdapter>) {
  describe(`duplicate warning: ${name}`, function () {
    // Several cards, saves and lookups against a real store on a shared CI machine: every wait is
    // on a state, but together they may outlast mocha's default 2 s.
    this.timeout(30_000);
    it('warns after a pause in typing with one lookup, names the field and links to the other card', async () => {
      const { storage, lookups } = counting(await open());
      const first = await cardWith(storage, uniq('c'));
      first.card.value = { name: 'ООО Ромашка', phone: '8 (916) 123-45-67' };
      expect(await first.p.save()).to.equal(true);
      const firstId = first.p.options!.recordId;

      const { card, p } = await cardWith(storage, uniq('c'));
      card.value = { name: 'Ромашка-2' };
      await settle(card);
      const before = lookups();
      await typeSlowlyEnough(card, '/phone', '+7 916 123 45 67');
      await waitUntil(() => notice(card) !== null, 'the warning appears', { timeout: 10000 });
      expect(lookups() - before, 'one lookup for sixteen keystrokes').to.equal(1);
      expect(notice(card)!.textContent).to.contain('Phone');
      const link = notice(card)!.querySelector<HTMLElement>('[data-id]')!;
      expect(link.dataset.id).to.equal(firstId);
      expect(link.textContent).to.contain('ООО Ромашка');
      let opened = '';
      card.addEventListener('kc-open', (e) => (opened = e.detail.id));
      link.click();
      expect(opened).to.equal(firstId);

      // Saving anyway is refused on the field; nothing is stored.
      expect(await p.save()).to.equal(false);
      expect(p.status).to.equal('duplicate');
      await settle(card);
      const field = fieldAt(card.shadowRoot!, '/phone')!;
      expect(field.shadowRoot!.textContent).to.contain('Another card already has this value');
      const stored = await storage.list({ schemaId: 'client' });
      expect(stored.items.map((r) => r.id)).to.deep.equal([firstId]);

      // A different number clears the warning after the next pause, and the card saves.
      await typeSlowlyEnough(card, '/phone', '+7 916 000 00 00');
      await waitUntil(() => notice(card) === null, 'the warning goes', { timeout: 10000 });
      expect(await p.save()).to.equal(true);
      await storage.close();
    });

    it('does not warn about the card itself, and speaks Russian', async () => {
      const { storage } = counting(await open());
      const { card, p } = await cardWith(storage, uniq('c'), 'ru');
      card.value = { name: 'ИП Иванов', inn: '7701234567' };
      expect(await p.save()).to.equal(true);
      expect((await storage.findUnique!('client', ['/inn=["7701234567"]'])).map((m) => m.title)).to.deep.equal(['ИП Иванов']);
      await typeSlowlyEnough(card, '/inn', ' 7701234567 ');
      await p.duplicates.check(true);
      expect(notice(card)).to.equal(null);
      const other = await cardWith(storage, uniq('c'), 'ru');
      other.card.value = { name: 'Другой' };
      await typeSlowlyEnough(other.card, '/inn', '7701234567');
      await waitUntil(() => notice(other.card) !== null, 'the warning appears', { timeout: 10000 });
      expect(notice(other.card)!.textContent).to.contain('уже есть');
      expect(notice(other.card)!.textContent).to.contain('Открыть «ИП Иванов»');
      await storage.close();
    });
  });
}

runDuplicateCases('IndexedDB', () => IndexedDbAdapter.open({ name: uniq('kc-dup') }));

describe('duplicate warning: the real REST server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    server = await startTestServer();
    const admin = new RestAdapter({ baseUrl: server.api });
    await admin.publishSchema({ schemaId: 'client', schema });
    await admin.close();
  });
  after(() => server.stop());
  runDuplicateCases('REST', async () => new RestAdapter({ baseUrl: server.api }));
});
