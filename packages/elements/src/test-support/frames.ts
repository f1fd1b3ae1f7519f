/** Helpers of the field-view chunk tests (card/card-view-*.browser.test.ts). */
import type { KcCard } from '../card/card.js';

type Updating = Element & { updateComplete?: Promise<unknown> };

/** Every element in the card, through shadow roots. */
function deepAll(root: ParentNode, out: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) deepAll(el.shadowRoot, out);
  }
  return out;
}

export const fieldViews = (card: KcCard): Element[] => deepAll(card.shadowRoot!).filter((el) => el.localName === 'kc-field-view');

/** What a field view shows as its value ('' when it has not rendered). */
export const shownValue = (el: Element): string => el.shadowRoot?.querySelector('.value')?.textContent?.trim() ?? '';

/**
 * Waits for the card's update and the updates it started (sections, fields), in microtasks only:
 * what the next frame will paint, without letting a frame or a task pass.
 */
export async function renderedNow(card: KcCard): Promise<void> {
  await card.updateComplete;
  for (let i = 0; i < 4; i++) await Promise.all(deepAll(card.shadowRoot!).map((el) => (el as Updating).updateComplete));
}

/**
 * Looks at the card just before each frame is painted (an animation frame callback runs after the
 * frame's tasks and microtasks): how many frames showed a field view that had not rendered its
 * value (an empty box), and how many showed the values.
 */
export function watchFrames(card: KcCard): { stop(): Promise<{ withEmptyBoxes: number; withValues: number }> } {
  let withEmptyBoxes = 0;
  let withValues = 0;
  let on = true;
  let last: () => void = () => {};
  const tick = () => {
    const views = card.shadowRoot ? fieldViews(card) : [];
    if (views.some((v) => !v.shadowRoot?.querySelector('.value, .line'))) withEmptyBoxes++;
    else if (views.length) withValues++;
    if (on) requestAnimationFrame(tick);
    else last();
  };
  requestAnimationFrame(tick);
  return {
    stop: () =>
      new Promise((resolve) => {
        // One more frame after the caller's checks, so the frame that paints them is counted.
        last = () => resolve({ withEmptyBoxes, withValues });
        on = false;
      }),
  };
}
