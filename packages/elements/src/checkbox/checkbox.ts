import { html, css, nothing, type PropertyValues } from 'lit';
import { KcFieldElement, defineElement, syncAttribute } from '../internal/field-element.js';
import { fieldStyles, tokens } from '../internal/styles.js';

/**
 * @summary A yes/no field as a native checkbox (`kc-checkbox`, the default for booleans) or a
 * switch (`kc-switch`, `x-widget: "switch"`: the same checkbox with role="switch", drawn as a
 * track and thumb). Space toggles; read-only fields are shown disabled.
 * @event input - When toggled.
 * @event change - When toggled.
 * @csspart label - The label.
 * @csspart control - The native checkbox.
 * @csspart hint - The description.
 * @csspart error - The error message region.
 * @cssstate invalid - The field has errors to show.
 * @cssstate required - The field is required.
 * @cssstate dirty - The value differs from the loaded one.
 */
export class KcCheckbox extends KcFieldElement {
  static override styles = [
    tokens,
    fieldStyles,
    css`
      .row { display: flex; align-items: center; gap: var(--_space); }
      input { width: auto; margin: 0; accent-color: var(--_accent); inline-size: 1.1rem; block-size: 1.1rem; }
      label { margin: 0; font-weight: 500; }
      @media (pointer: coarse) {
        label { display: inline-flex; align-items: center; min-block-size: var(--_control-h); }
      }
    `,
  ];

  protected role_ = '';

  override render(): unknown {
    return html`<div class="row">
        <input
          id="input"
          part="control"
          type="checkbox"
          role=${this.role_ || 'checkbox'}
          .checked=${this.value === true}
          ?disabled=${this.disabled || this.readonly}
          aria-invalid=${this.invalid ? 'true' : nothing}
          aria-describedby="hint error"
          @input=${(e: Event) => this.commit((e.target as HTMLInputElement).checked)}
          @change=${this.fireChange}
          @blur=${this.handleBlur}
        />${this.renderLabel()}
      </div>
      ${this.renderFeedback()}`;
  }

  // ---- lean rendering (field-element.ts): the same markup as render(), without Lit parts.

  protected override get leanRenderers(): readonly unknown[] {
    return CHECKBOX_RENDERERS;
  }

  protected override leanKey(): string {
    return this.role_ || 'checkbox';
  }

  protected override buildLean(): DocumentFragment {
    const row = document.createElement('div');
    row.className = 'row';
    const input = document.createElement('input');
    input.id = 'input';
    input.setAttribute('part', 'control');
    input.type = 'checkbox';
    input.setAttribute('role', this.role_ || 'checkbox');
    input.setAttribute('aria-describedby', 'hint error');
    row.append(input, KcFieldElement.leanLabel());
    const fragment = document.createDocumentFragment();
    fragment.append(row, KcFieldElement.leanError());
    return fragment;
  }

  protected override syncLean(_changed: PropertyValues<this>, first: boolean): void {
    const input = this.renderRoot.querySelector('input')!;
    if (first) this.listenLean(input, 'input', 'change', 'blur');
    const checked = this.value === true;
    if (input.checked !== checked) input.checked = checked;
    syncAttribute(input, 'disabled', (this.disabled || this.readonly) && '');
    syncAttribute(input, 'aria-invalid', this.invalid && 'true');
  }

  protected override leanEvent(e: Event): void {
    if (e.type === 'input') this.commit((e.target as HTMLInputElement).checked);
    else if (e.type === 'change') this.fireChange();
    else this.handleBlur();
  }
}
const CHECKBOX_RENDERERS = [KcCheckbox.prototype['render'], KcCheckbox.prototype['renderControl']];
defineElement('kc-checkbox', KcCheckbox);

/**
 * @summary A yes/no switch: a native checkbox with role="switch", drawn as a track and thumb.
 * @event input - When toggled.
 * @event change - When toggled.
 * @csspart label @csspart control @csspart hint @csspart error
 * @cssproperty --kc-color-accent - The track colour when on.
 */
export class KcSwitch extends KcCheckbox {
  static override styles = [
    ...KcCheckbox.styles,
    css`
      input[role='switch'] {
        appearance: none;
        position: relative;
        inline-size: 2.4rem;
        block-size: 1.35rem;
        flex: 0 0 auto;
        border-radius: 999px;
        border: 1px solid var(--_border);
        background: var(--kc-color-switch-off, #c9ced8);
        padding: 0;
        cursor: pointer;
        transition: background-color 0.15s;
      }
      input[role='switch']::before {
        content: '';
        position: absolute;
        inset-block-start: 50%;
        inset-inline-start: 0.12rem;
        inline-size: 1.05rem;
        block-size: 1.05rem;
        border-radius: 50%;
        background: #fff;
        box-shadow: 0 1px 2px rgb(0 0 0 / 0.35);
        transform: translateY(-50%);
        transition: inset-inline-start 0.15s;
      }
      input[role='switch']:checked { background: var(--_accent); border-color: var(--_accent); }
      input[role='switch']:checked::before { inset-inline-start: calc(100% - 1.17rem); }
      input[role='switch']:disabled { opacity: 0.55; cursor: default; }
      input[role='switch'][aria-invalid='true'] { border-color: var(--_danger); }
      @media (prefers-reduced-motion: reduce) {
        input[role='switch'], input[role='switch']::before { transition: none; }
      }
    `,
  ];
  protected override role_ = 'switch';
}
defineElement('kc-switch', KcSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'kc-checkbox': KcCheckbox;
    'kc-switch': KcSwitch;
  }
}
