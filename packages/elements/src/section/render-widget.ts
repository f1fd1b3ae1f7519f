import { Directive, directive, type DirectiveResult } from 'lit/directive.js';
import type { FieldNode, FormController } from '@kartochka/core';
import { loadWidget } from '../internal/widget-loaders.js';

const VALID_TAG = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

interface WidgetOptions {
  disabled?: boolean;
  span?: number;
}

/** The properties a container gives each widget element. */
type WidgetElement = HTMLElement & { controller?: FormController; path?: string; disabled?: boolean; level?: number };

/**
 * One widget element per place, created here and given its properties directly. A template per
 * field (`<${tag} .controller=… path=… .level=… .disabled=…>`) cost a template instance, its parts
 * array and four parts per field: at 2,000 fields ~12,000 objects and ~0.6 MB of JS heap
 * (issue 15). The element is kept while the place shows the same tag (a new pointer is a new
 * `path`, as a template reused in place did), and replaced when the registry picks another tag.
 */
class WidgetDirective extends Directive {
  #el?: WidgetElement;
  /** The grid-column last written (tracked here: reading `el.style` makes a style object per field). */
  #column = '';

  render(controller: FormController, node: FieldNode, level: number, opts: WidgetOptions): WidgetElement {
    const tag = VALID_TAG.test(node.widget) ? node.widget : 'kc-json-field';
    loadWidget(tag);
    let el = this.#el;
    if (el?.localName !== tag) {
      el = this.#el = document.createElement(tag) as WidgetElement;
      // Written before the element is connected (cheap): the tag and, for a required field, the
      // `required` attribute, so CSS and tests see it from the first frame.
      el.setAttribute('data-widget', tag);
      if (node.required) el.setAttribute('required', '');
      this.#column = '';
    }
    if (el.getAttribute('path') !== node.pointer) el.setAttribute('path', node.pointer);
    el.controller = controller;
    el.disabled = !!opts.disabled;
    // Only groups and lists use their level: a leaf field is not given an extra property to hold
    // (a widget not defined yet gets it, in case its class declares one).
    if ('level' in el || !customElements.get(tag)) el.level = level;
    const column = opts.span && opts.span > 1 ? `span ${opts.span}` : '';
    if (column !== this.#column) {
      el.style.gridColumn = column;
      this.#column = column;
    }
    return el;
  }
}

const widget = directive(WidgetDirective);

/**
 * Renders a node's widget (tags from the registry, checked against the custom-element grammar),
 * and passes down what the layout and the card decide: `disabled` and the grid `span`.
 * `readonly` needs no passing: it is part of each field's state.
 */
export function renderWidget(
  controller: FormController,
  node: FieldNode,
  level: number,
  opts: WidgetOptions = {},
): DirectiveResult<typeof WidgetDirective> {
  return widget(controller, node, level, opts);
}
