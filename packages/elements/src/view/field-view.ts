import { html, css, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { FieldNode, JsonSchema, JsonSchemaObject } from '@kartochka/core';
import { deref } from '@kartochka/core';
import { escapeToken } from '@kartochka/core/internal';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';
import { t } from '../internal/i18n.js';
import { isMoneyNode } from '../internal/widget-utils.js';
import { formatNode, isEmptyValue } from './format.js';

/** Blank-form rows printed for a list. */
const BLANK_ROWS = 3;

/**
 * @summary One field shown, not edited: in `view` mode its value as text (option labels, `Intl`
 * numbers, dates and money, yes/no, lists), "—" when empty; in `blank` mode the printable empty
 * form: the label over an empty line, options as boxes to tick, lists as empty table rows.
 * @csspart label - The field's label.
 * @csspart value - The value (view mode).
 * @csspart line - An empty line to write on (blank mode).
 * @csspart box - A box to tick (blank mode).
 * @csspart list - A list of values.
 * @csspart table - Blank mode: the table to fill in for a list of objects.
 */
export class KcFieldView extends KcFieldElement {
  static override styles = [
    tokens,
    fieldStyles,
    css`
      :host { break-inside: avoid; }
      .label { font-weight: 600; color: var(--_muted); font-size: 0.875em; margin-block-end: 0.15rem; }
      .value { white-space: pre-wrap; overflow-wrap: anywhere; }
      .empty { color: var(--_muted); }
      .list { margin: 0; padding-inline-start: 1.2em; }
      dl.pairs { margin: 0; display: grid; gap: 0.15rem; }
      dl.pairs > div { display: flex; gap: 0.5em; flex-wrap: wrap; }
      dt { color: var(--_muted); }
      dt::after { content: ':'; }
      dd { margin: 0; }
      .line { display: block; border-block-end: 1px solid var(--_border); min-block-size: 1.6em; }
      .line + .line { margin-block-start: 0.2em; }
      .options { display: flex; flex-wrap: wrap; gap: 0.25em 1.25em; list-style: none; margin: 0; padding: 0; }
      .box { display: inline-block; inline-size: 0.9em; block-size: 0.9em; border: 1px solid var(--_fg); margin-inline-end: 0.35em; vertical-align: -0.1em; }
      table { border-collapse: collapse; inline-size: 100%; font-size: 0.9em; }
      th, td { border: 1px solid var(--_border); padding: 0.25em 0.4em; text-align: start; block-size: 1.6em; }
      th { font-weight: 600; }
    `,
  ];

  /** `view`: the value as text; `blank`: an empty printable field. */
  @property({ reflect: true }) mode: 'view' | 'blank' = 'view';

  override focus(): void {
    // A field view has nothing to edit; focus goes to the element itself for screen readers.
    if (!this.hasAttribute('tabindex')) this.setAttribute('tabindex', '-1');
    HTMLElement.prototype.focus.call(this);
  }

  override render() {
    const c = this.controller;
    const node = this.node;
    if (!c || !node) return nothing;
    const labelId = `${this.uid}-label`;
    const body = this.mode === 'blank' ? this.#blank(node) : html`<div class="value" part="value">${formatNode(c, node)}</div>`;
    return html`<div role="group" aria-labelledby=${labelId}>
      <div class="label" part="label" id=${labelId}>${this.label}${this.required && this.mode === 'blank' ? html`<span class="req" aria-hidden="true">*</span>` : nothing}</div>
      ${body}
    </div>`;
  }

  #lines(n: number) {
    return Array.from({ length: n }, () => html`<span class="line" part="line"></span>`);
  }

  #boxes(labels: string[]) {
    return html`<ul class="options">${labels.map((l) => html`<li><span class="box" part="box" aria-hidden="true"></span>${l}</li>`)}</ul>`;
  }

  #blank(node: FieldNode): TemplateResult {
    const c = this.controller!;
    const s = node.schema;
    if (node.kind === 'value') {
      if (node.options) return this.#boxes(node.options.map((o) => c.optionLabel(node, o.value, o.title)));
      if (s.type === 'boolean') return this.#boxes([t(this.locale, 'yes'), t(this.locale, 'no')]);
      const long = s['x-widget'] === 'textarea' || (typeof s.maxLength === 'number' && s.maxLength > 200);
      return html`${this.#lines(long ? 3 : 1)}`;
    }
    if (node.kind === 'array') {
      if (node.itemOptions) return this.#boxes(node.itemOptions.map((o) => c.optionLabel(node, o.value, o.title)));
      const item = itemSchema(c, s);
      const props = Object.keys(item.properties ?? {});
      if (!props.length) return html`${this.#lines(BLANK_ROWS)}`;
      const heads = props.map((k) =>
        c.label({ template: `${node.template}/*/${escapeToken(k)}`, key: k, schema: deref(c.ctx, item.properties![k]) } as FieldNode),
      );
      return html`<table part="table">
        <thead><tr>${heads.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${Array.from({ length: BLANK_ROWS }, () => html`<tr>${heads.map(() => html`<td></td>`)}</tr>`)}</tbody>
      </table>`;
    }
    if (isMoneyNode(node)) return html`${this.#lines(1)}`;
    return html`${this.#lines(isEmptyValue(s) ? 1 : 2)}`;
  }
}

function itemSchema(c: NonNullable<KcFieldView['controller']>, s: JsonSchemaObject): JsonSchemaObject {
  const items = s.items;
  return items && typeof items === 'object' && !Array.isArray(items) ? deref(c.ctx, items as JsonSchema) : {};
}

defineElement('kc-field-view', KcFieldView);

declare global {
  interface HTMLElementTagNameMap {
    'kc-field-view': KcFieldView;
  }
}
