import { html, css, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { FieldNode } from '@kartochka/core';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';
import { widgetElement } from '../section/render-widget.js';
import { keyedElements } from '../section/keyed-elements.js';
import { t } from '../internal/i18n.js';

/**
 * @summary A group of fields for a JSON object: a fieldset with a legend (none at the root). It
 * re-renders only when its structure changes (a conditional branch, a chosen variant), never on a
 * keystroke in one of its fields. A group whose schema refers back to an ancestor (`"$ref": "#"`)
 * and holds no data is collapsed: a button opens it, one level at a time.
 * @csspart group - The fieldset.
 * @csspart legend - The legend.
 * @csspart expand - The button that opens a collapsed recursive group.
 * @csspart fields - The grid of the group's fields.
 */
export class KcObjectGroup extends KcFieldElement {
  static override styles = [
    tokens,
    fieldStyles,
    css`
      fieldset {
        border: 1px solid var(--kc-color-border-subtle, #d5d9e2);
        border-radius: var(--_radius);
        padding: var(--_space) calc(var(--_space) * 2) 0;
        margin: 0;
        min-width: 0;
      }
      fieldset.root {
        border: none;
        padding: 0;
      }
      legend {
        font-weight: 700;
        padding: 0 calc(var(--_space) / 2);
      }
      .fields {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(max(min(100%, var(--kc-field-min-width, 11rem)), calc((100% - (var(--kc-columns, 1) - 1) * var(--_gap)) / var(--kc-columns, 1))), 1fr));
        --_gap: calc(var(--_space) * 2);
        column-gap: var(--_gap);
      }
    `,
  ];

  /** Nesting depth: 0 is the card's root (no frame, no legend). */
  @property({ type: Number }) level = 0;
  #children: FieldNode[] = [];

  protected override structureChanged(): void {
    this.#children = this.controller!.children(this.path);
    this.node = this.controller!.node(this.path);
  }

  override render(): unknown {
    const c = this.controller;
    if (!c) return nothing;
    if (c.isCollapsed(this.path)) {
      return html`<fieldset part="group" class="collapsed">
        <legend part="legend">${this.label}</legend>
        <button type="button" part="expand" ?disabled=${this.disabled || this.readonly} @click=${this.#expand}>${t(this.locale, 'expandGroup', { title: this.label })}</button>
      </fieldset>`;
    }
    const branches = this.node?.branches;
    const inner = html`${branches ? this.#renderBranchPicker() : nothing}
      <div
        class="fields"
        part="fields"
        ${keyedElements(this.#children, {
          key: (n: FieldNode) => n.pointer,
          element: (n: FieldNode, previous) => widgetElement(c, n, this.level + 1, { disabled: this.disabled }, previous),
        })}
      ></div>
      ${this.renderFeedback()}`;
    if (this.level === 0) return html`<fieldset class="root" part="group" aria-describedby="hint error">${inner}</fieldset>`;
    return html`<fieldset part="group" aria-describedby="hint error">
      <legend part="legend">${this.label}</legend>${inner}
    </fieldset>`;
  }

  #expand = async (): Promise<void> => {
    this.controller!.expand(this.path);
    await this.updateComplete;
    // Keyboard users land on the first field that appeared, not back at the top of the page.
    const first = this.renderRoot.querySelector('.fields > *') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    await first?.updateComplete;
    first?.focus();
  };

  #renderBranchPicker() {
    const b = this.node!.branches!;
    const id = `${this.uid}-branch`;
    return html`<label for=${id}>${t(this.locale, 'variant')}</label>
      <select
        id=${id}
        @change=${(e: Event) => this.controller!.selectBranch(this.path, Number((e.target as HTMLSelectElement).value))}
      >
        ${b.options.map((o, i) => html`<option value=${i} ?selected=${i === b.selected}>${o.title || `${t(this.locale, 'variant')} ${i + 1}`}</option>`)}
      </select>`;
  }
}
defineElement('kc-object-group', KcObjectGroup);

declare global {
  interface HTMLElementTagNameMap {
    'kc-object-group': KcObjectGroup;
  }
}
