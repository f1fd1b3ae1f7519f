import { expect, fixture, html } from '@open-wc/testing';
import type { JsonSchemaObject } from '@kartochka/core';
import '../index.js';
import type { KcCard, KcChangeDetail } from './card.js';
import { allFields, controlOf, fieldAt, mount, settle, typeInto, unmountAll } from '../test-support/helpers.js';

const schema: JsonSchemaObject = {
  type: 'object',
  required: ['companyName'],
  properties: {
    companyName: { type: 'string', title: 'Company name', minLength: 2 },
    email: { type: 'string', format: 'email', title: 'Email' },
    segment: { enum: ['dealer', 'corporate'], title: 'Segment' },
    headcount: { type: 'integer', minimum: 0, title: 'Headcount' },
    contractDate: { type: 'string', format: 'date', title: 'Contract date' },
    address: { type: 'object', title: 'Address', properties: { city: { type: 'string', title: 'City' }, 'a/b': { type: 'string' } } },
    tuple: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] },
  },
};

async function makeCard(value: unknown = {}, locale = 'en'): Promise<KcCard> {
  const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${value} locale=${locale}></kc-card>`);
  await settle(card);
  return card;
}

describe('<kc-card>', () => {
  afterEach(unmountAll);
  it('renders one widget per field, each with its JSON Pointer and a native control inside', async () => {
    const card = await makeCard();
    const fields = allFields(card);
    for (const p of ['/companyName', '/email', '/segment', '/headcount', '/contractDate', '/address/city', '/address/a~1b']) {
      expect(fields.has(p), p).to.equal(true);
    }
    expect(fields.get('/email')!.localName).to.equal('kc-email-field');
    expect(fields.get('/contractDate')!.localName).to.equal('kc-date-field');
    expect(fields.get('/segment')!.localName).to.equal('kc-select');
    expect(controlOf(fields.get('/address/city')!).localName).to.equal('input');
  });

  it('labels every native control', async () => {
    const card = await makeCard();
    for (const [p, w] of allFields(card)) {
      const control = w.shadowRoot!.querySelector('input, select, textarea') as HTMLInputElement | null;
      if (!control) continue;
      expect(control.labels?.length ?? 0, `label for ${p}`).to.be.greaterThan(0);
    }
  });

  it('fires kc-change with a JSON Pointer and the value, and keeps the edit', async () => {
    const card = await makeCard({ companyName: 'Acme', extra: { kept: true } });
    const events: KcChangeDetail[] = [];
    card.addEventListener('kc-change', (e) => events.push((e as CustomEvent<KcChangeDetail>).detail));
    typeInto(controlOf(fieldAt(card.shadowRoot!, '/address/city')!) as HTMLInputElement, 'Omsk');
    expect(events).to.deep.equal([{ path: '/address/city', value: 'Omsk' }]);
    expect(card.value).to.deep.equal({ companyName: 'Acme', extra: { kept: true }, address: { city: 'Omsk' } });
  });

  it('a keystroke re-renders only its own field', async () => {
    const card = await makeCard({ companyName: 'Acme' });
    const counts = new Map<string, number>();
    for (const [p, el] of allFields(card)) {
      const lit = el as unknown as { update(changed: unknown): void };
      const original = lit.update.bind(lit);
      counts.set(p, 0);
      lit.update = (changed: unknown) => {
        counts.set(p, counts.get(p)! + 1);
        original(changed);
      };
    }
    const name = controlOf(fieldAt(card.shadowRoot!, '/companyName')!) as HTMLInputElement;
    typeInto(name, 'Acme Ltd');
    await settle(card);
    const updated = [...counts].filter(([, n]) => n > 0).map(([p]) => p);
    expect(updated).to.deep.equal(['/companyName']);
  });

  it('a keystroke written back as `value` (controlled use) re-renders only that field, once', async () => {
    const card = await makeCard({ companyName: 'Acme', address: { city: 'Omsk' } });
    card.addEventListener('kc-change', () => (card.value = structuredClone(card.value)));
    const counts = new Map<string, number>();
    const all = [
      ...allFields(card),
      ['card', card] as const,
      ...[...card.shadowRoot!.querySelectorAll('kc-section')].map((s, i) => [`section ${i}`, s] as const),
    ];
    for (const [p, el] of all) {
      const lit = el as unknown as { update(changed: unknown): void };
      const original = lit.update.bind(lit);
      counts.set(p, 0);
      lit.update = (changed: unknown) => {
        counts.set(p, counts.get(p)! + 1);
        original(changed);
      };
    }
    typeInto(controlOf(fieldAt(card.shadowRoot!, '/companyName')!) as HTMLInputElement, 'Acme Ltd');
    await settle(card);
    expect([...counts].filter(([, n]) => n > 0)).to.deep.equal([['/companyName', 1]]);
    expect(card.matches(':state(dirty)')).to.equal(true);
    // A different value re-renders only the field whose data changed.
    counts.forEach((_, k) => counts.set(k, 0));
    card.value = { companyName: 'Acme Ltd', address: { city: 'Tomsk' } };
    await settle(card);
    expect([...counts].filter(([, n]) => n > 0)).to.deep.equal([['/address/city', 1]]);
    expect(card.matches(':state(dirty)')).to.equal(true);
  });

  it('shows errors while typing, with aria-invalid and an announced message', async () => {
    const card = await makeCard({ companyName: 'Acme' });
    const w = fieldAt(card.shadowRoot!, '/email')!;
    const input = controlOf(w) as HTMLInputElement;
    typeInto(input, 'nope');
    await settle(card);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const error = w.shadowRoot!.querySelector('.error')!;
    expect(error.textContent).to.contain('email address');
    expect(error.getAttribute('aria-live')).to.equal('polite');
    expect(input.getAttribute('aria-describedby')).to.contain(error.id);
    typeInto(input, 'a@b.example');
    await settle(card);
    expect(input.hasAttribute('aria-invalid'), 'aria-invalid is removed once valid').to.equal(false);
  });

  it('validate() returns every error and shows them; focusFirstInvalid() moves focus', async () => {
    const card = await makeCard({ headcount: -1 });
    const r = card.validate();
    expect(r.valid).to.equal(false);
    expect(r.errors.map((e) => [e.path, e.keyword])).to.deep.equal([
      ['/companyName', 'required'],
      ['/headcount', 'minimum'],
    ]);
    await settle(card);
    expect(card.focusFirstInvalid()).to.equal(true);
    const focused = card.shadowRoot!.activeElement;
    expect(focused).to.exist;
  });

  it('switches language at runtime', async () => {
    const card = await makeCard({ companyName: 'A' });
    card.validate();
    card.locale = 'ru';
    await settle(card);
    const w = fieldAt(card.shadowRoot!, '/companyName')!;
    expect(w.shadowRoot!.querySelector('.error')!.textContent).to.contain('Не короче 2 символов');
  });

  it('parses numbers typed with a comma and keeps text that is not a number', async () => {
    const card = await makeCard({ companyName: 'Acme' });
    const input = controlOf(fieldAt(card.shadowRoot!, '/headcount')!) as HTMLInputElement;
    typeInto(input, '1 200');
    expect((card.value as Record<string, unknown>).headcount).to.equal(1200);
    typeInto(input, 'abc');
    expect((card.value as Record<string, unknown>).headcount).to.equal('abc');
    expect(card.validate().errors.some((e) => e.path === '/headcount' && e.keyword === 'type')).to.equal(true);
  });

  it('renders a part it cannot render as raw JSON and keeps its data', async () => {
    const card = await makeCard({ companyName: 'Acme', tuple: ['x', 1] });
    const w = fieldAt(card.shadowRoot!, '/tuple')!;
    expect(w.localName).to.equal('kc-json-field');
    const ta = controlOf(w) as HTMLTextAreaElement;
    expect(JSON.parse(ta.value)).to.deep.equal(['x', 1]);
    typeInto(ta, '["x", 2');
    await settle(card);
    expect((card.value as Record<string, unknown>).tuple).to.deep.equal(['x', 1]);
    expect(w.shadowRoot!.querySelector('.error')!.textContent).to.contain('Not valid JSON');
    expect(ta.value).to.equal('["x", 2');
  });

  it('takes part in a native form: submits JSON under its name and blocks invalid submits', async () => {
    // mount(), not fixture(): fixture() waits for an animation frame for a plain <form>, which a
    // background tab never gets (this test timed out whenever files ran side by side).
    const form = mount<HTMLFormElement>(
      html`<form><kc-card name="card" .schema=${schema} .value=${{ companyName: 'Acme' }}></kc-card></form>`,
    );
    const card = form.querySelector('kc-card') as KcCard;
    await settle(card);
    expect(JSON.parse(new FormData(form).get('card') as string)).to.deep.equal({ companyName: 'Acme' });
    expect(form.checkValidity()).to.equal(true);
    typeInto(controlOf(fieldAt(card.shadowRoot!, '/companyName')!) as HTMLInputElement, 'A');
    expect(form.checkValidity()).to.equal(false);
    form.reset();
    expect(card.value).to.deep.equal({ companyName: 'Acme' });
    expect(form.checkValidity()).to.equal(true);
  });

  it('never renders schema text as HTML', async () => {
    const hostile: JsonSchemaObject = {
      type: 'object',
      properties: { x: { type: 'string', title: '<img src=x onerror="window.__pwned=1">', description: '<b>bold</b>' } },
    };
    const card = await fixture<KcCard>(html`<kc-card .schema=${hostile}></kc-card>`);
    await settle(card);
    const w = fieldAt(card.shadowRoot!, '/x')!;
    expect(w.shadowRoot!.querySelector('img')).to.equal(null);
    expect(w.shadowRoot!.querySelector('label')!.textContent).to.contain('<img');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
