import type { TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { FieldNode, FormController } from '@kartochka/core';

const VALID_TAG = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;
const statics = new Map<string, ReturnType<typeof unsafeStatic>>();

/**
 * Renders the widget the registry chose for a node. Tags come from the registry (the app's own
 * list), never straight from a schema, and are checked against the custom-element name grammar
 * before they reach the template.
 */
export function renderField(controller: FormController, node: FieldNode, level: number): TemplateResult {
  const tag = VALID_TAG.test(node.widget) ? node.widget : 'kc-json-field';
  let s = statics.get(tag);
  if (!s) statics.set(tag, (s = unsafeStatic(tag)));
  return staticHtml`<${s} .controller=${controller} path=${node.pointer} .level=${level} data-widget=${s}></${s}>`;
}
