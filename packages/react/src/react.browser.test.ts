// @kartochka/react in a real React 19 tree in Chromium: props reach the element as properties,
// `onKcChange` gets the typed event, a ref is the element, and a controlled value round-trips.
import { expect, waitUntil } from '@open-wc/testing';
import { createElement, createRef, useState, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { JsonSchemaObject, JsonValue } from '@kartochka/core';
import { KcCard, KcCardList, KcTextField, type KcCardElement } from './index.js';
import { fieldAt } from '@kartochka/elements/testing';
import type { KcChangeDetail } from '@kartochka/elements';

const schema: JsonSchemaObject = {
  type: 'object',
  required: ['companyName'],
  properties: { companyName: { type: 'string', title: 'Company name' }, city: { type: 'string', title: 'City' } },
};

describe('@kartochka/react', () => {
  let root: Root | undefined;
  let host: HTMLElement | undefined;
  afterEach(() => {
    root?.unmount();
    host?.remove();
  });

  function render(element: ReactElement): HTMLElement {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
    root.render(element);
    return host;
  }

  const inputOf = (card: KcCardElement, pointer: string) =>
    fieldAt(card.shadowRoot!, pointer)?.shadowRoot?.querySelector('input') ?? undefined;

  it('sets props as properties, hands the element to a ref, and calls onKcChange with the typed event', async () => {
    const ref = createRef<KcCardElement>();
    const changes: KcChangeDetail[] = [];
    render(createElement(KcCard, { ref, schema, value: { companyName: 'Acme' }, locale: 'de', onKcChange: (e) => changes.push(e.detail) }));
    await waitUntil(() => ref.current && inputOf(ref.current, '/companyName'), 'the card rendered', { timeout: 5000 });
    const card = ref.current!;
    expect(card.localName).to.equal('kc-card');
    expect(card.schema).to.equal(schema, 'an object prop is set as a property, not a string attribute');
    expect(card.getAttribute('locale')).to.equal('de');
    expect(card.value).to.deep.equal({ companyName: 'Acme' });
    const control = inputOf(card, '/city')!;
    control.value = 'Omsk';
    control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitUntil(() => changes.length > 0, 'onKcChange called');
    expect(changes.at(-1)).to.deep.equal({ path: '/city', value: 'Omsk' });
  });

  it('controlled: state written back from onKcChange keeps what the user typed', async () => {
    let latest: JsonValue | undefined;
    function Form(): ReactElement {
      const [value, setValue] = useState<JsonValue>({ companyName: '' });
      latest = value;
      return createElement(KcCard, {
        schema,
        value,
        onKcChange: (e) => setValue(structuredClone((e.target as KcCardElement).value) as JsonValue),
      });
    }
    const el = render(createElement(Form));
    await waitUntil(() => el.querySelector('kc-card') && inputOf(el.querySelector('kc-card')!, '/companyName'), 'rendered', {
      timeout: 5000,
    });
    const card = el.querySelector('kc-card')!;
    const control = inputOf(card, '/companyName')!;
    for (const text of ['A', 'Ac', 'Acm', 'Acme']) {
      control.value = text;
      control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await waitUntil(() => (latest as { companyName?: string }).companyName === text, `state has ${text}`);
    }
    expect(control.value).to.equal('Acme');
    expect(card.value).to.deep.equal({ companyName: 'Acme' });
  });

  it('every element has a component: a list and a standalone widget render too', async () => {
    const el = render(
      createElement('div', null, createElement(KcCardList, { locale: 'en' }), createElement(KcTextField, { path: '/x', readonly: true })),
    );
    await waitUntil(() => el.querySelector('kc-card-list') && el.querySelector('kc-text-field'), 'rendered');
    const field = el.querySelector('kc-text-field')!;
    expect(field.path).to.equal('/x');
    expect(field.readonly).to.equal(true);
  });
});
