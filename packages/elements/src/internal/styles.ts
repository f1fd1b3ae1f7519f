import { css } from 'lit';

/**
 * Design tokens. Every colour, space, radius and font is a `--kc-*` custom property with a default,
 * so a host page themes the card by setting them on `kc-card` (or any ancestor); the dark theme is
 * the same tokens with other values.
 */
export const tokens = css`
  :host {
    --_fg: var(--kc-color-text, #1d2330);
    --_muted: var(--kc-color-text-muted, #5b6475);
    --_bg: var(--kc-color-surface, #ffffff);
    --_border: var(--kc-color-border, #8a93a5);
    --_accent: var(--kc-color-accent, #1f5fbf);
    --_danger: var(--kc-color-danger, #b3261e);
    --_radius: var(--kc-radius, 6px);
    --_space: var(--kc-space, 0.5rem);
    --_font: var(--kc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_size: var(--kc-font-size, 0.95rem);
    font-family: var(--_font);
    font-size: var(--_size);
    color: var(--_fg);
  }
`;

/** Shared look of a labelled field: label, control, hint, error. */
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
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75) var(--_space);
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
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

export const buttonStyles = css`
  button {
    font: inherit;
    color: var(--_accent);
    background: var(--_bg);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) var(--_space);
    cursor: pointer;
  }
  button.primary {
    color: var(--_bg);
    background: var(--_accent);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
`;
