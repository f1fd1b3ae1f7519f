/**
 * Type tests of the public API, run by the type check (`npm run typecheck` includes tests/): the
 * README's and docs' own snippets must type-check as an app writes them, and the wrong usages
 * below must fail (`@ts-expect-error` is itself an error when the line type-checks). Never run.
 */
import '@kartochka/elements';
import '@kartochka/builder';
import { KcCard, KcChangeEvent, type KcChangeDetail } from '@kartochka/elements';
import { runWidgetConformance, drivers, type WidgetDriver } from '@kartochka/elements/testing';
import type { CardPersistence, PersistenceStatus } from '@kartochka/elements/persistence';
import type { B2BClientCard } from '@kartochka/templates';
import { b2bClientCard } from '@kartochka/templates';
import type { KcBuilder } from '@kartochka/builder';

declare const api: { save(v: unknown): void };

export function readmeSnippet(): void {
  // README "Embed a card in a plain HTML page", with the null check strict TypeScript asks for.
  const card = document.querySelector('kc-card');
  if (!card) return;
  card.schema = {
    type: 'object',
    required: ['companyName'],
    properties: {
      companyName: { type: 'string', title: 'Company name' },
      email: { type: 'string', format: 'email', title: 'Email' },
      segment: { enum: ['dealer', 'corporate', 'chain'], title: 'Segment' },
    },
  };
  card.value = { companyName: 'Acme' };
  card.addEventListener('kc-change', (e) => console.log(e.detail.path, e.detail.value));
  const { valid, errors } = card.validate();
  if (valid) console.log('save', card.value);
  else card.focusFirstInvalid();
  console.log(errors.map((e) => e.message));
  // docs/elements.md
  card.addEventListener('kc-save', (e) => api.save(e.detail.value));
  card.addEventListener('kc-storage-status', (e) => {
    const status: PersistenceStatus = e.detail.status;
    console.log(status, e.detail.message);
  });
  card.addEventListener('kc-invalid', (e) => e.detail.errors[0]?.path);
  card.addEventListener('kc-saved', (e) => e.detail.record.revision);
  const persistence: CardPersistence | undefined = card.persistence;
  console.log(persistence);

  // @ts-expect-error: `kc-change` has no `foo` in its detail
  card.addEventListener('kc-change', (e) => e.detail.foo);
  // @ts-expect-error: the card's mode is a closed set
  card.mode = 'edits';
}

export function everyTagIsTyped(): void {
  const tags = {
    card: document.createElement('kc-card'),
    money: document.createElement('kc-money-field'),
    date: document.createElement('kc-date-field'),
    table: document.createElement('kc-table-field'),
    list: document.createElement('kc-card-list'),
    panel: document.createElement('kc-storage-panel'),
    builder: document.createElement('kc-builder'),
  };
  const card: KcCard = tags.card;
  const builder: KcBuilder = tags.builder;
  tags.list.addEventListener('kc-open', (e) => e.detail.id);
  builder.addEventListener('kc-publish', (e) => e.detail.version.version);
  builder.addEventListener('kc-builder-change', (e) => e.detail.document.schema);
  console.log(card, tags.money.path, tags.date.value, tags.table.path, tags.panel);
}

export function typedData(): void {
  const card = document.querySelector('kc-card') as KcCard<B2BClientCard>;
  card.schema = b2bClientCard.schema;
  card.value = b2bClientCard.sample as B2BClientCard;
  const name: string | undefined = card.value?.general.companyName;
  console.log(name);
  card.reset({ general: { companyName: 'Acme' } } as B2BClientCard);
  // @ts-expect-error: not the shape of a B2B client card
  card.value = { general: { companyName: 42 } };
}

export function typedEvents(card: KcCard): void {
  const detail: KcChangeDetail = { path: '/general/companyName', value: 'Acme' };
  card.dispatchEvent(new KcChangeEvent(detail));
  // @ts-expect-error: a change's detail needs a path
  new KcChangeEvent({ value: 1 });
}

export function conformance(driver: WidgetDriver = drivers['kc-text-field']!): void {
  runWidgetConformance({ tag: 'app-inn-field', schema: { type: 'string' }, sample: '7707083893', other: '500100732259', driver });
  // @ts-expect-error: `sample` is required
  runWidgetConformance({ tag: 'app-inn-field', schema: { type: 'string' }, other: '1' });
}
