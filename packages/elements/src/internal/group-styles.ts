import { css, html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '@kartochka/core';
import { t } from './i18n.js';

/** The look of a fieldset-based widget (radio group, multi-select, rating, money). */
export const groupStyles = css`
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    display: block;
    font-weight: 600;
    padding: 0;
    margin-block-end: calc(var(--_space) / 2);
  }
  .choices {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  .choice input {
    width: auto;
    margin: 0;
    inline-size: 1.05rem;
    block-size: 1.05rem;
    accent-color: var(--_accent);
  }
  .choice label {
    display: inline;
    font-weight: 400;
    margin: 0;
  }
  /* Touch: the label (which checks the box) is the 44 px tap target. */
  @media (pointer: coarse) {
    .choice label {
      display: inline-flex;
      align-items: center;
      min-block-size: var(--_control-h);
      min-inline-size: var(--_control-h);
    }
  }
  .unknown label {
    font-style: italic;
  }
  fieldset[aria-invalid='true'] legend {
    color: var(--_danger);
  }
`;

/** The group label of a fieldset-based widget, with the required mark like `renderLabel()`. */
export function renderLegend(label: string, required: boolean, locale: Locale): TemplateResult {
  return html`<legend part="legend"
    >${label}${required ? html`<span class="req" aria-hidden="true">*</span><span class="sr-only"> ${t(locale, 'requiredMark')}</span>` : nothing}</legend
  >`;
}
