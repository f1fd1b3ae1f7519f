/** Helpers for browser tests: find widgets through shadow roots and type like a user. */
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
