import { Directive, directive, type DirectiveResult } from 'lit/directive.js';
import type { FieldNode, FormController } from '@kartochka/core';
import { loadWidget } from '../internal/widget-loaders.js';

const VALID_TAG = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

export interface WidgetOptions {
  disabled?: boolean;
  span?: number;
}

/** The properties a container gives each widget element. */
type WidgetElement = HTMLElement & { controller?: FormController; path?: string; disabled?: boolean; level?: number };

/**
 * The grid-column last written, for the elements that have one (tracked here: reading `el.style`
 * makes a style object per field, and most fields never get a span).
 */
const columns = new WeakMap<Element, string>();

/**
 * A node's widget element, created here and given its properties directly. `previous` (this
 * place's element last time) is kept while it shows the same tag — a new pointer is a new `path` —
 * and replaced when the registry picks another tag. Tags come from the registry and are checked
 * against the custom-element grammar.
 *
 * No template per field (`<${tag} .controller=… path=… .level=… .disabled=…>`): that cost a
 * template instance, its parts array and four parts per field, at 2,000 fields ~12,000 objects and
 * ~0.6 MB of JS heap (issue 15).
 */
export function widgetElement(
  controller: FormController,
  node: FieldNode,
  level: number,
  opts: WidgetOptions,
  previous: Element | undefined,
): WidgetElement {
  const tag = VALID_TAG.test(node.widget) ? node.widget : 'kc-json-field';
  loadWidget(tag);
  let el = previous as WidgetElement | undefined;
  if (el?.localName !== tag) {
    el = document.createElement(tag) as WidgetElement;
    // Written before the element is connected (cheap): the tag and, for a required field, the
    // `required` attribute, so CSS and tests see it from the first frame.
    el.setAttribute('data-widget', tag);
    if (node.required) el.setAttribute('required', '');
  }
  if (el.getAttribute('path') !== node.pointer) el.setAttribute('path', node.pointer);
  el.controller = controller;
  el.disabled = !!opts.disabled;
  // Only groups and lists use their level: a leaf field is not given an extra property to hold
  // (a widget not defined yet gets it, in case its class declares one).
  if ('level' in el || !customElements.get(tag)) el.level = level;
  const column = opts.span && opts.span > 1 ? `span ${opts.span}` : '';
  if (column !== (columns.get(el) ?? '')) {
    el.style.gridColumn = column;
    if (column) columns.set(el, column);
    else columns.delete(el);
  }
  return el;
}

/** One widget element per place, for places among other template content (lists, the card's root). */
class WidgetDirective extends Directive {
  #el?: WidgetElement;

  render(controller: FormController, node: FieldNode, level: number, opts: WidgetOptions): WidgetElement {
    return (this.#el = widgetElement(controller, node, level, opts, this.#el));
  }
}

const widget = directive(WidgetDirective);

/**
 * Renders a node's widget and passes down what the layout and the card decide: `disabled` and the
 * grid `span`. `readonly` needs no passing: it is part of each field's state. A container whose
 * children are all widgets uses `keyedElements` with `widgetElement` instead (no part per field).
 */
export function renderWidget(
  controller: FormController,
  node: FieldNode,
  level: number,
  opts: WidgetOptions = {},
): DirectiveResult<typeof WidgetDirective> {
  return widget(controller, node, level, opts);
}
