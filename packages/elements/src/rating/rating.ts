import { html, css, nothing } from 'lit';
import type { JsonValue, SchemaOption } from '@kartochka/core';
import { KcFieldElement, defineElement } from '../internal/field-element.js';
import { buttonStyles, fieldStyles, tokens } from '../internal/styles.js';
import { groupStyles, renderLegend } from '../internal/group-styles.js';
import { t } from '../internal/i18n.js';
import { registerMoreUiStrings } from '../internal/i18n-more.js';
import { fireInputAndChange, labelOptions, type LabelledOption } from '../internal/widget-utils.js';

// This widget's strings are not in the card entry's catalogue (i18n-more.ts).
registerMoreUiStrings();

/**
 * "4 — хорошо": the score and its meaning, once. A catalogue's label that starts with the score
 * already ("4 — хорошо") is shown as it is, not as "4 — 4 — хорошо".
 */
export function scoreWithLabel(score: number, label: string): string {
  return new RegExp(`^${score}(?!\\d)`).test(label.trim()) ? label : `${score} — ${label}`;
}

/** The most stars a rating shows; wider scales get a number field. */
export const MAX_STARS = 10;

/**
 * @summary A score on a small integer scale (1–5 by default, `minimum`..`maximum` up to ten steps)
 * as stars (`x-widget: "rating"`). Each star is a native radio, so arrow keys move the score; each
 * value is named from the message catalogue (`options`), `x-enumTitles` or `oneOf` titles, and the
 * chosen value's meaning is shown next to the stars. Clearable.
 * @event input - When the score changes or is cleared.
 * @event change - When the score changes or is cleared.
 * @csspart group - The fieldset.
 * @csspart legend - The group label.
 * @csspart star - The label drawing one star.
 * @csspart meaning - The text naming the chosen value.
 * @csspart clear-button - The button that clears the score.
 * @csspart hint - The description.
 * @csspart error - The error message region.
 * @cssproperty --kc-color-star - Colour of a filled star.
 * @cssstate invalid - The field has errors to show.
 * @cssstate required - The field is required.
 * @cssstate dirty - The value differs from the loaded one.
 */
export class KcRating extends KcFieldElement {
  static override styles = [
    tokens,
    fieldStyles,
    buttonStyles,
    groupStyles,
    css`
      .row { display: flex; align-items: center; flex-wrap: wrap; gap: var(--_space); }
      .stars { display: inline-flex; }
      .stars input { position: absolute; opacity: 0; width: 1px; height: 1px; margin: 0; }
      .star { display: inline-block; margin: 0; font-size: 1.6rem; line-height: 1; padding: 0 0.1rem; cursor: pointer; color: var(--_border); font-weight: 400; }
      .star.on { color: var(--kc-color-star, #c77c02); }
      input:focus-visible + .star { outline: 2px solid var(--_accent); outline-offset: 1px; border-radius: 2px; }
      input:disabled + .star { cursor: default; }
      .meaning { color: var(--_fg); }
      .meaning.none { color: var(--_muted); }
      button { font-size: 0.85em; }
    `,
  ];

  /** The scale's values with their labels; `named` when a label says more than the number. */
  protected get scale(): (LabelledOption & { named: boolean })[] {
    const s = this.schema;
    let raw: readonly SchemaOption[] | undefined = this.node?.options;
    if (!raw) {
      const min = typeof s.minimum === 'number' ? Math.ceil(s.minimum) : 1;
      let max = typeof s.maximum === 'number' ? Math.floor(s.maximum) : min + 4;
      max = Math.min(max, min + MAX_STARS - 1);
      const titles = Array.isArray(s['x-enumTitles']) ? (s['x-enumTitles'] as unknown[]) : [];
      const oneOf = Array.isArray(s.oneOf) ? s.oneOf : [];
      const range: SchemaOption[] = [];
      raw = range;
      for (let v = min; v <= max; v++) {
        const branch = oneOf.find((b) => typeof b === 'object' && b !== null && b.const === v) as { title?: string } | undefined;
        const title = typeof titles[v - min] === 'string' ? (titles[v - min] as string) : branch?.title;
        range.push({ value: v, title });
      }
    }
    return labelOptions(this.controller, this.node, raw).map((o) => ({ ...o, named: o.label !== String(o.value) }));
  }

  #clear = () => {
    this.commit(undefined);
    fireInputAndChange(this);
    this.focus();
  };

  override render(): unknown {
    const scale = this.scale;
    const v = typeof this.value === 'number' ? this.value : undefined;
    const max = scale.length ? scale[scale.length - 1].value : 5;
    const chosen = scale.find((o) => o.value === v);
    const locked = this.disabled || this.readonly;
    const meaningId = `${this.uid}-meaning`;
    const meaning =
      v === undefined
        ? t(this.locale, 'noRating')
        : chosen?.named
          ? scoreWithLabel(v, chosen.label)
          : t(this.locale, 'ratingOf', { n: v, max: String(max) });
    return html`<fieldset part="group" aria-invalid=${this.invalid ? 'true' : nothing} aria-describedby="${meaningId} ${this.describedBy}">
        ${renderLegend(this.label, this.required, this.locale)}
        <div class="row">
          <span class="stars">
            ${scale.map((o, i) => {
              const id = `${this.uid}-${i}`;
              const checked = o.value === v;
              return html`<input
                  type="radio"
                  id=${id}
                  name=${this.uid}
                  .checked=${checked}
                  ?disabled=${this.disabled || (this.readonly && !checked)}
                  aria-disabled=${this.readonly ? 'true' : nothing}
                  @click=${(e: Event) => locked && e.preventDefault()}
                  @input=${() => !locked && this.commit(o.value as JsonValue)}
                  @change=${this.fireChange}
                  @blur=${this.handleBlur}
                /><label for=${id} part="star" class="star ${v !== undefined && (o.value as number) <= v ? 'on' : ''}" title=${o.label}
                  ><span aria-hidden="true">★</span><span class="sr-only">${o.named ? scoreWithLabel(o.value as number, o.label) : t(this.locale, 'ratingOf', { n: String(o.value), max: String(max) })}</span></label
                >`;
            })}
          </span>
          <span id=${meaningId} part="meaning" class="meaning ${v === undefined ? 'none' : ''}">${meaning}</span>
          ${
            v !== undefined && !locked
              ? html`<button type="button" part="clear-button" @click=${this.#clear}>${t(this.locale, 'clear')}</button>`
              : nothing
          }
        </div>
      </fieldset>
      ${this.renderFeedback()}`;
  }
}
defineElement('kc-rating', KcRating);

declare global {
  interface HTMLElementTagNameMap {
    'kc-rating': KcRating;
  }
}
