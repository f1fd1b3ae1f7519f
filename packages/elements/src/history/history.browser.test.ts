import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { IndexedDbAdapter } from '@kartochka/storage';
import type { JsonSchemaObject, MessageCatalogue } from '@kartochka/core';
import '../index.js';
import type { KcHistory } from './history.js';

const schema: JsonSchemaObject = {
  type: 'object',
  properties: {
    general: { type: 'object', properties: { companyName: { type: 'string' }, legalForm: { type: 'string', enum: ['llc', 'jsc'] } } },
    roles: {
      type: 'object',
      properties: { people: { type: 'array', items: { type: 'object', properties: { birthday: { type: 'string', format: 'date' } } } } },
    },
    contract: { type: 'object', properties: { validUntil: { type: 'string', format: 'date', title: 'Valid until' } } },
  },
};
const messages: MessageCatalogue = {
  ru: {
    '/general': 'Общая информация',
    '/general/companyName': 'Название организации',
    '/general/legalForm': { title: 'Форма собственности', options: { llc: 'ООО', jsc: 'АО' } },
    '/roles': 'Ролевая структура',
    '/roles/people': 'Ключевые персоны',
    '/roles/people/*/birthday': 'День рождения',
    '/contract': 'Договор',
  },
  en: { '/general/companyName': 'Company name', '/general/legalForm': { title: 'Legal form', options: { llc: 'LLC', jsc: 'JSC' } } },
};

let n = 0;
async function adapterWithHistory(): Promise<IndexedDbAdapter> {
  const db = await IndexedDbAdapter.open({ name: `kc-history-test-${Date.now()}-${n++}` });
  const base = { id: 'c-1', schemaId: 'b2b', schemaVersion: 1, title: 'Ромашка', indexed: {} };
  await db.put({ ...base, data: { general: { companyName: 'Ромашка', legalForm: 'llc' } } }, { author: 'Петров' });
  await db.put(
    { ...base, data: { general: { companyName: 'Ромашка плюс', legalForm: 'jsc' }, roles: { people: [{ birthday: '1980-02-29' }] } } },
    { author: 'Кузнецова', expectedRevision: 1 },
  );
  return db;
}

const revisions = (el: KcHistory) => [...el.shadowRoot!.querySelectorAll('[part="revision"]')] as HTMLElement[];

describe('<kc-history>', () => {
  it('shows the revisions newest first, with author, time and old → new values labelled from the messages', async () => {
    const storage = await adapterWithHistory();
    const el = await fixture<KcHistory>(
      html`<kc-history .storage=${storage} record-id="c-1" .schema=${schema} .messages=${messages} locale="ru"></kc-history>`,
    );
    await waitUntil(() => revisions(el).length === 2, 'two revisions');
    const [latest, first] = revisions(el);
    expect(latest.dataset.revision).to.equal('2');
    expect(latest.textContent).to.contain('Кузнецова');
    expect(first.textContent).to.contain('Карточка создана');
    const changes = [...latest.querySelectorAll('[part="change"]')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
    expect(changes).to.include.members([
      'Общая информация › Название организации: Ромашка → стало Ромашка плюс',
      'Общая информация › Форма собственности: ООО → стало АО',
    ]);
    expect(changes.some((c) => c.startsWith('Ролевая структура'))).to.equal(true);
    const time = latest.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.match(/^\d{4}-\d{2}-\d{2}T/);
    expect(time.textContent).to.match(/\d/);
    await storage.close();
  });

  it('labels in English, falls back to schema titles, and refreshes when the card changes', async () => {
    const storage = await adapterWithHistory();
    const el = await fixture<KcHistory>(
      html`<kc-history .storage=${storage} record-id="c-1" .schema=${schema} .messages=${messages} locale="en"></kc-history>`,
    );
    await waitUntil(() => revisions(el).length === 2);
    const stored = await storage.get('c-1');
    await storage.put({ ...stored, data: { ...(stored.data as object), contract: { validUntil: '2027-04-30' } } }, { expectedRevision: 2 });
    await waitUntil(() => revisions(el).length === 3, 'refreshed by watch');
    const change = revisions(el)[0].querySelector('[part="change"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(change).to.match(/^Contract › Valid until: — → became .*2027/);
    expect(revisions(el)[1].textContent).to.contain('Company name');
    await storage.close();
  });

  it('shows a replaced file as one change, name and size, not its id, type, checksum or timestamps', async () => {
    const fileSchema: JsonSchemaObject = {
      type: 'object',
      properties: { contract: { type: 'object', properties: { file: { $ref: '#/$defs/attachment' } } } },
      $defs: { attachment: { type: 'object', 'x-widget': 'file', properties: { name: { type: 'string', title: 'Размер, байт' } } } },
    };
    const db = await IndexedDbAdapter.open({ name: `kc-history-test-${Date.now()}-${n++}` });
    const base = { id: 'c-1', schemaId: 'b2b', schemaVersion: 1, title: 'Ромашка', indexed: {} };
    const file = (fileId: string, name: string, size: number) => ({
      fileId,
      name,
      size,
      type: 'application/pdf',
      sha256: fileId.repeat(8),
      lastModified: 1746177300000,
    });
    await db.put({ ...base, data: { contract: { file: file('f_a', 'старый.pdf', 2048) } } });
    await db.put({ ...base, data: { contract: { file: file('f_b', 'новый.pdf', 3 * 1024 * 1024) } } }, { expectedRevision: 1 });
    const el = await fixture<KcHistory>(
      html`<kc-history .storage=${db} record-id="c-1" .schema=${fileSchema} .messages=${{ ru: { '/contract': 'Договор', '/contract/file': 'Копия договора' } }} locale="ru"></kc-history>`,
    );
    await waitUntil(() => revisions(el).length === 2, 'two revisions');
    const changes = [...revisions(el)[0]!.querySelectorAll('[part="change"]')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
    expect(changes, changes.join(' | ')).to.have.length(1);
    expect(changes[0]).to.match(/^Договор › Копия договора: старый\.pdf \(2 кБ\) → стало новый\.pdf \(3 МБ\)$/);
    await db.close();
  });

  it('an unknown card has an empty history; the list is accessible', async () => {
    const storage = await adapterWithHistory();
    const el = await fixture<KcHistory>(html`<kc-history .storage=${storage} record-id="nope" locale="en"></kc-history>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="status"]')?.textContent?.trim() === 'No changes yet.');
    el.recordId = 'c-1';
    await waitUntil(() => revisions(el).length === 2);
    await expect(el).to.be.accessible();
    await storage.close();
  });
});
