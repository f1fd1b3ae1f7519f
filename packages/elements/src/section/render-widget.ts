import type { TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { FieldNode, FormController } from '@kartochka/core';
import { loadWidget } from '../internal/widget-loaders.js';

const VALID_TAG = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;
const statics = new Map<string, ReturnType<typeof unsafeStatic>>();
const REQUIRED = unsafeStatic('required');
const NO_ATTRIBUTE = unsafeStatic('');

/**
 * Renders a node's widget like `renderField` (tags from the registry, checked against the
 * custom-element grammar), and also passes down what the layout and the card decide: `disabled`
 * and the grid `span`. `readonly` needs no passing: it is part of each field's state.
 */
export function renderWidget(
  controller: FormController,
  node: FieldNode,
  level: number,
  opts: { disabled?: boolean; span?: number } = {},
): TemplateResult {
  const tag = VALID_TAG.test(node.widget) ? node.widget : 'kc-json-field';
  loadWidget(tag);
  let s = statics.get(tag);
  if (!s) statics.set(tag, (s = unsafeStatic(tag)));
  // One column (the common case) binds no style: every attribute binding is a write per field on
  // mount. `disabled` goes in as a property (the widget reflects it only when it changes), and the
  // tag is static, so data-widget is too.
  // A required field's `required` attribute is part of the template (a static token, no binding):
  // it is then on the element when the template is cloned, before it is connected, instead of
  // being reflected by each widget on its first update (an attribute write on a connected element:
  // ~80 ms on a 2,000-field card).
  const req = node.required ? REQUIRED : NO_ATTRIBUTE;
  if (!(opts.span && opts.span > 1)) {
    return staticHtml`<${s} .controller=${controller} path=${node.pointer} .level=${level} .disabled=${!!opts.disabled} data-widget=${s} ${req}></${s}>`;
  }
  const style = styleMap({ gridColumn: `span ${opts.span}` });
  return staticHtml`<${s} .controller=${controller} path=${node.pointer} .level=${level} .disabled=${!!opts.disabled} style=${style} data-widget=${s} ${req}></${s}>`;
}
