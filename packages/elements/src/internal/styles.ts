import { css } from 'lit';

/**
 * Design tokens. Every colour, space, radius, size and font is a `--kc-*` custom property with a
 * default, so a host page themes every element by setting them on `kc-card` (or any ancestor, such
 * as `:root`); the dark theme is the same tokens with other values (`darkTokens`, docs/theming.md).
 * Inside a shadow root the private `--_*` names are what the styles read.
 */
export const tokens = css`
  :host {
    --_fg: var(--kc-color-text, #1d2330);
    --_muted: var(--kc-color-text-muted, #5b6475);
    --_bg: var(--kc-color-surface, #ffffff);
    --_bg-subtle: var(--kc-color-surface-subtle, #f3f5f9);
    --_border: var(--kc-color-border, #8a93a5);
    --_border-subtle: var(--kc-color-border-subtle, #d5d9e2);
    --_accent: var(--kc-color-accent, #1f5fbf);
    --_on-accent: var(--kc-color-on-accent, #ffffff);
    --_accent-subtle: var(--kc-color-accent-subtle, #e8f0fc);
    --_danger: var(--kc-color-danger, #b3261e);
    --_danger-subtle: var(--kc-color-danger-subtle, #fdecea);
    --_warning: var(--kc-color-warning, #b26a00);
    --_warning-subtle: var(--kc-color-warning-subtle, #fff4e0);
    --_warning-text: var(--kc-color-warning-text, #6b3f00);
    --_focus: var(--kc-color-focus, var(--_accent));
    --_radius: var(--kc-radius, 6px);
    --_space: var(--kc-space, 0.5rem);
    --_control-h: var(--kc-control-height, 2.375rem);
    --_font: var(--kc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_size: var(--kc-font-size, 0.95rem);
    font-family: var(--_font);
    font-size: var(--_size);
    color: var(--_fg);
  }
  /* On touch screens every control is a 44 px tap target (WCAG 2.5.5), unless the page sets its own. */
  @media (pointer: coarse) {
    :host {
      --_control-h: var(--kc-control-height, 2.75rem);
    }
  }
`;

/**
 * The dark theme's values of the same tokens. `kc-card theme="dark"` (or `"auto"` under
 * `prefers-color-scheme: dark`) applies them to the card; a page that themes every element at once
 * sets the same values on an ancestor (the demo does it on `:root`).
 */
export const darkTokens = css`
  color-scheme: dark;
  --kc-color-scheme: dark;
  --kc-color-text: #e6e9f0;
  --kc-color-text-muted: #a9b1c2;
  --kc-color-surface: #1c212b;
  --kc-color-surface-subtle: #242a36;
  --kc-color-background: #12161d;
  --kc-color-border: #7d879b;
  --kc-color-border-subtle: #3a4252;
  --kc-color-accent: #8cb8ff;
  --kc-color-on-accent: #0f1a2e;
  --kc-color-accent-subtle: #22324d;
  --kc-color-danger: #ff9c94;
  --kc-color-danger-subtle: #3d1f1d;
  --kc-color-warning: #f0b75a;
  --kc-color-warning-subtle: #3d3220;
  --kc-color-warning-text: #ffd99a;
`;

/**
 * Shared look of a labelled field: label, control, hint, error. The controls' hover border has no
 * transition (said here: a comment in the CSS text ships with it): an animated
 * border-color is style and paint work on the main thread every frame for its length, and the
 * mouse rests on the field a person has just clicked into, so the animation ran under their first
 * key presses (issue 15: presses 1–2 after the click took 24–48 ms against 16 without it).
 */
export const fieldStyles = css`
  :host {
    display: block;
    margin-block-end: calc(var(--_space) * 1.5);
  }
  :host([hidden]) {
    display: none;
  }
  label,
  .label {
    display: block;
    font-weight: 600;
    margin-block-end: calc(var(--_space) / 2);
  }
  .req {
    color: var(--_danger);
    margin-inline-start: 0.15em;
  }
  input,
  select,
  textarea {
    box-sizing: border-box;
    width: 100%;
    min-block-size: var(--_control-h);
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
  }
  input:hover:not(:disabled, [readonly]),
  select:hover:not(:disabled),
  textarea:hover:not(:disabled, [readonly]) {
    border-color: var(--_fg);
  }
  /* A select drawn like the inputs: the native arrow replaced by a chevron made of two gradients
     (no image URL, so a strict Content-Security-Policy needs nothing). */
  select:not([multiple]) {
    appearance: none;
    padding-inline-end: calc(var(--_space) * 3.5);
    background-image: linear-gradient(45deg, transparent 50%, currentColor 50%), linear-gradient(135deg, currentColor 50%, transparent 50%);
    background-position: calc(100% - 1.05rem) 55%, calc(100% - 0.7rem) 55%;
    background-size: 0.35rem 0.35rem;
    background-repeat: no-repeat;
    text-overflow: ellipsis;
  }
  input[type='checkbox'],
  input[type='radio'] {
    min-block-size: 0;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  input:disabled,
  select:disabled,
  textarea:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
    margin-block-start: calc(var(--_space) / 2);
  }
  .error {
    color: var(--_danger);
    font-size: 0.875em;
    margin-block-start: calc(var(--_space) / 2);
  }
  .error:empty {
    display: none;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  input[readonly],
  textarea[readonly] {
    background: transparent;
    border-style: dashed;
  }
`;

/**
 * Buttons: outlined by default, `.primary` filled, `.ghost` borderless, `.icon` square (an icon
 * alone, named by `aria-label`). All as tall as the inputs beside them.
 */
export const buttonStyles = css`
  button {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-block-size: var(--_control-h);
    font: inherit;
    font-weight: 500;
    color: var(--_accent);
    background: var(--_bg);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0 calc(var(--_space) * 1.5);
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--_accent-subtle);
  }
  button.primary {
    color: var(--_on-accent);
    background: var(--_accent);
  }
  button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 85%, var(--_fg));
  }
  button.ghost,
  button.icon {
    border-color: transparent;
    background: transparent;
    color: var(--_fg);
  }
  button.icon {
    inline-size: var(--_control-h);
    padding: 0;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  svg.kc-icon {
    inline-size: 1.15em;
    block-size: 1.15em;
    flex: none;
  }
`;
