import { html, css, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { FieldNode } from '@kartochka/core';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';
import { renderWidget } from '../section/render-widget.js';
import { t } from '../internal/i18n.js';

/**
 * @summary A group of fields for a JSON object: a fieldset with a legend (none at the root). It
 * re-renders only when its structure changes (a conditional branch, a chosen variant), never on a
 * keystroke in one of its fields.
 * @csspart group - The fieldset.
 * @csspart legend - The legend.
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
        grid-template-columns: repeat(var(--kc-columns, 1), minmax(0, 1fr));
        column-gap: calc(var(--_space) * 2);
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

  override render() {
    const c = this.controller;
    if (!c) return nothing;
    const branches = this.node?.branches;
    const inner = html`${branches ? this.#renderBranchPicker() : nothing}
      <div class="fields" part="fields">
        ${repeat(this.#children, (n) => n.pointer, (n) => renderWidget(c, n, this.level + 1, { disabled: this.disabled }))}
      </div>
      ${this.renderFeedback()}`;
    if (this.level === 0) return html`<fieldset class="root" part="group" aria-describedby="hint error">${inner}</fieldset>`;
    return html`<fieldset part="group" aria-describedby="hint error">
      <legend part="legend">${this.label}</legend>${inner}
    </fieldset>`;
  }

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
