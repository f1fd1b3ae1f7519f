/** Shared by the React and Vue controlled-use tests: one schema, typing like a user, checks. */
import { expect, waitUntil } from '@open-wc/testing';
import type { JsonSchemaObject } from '@kartochka/core';
import type { KcCard } from '@kartochka/elements';
import { controlOf, fieldAt, settle } from '../../../packages/elements/src/test-support/helpers.js';

export const schema: JsonSchemaObject = {
  type: 'object',
  required: ['companyName'],
  properties: {
    companyName: { type: 'string', title: 'Company name', minLength: 5 },
    email: { type: 'string', format: 'email', title: 'Email' },
    city: { type: 'string', title: 'City' },
  },
};
export const initial = { companyName: '', email: 'a@b.co', city: 'Omsk' };

/** The first kc-card under `host` once its companyName input exists. */
export function cardReady(host: ParentNode): KcCard | undefined {
  const card = host.querySelector('kc-card') as KcCard | null;
  return card?.shadowRoot && fieldAt(card.shadowRoot, '/companyName')?.shadowRoot?.querySelector('input') ? card : undefined;
}

export function input(card: KcCard, pointer: string): HTMLInputElement {
  return controlOf(fieldAt(card.shadowRoot!, pointer)!) as HTMLInputElement;
}

/**
 * Types `text` one character at a time at the caret, as a keyboard does: the native input's value
 * and caret change, then `input` fires; between keys the framework re-renders (we wait for its
 * round trip: `rendered()` reports how many renders it has done).
 */
export async function typeLikeAUser(card: KcCard, pointer: string, text: string, rendered: () => number): Promise<void> {
  for (const ch of text) {
    const control = input(card, pointer);
    const at = control.selectionStart ?? control.value.length;
    const before = rendered();
    control.setRangeText(ch, at, control.selectionEnd ?? at, 'end');
    control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: ch, inputType: 'insertText' }));
    await waitUntil(() => rendered() > before, `the framework re-rendered after "${ch}"`, { timeout: 5000 });
    await settle(card);
  }
}

/** What must hold after typing "Acme" into companyName of a controlled card. */
export async function expectTypingKept(card: KcCard, control: HTMLInputElement, appValue: () => unknown): Promise<void> {
  await settle(card);
  const now = input(card, '/companyName');
  expect(now, 'the same native input (not re-created)').to.equal(control);
  expect(now.value).to.equal('Acme');
  expect(now.selectionStart, 'the caret stays after the typed text').to.equal(4);
  expect(now.getRootNode() instanceof ShadowRoot && (now.getRootNode() as ShadowRoot).activeElement, 'focus stays in the input').to.equal(
    now,
  );
  expect((card.value as Record<string, unknown>).companyName).to.equal('Acme');
  expect((appValue() as Record<string, unknown>).companyName, "the app's state").to.equal('Acme');
  expect(card.matches(':state(dirty)'), 'card :state(dirty)').to.equal(true);
  const widget = fieldAt(card.shadowRoot!, '/companyName')!;
  expect(widget.matches(':state(dirty)'), 'field :state(dirty)').to.equal(true);
  expect(widget.shadowRoot!.querySelector('[part="error"]')!.textContent, 'the minLength error shows while typing').to.match(/5/);
  expect(now.getAttribute('aria-invalid')).to.equal('true');
}
