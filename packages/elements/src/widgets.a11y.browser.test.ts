/**
 * axe-core over a card that holds every widget: filled, then with every error shown, in both
 * languages. axe reaches into open shadow roots.
 */
import { expect, fixture, html } from '@open-wc/testing';
import 'axe-core'; // UMD: defines window.axe when loaded as a module
import type { AxeResults, RunOptions } from 'axe-core';
import type { JsonSchemaObject } from '@kartochka/core';
import './index.js';
import type { KcCard } from './card/card.js';
import { allFields, settle } from './test-support/helpers.js';
import { cities } from './test-support/cities.js';

const axe = (window as unknown as { axe: { run(ctx: Element, opts: RunOptions): Promise<AxeResults> } }).axe;
const schema: JsonSchemaObject = {
  type: 'object',
  required: ['name', 'segment', 'regions'],
  properties: {
    name: { type: 'string', title: 'Company name', minLength: 2, description: 'As in the registry' },
    email: { type: 'string', format: 'email', title: 'Email' },
    phone: { type: 'string', format: 'tel', title: 'Phone' },
    site: { type: 'string', format: 'uri', title: 'Site' },
    founded: { type: 'string', format: 'date', title: 'Founded' },
    lastCall: { type: 'string', format: 'date-time', title: 'Last call' },
    callAt: { type: 'string', format: 'time', title: 'Call at' },
    notes: { type: 'string', 'x-widget': 'textarea', title: 'Notes', maxLength: 5 },
    headcount: { type: 'integer', minimum: 0, title: 'Headcount' },
    active: { type: 'boolean', title: 'Active', const: true },
    vip: { type: 'boolean', 'x-widget': 'switch', title: 'VIP' },
    segment: { enum: ['dealer', 'corporate'], title: 'Segment' },
    city: { enum: cities, title: 'City' },
    size: { enum: ['s', 'm', 'l'], 'x-enumTitles': ['Small', 'Medium', 'Large'], 'x-widget': 'radio', title: 'Size' },
    regions: {
      type: 'array',
      title: 'Regions',
      uniqueItems: true,
      minItems: 1,
      items: { enum: ['ru', 'kz'], 'x-enumTitles': ['Russia', 'Kazakhstan'] },
    },
    tags: { type: 'array', title: 'Tags', items: { type: 'string', maxLength: 4 } },
    loyalty: { type: 'integer', minimum: 1, maximum: 5, 'x-widget': 'rating', title: 'Loyalty' },
    price: { type: 'object', title: 'Price', properties: { amount: { type: 'number', minimum: 0 }, currency: { type: 'string' } } },
    share: { type: 'number', 'x-unit': '%', minimum: 0, maximum: 100, title: 'Share' },
    potential: { type: 'number', title: 'Potential' },
    computedShare: {
      type: 'number',
      'x-unit': '%',
      title: 'Computed share',
      'x-formula': { '*': [{ '/': [{ var: '/headcount' }, { var: '/potential' }] }, 100] },
    },
    contract: { type: 'object', 'x-widget': 'file', title: 'Contract' },
    raw: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], title: 'Raw' },
  },
};

const filled = {
  name: 'ООО Ромашка',
  email: 'info@romashka.example',
  phone: '+7 495 123-45-67',
  site: 'https://romashka.example/',
  founded: '2001-05-17',
  lastCall: '2026-03-01T09:30:00.000Z',
  callAt: '10:30:00Z',
  notes: 'ok',
  headcount: 120,
  active: true,
  vip: true,
  segment: 'dealer',
  city: 'Казань',
  size: 'm',
  regions: ['ru'],
  tags: ['опт', 'VIP'],
  loyalty: 5,
  price: { amount: 1500.5, currency: 'RUB' },
  share: 12.5,
  potential: 1000,
  contract: { name: 'contract.pdf', size: 15, type: 'application/pdf', lastModified: 0, blob: new Blob(['%PDF-1.7 sample']) } as never,
  raw: ['x', 1],
};
const broken = {
  ...filled,
  name: 'A',
  email: 'nope',
  notes: 'too long',
  headcount: -1,
  active: false,
  segment: 'alien',
  city: 'Атлантида',
  size: 'xl',
  regions: [],
  tags: ['toolong'],
  price: { amount: -5, currency: 'RUB' },
  share: 150,
  raw: ['x', 'y'],
};

async function violations(card: KcCard): Promise<string[]> {
  const r = await axe.run(card, { resultTypes: ['violations'] });
  return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('axe: a card with every widget', () => {
  for (const locale of ['en', 'ru'] as const) {
    it(`has no violations when filled (${locale})`, async () => {
      const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${filled} locale=${locale}></kc-card>`);
      await settle(card);
      const tags = new Set([...allFields(card).values()].map((w) => w.localName));
      for (const tag of [
        'kc-text-field',
        'kc-email-field',
        'kc-phone-field',
        'kc-url-field',
        'kc-date-field',
        'kc-datetime-field',
        'kc-time-field',
        'kc-textarea',
        'kc-number-field',
        'kc-checkbox',
        'kc-switch',
        'kc-select',
        'kc-radio-group',
        'kc-multi-select',
        'kc-tags-field',
        'kc-rating',
        'kc-money-field',
        'kc-percent-field',
        'kc-computed-field',
        'kc-file-field',
        'kc-json-field',
      ]) {
        expect(tags.has(tag), tag).to.equal(true);
      }
      expect(await violations(card)).to.deep.equal([]);
    });

    it(`has no violations with every error shown (${locale})`, async () => {
      const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${broken} locale=${locale}></kc-card>`);
      await settle(card);
      const r = card.validate();
      expect(r.errors.length).to.be.greaterThan(10);
      await settle(card);
      const invalid = [...allFields(card).values()].filter((w) => w.shadowRoot?.querySelector('[aria-invalid="true"]'));
      expect(invalid.length).to.be.greaterThan(10);
      expect(await violations(card)).to.deep.equal([]);
    });
  }
});
