/**
 * What the builder's browser tests do to it: wait until it and every part in it have rendered, and
 * type into an input as a person does (input, then change), press a key, wait for a state. One home
 * for the copies each test file had.
 */
import type { KcBuilder } from '../index.js';

export const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Three rounds of: the builder's update, then every element in it (palette, canvas, inspector,
 * preview, the card in it…). With `preview` (the default), also until the preview card is rebuilt.
 */
export async function settle(el: KcBuilder, { preview = true } = {}): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    for (const part of el.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*')) await part.updateComplete;
    await tick(10);
  }
  if (preview) await el.preview?.settled;
}

/** Types `text` into `input` at once: focus, value, `input` and `change` events (composed). */
export function type(input: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Presses `k` on `target` (a keydown that bubbles out of shadow roots and can be cancelled). */
export function key(target: Element, k: string): boolean {
  return target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
}

/** Waits for a state (storage writes and dialogs settle asynchronously), never a fixed delay. */
export async function until(ready: () => boolean | Promise<boolean>, what: string, ms = 30000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await tick(20);
  }
}
