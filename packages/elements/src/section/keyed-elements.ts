import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** What a container's children are made from: a key per item, and the element for it. */
export interface ElementsOf<T> {
  key(item: T): string;
  /**
   * The element for `item`: `previous` (the element this key had last time) brought up to date, or
   * a new one. Undefined: the item shows nothing now (a field its data does not have).
   */
  element(item: T, previous: Element | undefined): Element | undefined;
}

/**
 * Makes a container's children one element per item, kept by key across renders and moved, not
 * rebuilt, when the order changes (as `repeat` does). `repeat` gives each item a part of its own
 * and two comment markers: on a 2,000-field card ~2,000 parts, directive instances and arrays in
 * the JS heap and 4,000 comment nodes in the DOM, for children that are a single element each
 * (issue 15). Used on an element that has no other content: `<div class="grid" ${keyedElements(…)}></div>`.
 */
class KeyedElements extends Directive {
  #byKey = new Map<string, Element>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('keyedElements() belongs on an element: <div ${keyedElements(…)}></div>');
  }

  render(_items: readonly unknown[], _of: ElementsOf<never>): unknown {
    return nothing;
  }

  override update(part: ElementPart, [items, of]: [readonly unknown[], ElementsOf<unknown>]): unknown {
    const container = part.element;
    const next = new Map<string, Element>();
    let at: ChildNode | null = container.firstChild;
    for (const item of items) {
      const key = of.key(item);
      if (next.has(key)) continue;
      const el = of.element(item, this.#byKey.get(key));
      if (!el) continue;
      next.set(key, el);
      if (el === at) at = at.nextSibling;
      else container.insertBefore(el, at);
    }
    for (const [key, el] of this.#byKey) if (next.get(key) !== el) el.remove();
    this.#byKey = next;
    return noChange;
  }
}

export const keyedElements = directive(KeyedElements);
