// Controlled use from React 19: a real component renders <kc-card>, and its kc-change handler
// writes the value back into React state (a fresh copy, as immutable updates do), which React
// then sets on the card's `value` property. Typing must go on as if nobody wrote anything back.
import { expect, waitUntil } from '@open-wc/testing';
import { createElement, useState, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import '@kartochka/elements';
import type { KcCard } from '@kartochka/elements';
import type { JsonValue } from '@kartochka/core';
import { cardReady, expectTypingKept, initial, input, schema, typeLikeAUser } from './controlled-support.js';

interface Probe {
  renders: number;
  value: JsonValue | undefined;
  setValue?: (v: JsonValue) => void;
}

function ClientForm({ probe }: { probe: Probe }): ReactElement {
  const [value, setValue] = useState<JsonValue>(initial);
  probe.renders++;
  probe.value = value;
  probe.setValue = setValue;
  // React 19 sets `schema` and `value` as properties (the element has them) and listens to
  // `kc-change` through the `onkc-change` prop.
  return createElement('kc-card', {
    schema,
    value,
    'onkc-change': (e: Event) => setValue(structuredClone((e.target as KcCard).value) as JsonValue),
  });
}

describe('controlled use from React 19', () => {
  let root: Root | undefined;
  let host: HTMLElement | undefined;
  afterEach(() => {
    root?.unmount();
    host?.remove();
  });

  async function mount(): Promise<{ card: KcCard; probe: Probe }> {
    host = document.createElement('div');
    document.body.append(host);
    const probe: Probe = { renders: 0, value: undefined };
    root = createRoot(host);
    root.render(createElement(ClientForm, { probe }));
    await waitUntil(() => cardReady(host!), 'the card rendered', { timeout: 5000 });
    return { card: host.querySelector('kc-card') as KcCard, probe };
  }

  it('typing goes on: text, caret and focus stay, errors show as you type, :state(dirty) holds', async () => {
    const { card, probe } = await mount();
    const control = input(card, '/companyName');
    control.focus();
    await typeLikeAUser(card, '/companyName', 'Acme', () => probe.renders);
    expect(probe.renders, 'React re-rendered once per key (at least)').to.be.greaterThanOrEqual(5);
    await expectTypingKept(card, control, () => probe.value);
  });

  it("a different value from the app updates only that field and keeps the user's edit dirty", async () => {
    const { card, probe } = await mount();
    await typeLikeAUser(card, '/companyName', 'Acme', () => probe.renders);
    const cityInput = input(card, '/city');
    probe.setValue!({ ...(probe.value as Record<string, JsonValue>), city: 'Tomsk' });
    await waitUntil(() => cityInput.value === 'Tomsk', 'the new city shows', { timeout: 5000 });
    expect(input(card, '/companyName').value).to.equal('Acme');
    expect(card.matches(':state(dirty)')).to.equal(true);
    expect(card.shadowRoot!.querySelector('kc-section')).to.exist;
    // reset() still goes back to what was loaded first.
    card.reset();
    await waitUntil(() => input(card, '/companyName').value === '' && cityInput.value === 'Omsk', 'reset to the loaded value', {
      timeout: 5000,
    });
    expect(card.matches(':state(dirty)')).to.equal(false);
  });
});
