/** Helpers for browser tests: find widgets through shadow roots and type like a user. */
import { render, type TemplateResult } from 'lit';
import type { KcCard } from '../card/card.js';

/** The widget element for a JSON Pointer inside a card (searching nested shadow roots). */
export function fieldAt(root: ParentNode, pointer: string): HTMLElement | null {
  const direct = root.querySelector(`[path="${CSS.escape(pointer)}"]`) as HTMLElement | null;
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = fieldAt(el.shadowRoot, pointer);
      if (found) return found;
    }
  }
  return null;
}

/** The native control inside a widget. */
export function controlOf(widget: HTMLElement): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const c = widget.shadowRoot!.querySelector('input, select, textarea');
  if (!c) throw new Error(`No native control in <${widget.localName} path="${widget.getAttribute('path')}">`);
  return c as HTMLInputElement;
}

/** Sets a native input's text and fires `input`, as typing does. */
export function typeInto(control: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  control.value = text;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Waits until the card and every nested Lit element have rendered. */
export async function settle(card: KcCard): Promise<void> {
  // Paint first: the validator compiles after the first frame; settled means it has run too.
  await card.updateComplete;
  await card.validatorReady;
  for (let i = 0; i < 5; i++) {
    await card.updateComplete;
    const pending: Promise<unknown>[] = [];
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        const u = (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
        if (u) pending.push(u);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(card.shadowRoot!);
    await Promise.all(pending);
  }
}

/** Every widget inside a card, by pointer. */
export function allFields(card: KcCard): Map<string, HTMLElement> {
  const out = new Map<string, HTMLElement>();
  const walk = (root: ParentNode) => {
    for (const el of root.querySelectorAll('*')) {
      const p = el.getAttribute('path');
      if (p !== null && el.localName.startsWith('kc-')) out.set(p, el as HTMLElement);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(card.shadowRoot!);
  return out;
}

/**
 * Renders a template into a fresh container on the page. Not `fixture()`: for a plain element (a
 * <form>, a <div>) it waits for an animation frame, which never comes in a background tab when
 * test files run side by side, and the whole file stalls. Pair with `unmountAll` in `afterEach`.
 */
const mounted: HTMLElement[] = [];
export function mount<T extends Element>(template: TemplateResult): T {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  return container.firstElementChild as T;
}
export function unmountAll(): void {
  for (const c of mounted.splice(0)) c.remove();
}
