import { expect, fixture, html } from '@open-wc/testing';
import type { JsonSchemaObject } from '@kartochka/core';
import { MemoryAdapter, UnavailableError, type CardRecord, type NewOrUpdatedRecord, type PutOptions } from '@kartochka/storage';
import '../index.js';
import '../persistence/index.js';
import type { KcCard } from './card.js';
import { settle, fieldAt, controlOf, typeInto } from '../test-support/helpers.js';
import 'axe-core'; // UMD: defines window.axe when loaded as a module
import type { AxeResults, RunOptions } from 'axe-core';

const axe = (window as unknown as { axe: { run(ctx: Element, opts: RunOptions): Promise<AxeResults> } }).axe;
const axeViolations = async (el: Element) => (await axe.run(el, { resultTypes: ['violations'] })).violations.map((v) => v.id);

/** A long card: forty fields, taller than the test page's viewport. */
const schema: JsonSchemaObject = {
  type: 'object',
  required: ['f0'],
  properties: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, { type: 'string', title: `Field ${i}`, minLength: 1 }])),
};

const part = (card: KcCard, name: string) => card.shadowRoot!.querySelector(`[part~="${name}"]`) as HTMLElement | null;
const statusIs = (card: KcCard, status: string) =>
  new Promise((r) => card.addEventListener('kc-storage-status', (e) => (e as CustomEvent).detail.status === status && r(null)));

async function loadedCard(storage = new MemoryAdapter(), locale = 'en') {
  await storage.put({ id: 'c-1', schemaId: 's', schemaVersion: 1, title: 'Stored', indexed: {}, data: { f0: 'Stored' } });
  const card = await fixture<KcCard>(
    html`<kc-card .schema=${schema} .storage=${storage} record-id="c-1" schema-id="s" locale=${locale} style="display:block"></kc-card>`,
  );
  if (card.persistence?.status !== 'loaded') await statusIs(card, 'loaded');
  await settle(card);
  return { card, storage };
}

describe("the card's action bar and toasts", () => {
  it('sticks to the bottom of the viewport on a long card, marks unsaved changes, and Cancel puts them back', async () => {
    const { card } = await loadedCard();
    const bar = part(card, 'action-bar')!;
    expect(card.getBoundingClientRect().height).to.be.greaterThan(innerHeight);
    // At the top of a long card the bar is already on screen, at its bottom edge.
    window.scrollTo(0, 0);
    const b = bar.getBoundingClientRect();
    expect(b.bottom).to.be.at.most(innerHeight + 1);
    expect(b.top).to.be.greaterThan(innerHeight - 200);
    expect(part(card, 'state')!.textContent).to.contain('All changes saved');
    expect((part(card, 'cancel-button') as HTMLButtonElement).disabled).to.equal(true);

    typeInto(controlOf(fieldAt(card.shadowRoot!, '/f3')!) as HTMLInputElement, 'typed');
    await settle(card);
    expect(part(card, 'state')!.textContent).to.contain('Unsaved changes');
    expect(part(card, 'unsaved')).to.exist;
    expect(bar.hasAttribute('data-unsaved')).to.equal(true);

    (part(card, 'cancel-button') as HTMLButtonElement).click();
    await statusIs(card, 'loaded');
    await settle(card);
    expect(card.value).to.deep.equal({ f0: 'Stored' });
    expect(part(card, 'unsaved')).to.equal(null);
    expect(part(card, 'state')!.textContent).to.contain('All changes saved');
  });

  it('Save in the bar stores the card and a toast says so near the bar, in Russian', async () => {
    const { card, storage } = await loadedCard(new MemoryAdapter(), 'ru');
    typeInto(controlOf(fieldAt(card.shadowRoot!, '/f39')!) as HTMLInputElement, 'в самом низу');
    await settle(card);
    expect(part(card, 'state')!.textContent).to.contain('Есть несохранённые изменения');
    const saved = statusIs(card, 'saved');
    part(card, 'save-button')!.click();
    await saved;
    await settle(card);
    expect((await storage.get('c-1')).data).to.deep.equal({ f0: 'Stored', f39: 'в самом низу' });
    const toast = part(card, 'toast')!;
    expect(toast.textContent).to.contain('Сохранено (версия 2)');
    expect(toast.dataset.tone).to.equal('success');
    expect(toast.getAttribute('aria-hidden')).to.equal('true');
    const t = toast.getBoundingClientRect();
    expect(t.bottom).to.be.at.most(innerHeight);
    expect(t.top).to.be.greaterThan(innerHeight / 2);
    expect(part(card, 'state')!.textContent).to.contain('Все изменения сохранены');
    expect(await axeViolations(card)).to.deep.equal([]);
  });

  it('a save refused for invalid data and one queued offline each get their toast', async () => {
    class Offline extends MemoryAdapter {
      offline = false;
      override put<T>(record: NewOrUpdatedRecord<T>, options?: PutOptions): Promise<CardRecord<T>> {
        if (this.offline) return Promise.reject(new UnavailableError('server', 'offline'));
        return super.put(record, options);
      }
    }
    const storage = new Offline();
    const { card } = await loadedCard(storage);
    typeInto(controlOf(fieldAt(card.shadowRoot!, '/f0')!) as HTMLInputElement, '');
    await settle(card);
    const invalid = statusIs(card, 'invalid');
    part(card, 'save-button')!.click();
    await invalid;
    await settle(card);
    expect(part(card, 'toast')!.dataset.tone).to.equal('error');
    expect(part(card, 'state')!.textContent).to.contain('Not saved');
    expect(part(card, 'show-problem')).to.exist;

    typeInto(controlOf(fieldAt(card.shadowRoot!, '/f0')!) as HTMLInputElement, 'Back');
    storage.offline = true;
    const queued = statusIs(card, 'queued');
    part(card, 'save-button')!.click();
    await queued;
    await settle(card);
    expect(part(card, 'toast')!.textContent).to.contain('queued on this device');
    expect(part(card, 'state')!.textContent).to.contain('Waiting to be sent');
    expect(part(card, 'unsaved')).to.equal(null);
  });
});
