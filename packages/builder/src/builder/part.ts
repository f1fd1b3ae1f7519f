/**
 * The base of the builder's parts. They render into light DOM, not a shadow root, because
 * pragmatic-drag-and-drop finds draggables and drop targets from `event.target` at the document,
 * which a shadow root retargets to its host (atlassian/pragmatic-drag-and-drop#15). Styles are
 * scoped by the `kc-builder` element name instead, and adopted once into the document (or the
 * shadow root the builder sits in).
 */
import { LitElement, type CSSResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Locale } from '@kartochka/core';
import { StoreController, type BuilderStore } from './store.js';
import { s, type BuilderStringKey } from './strings.js';
import { builderStyles } from './styles.js';

const adopted = new WeakSet<Document | ShadowRoot>();

export function adoptStyles(node: Node, sheet: CSSResult = builderStyles): void {
  const root = node.getRootNode() as Document | ShadowRoot;
  if (adopted.has(root) || !('adoptedStyleSheets' in root) || !sheet.styleSheet) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet.styleSheet];
  adopted.add(root);
}

let uid = 0;

export class BuilderPart extends LitElement {
  readonly #sc = new StoreController(this);
  #store?: BuilderStore;
  /** Unique prefix for ids in light DOM. */
  protected readonly uid = `kcb${++uid}`;

  /** The builder's state. */
  @property({ attribute: false })
  get store(): BuilderStore | undefined {
    return this.#store;
  }
  set store(v: BuilderStore | undefined) {
    this.#store = v;
    this.#sc.store = v;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptStyles(this);
  }

  protected get locale(): Locale {
    return this.#store?.locale ?? 'ru';
  }

  /** A UI string in the builder's language. */
  protected t(key: BuilderStringKey, params?: Record<string, string | number>): string {
    return s(this.locale, key, params);
  }
}
