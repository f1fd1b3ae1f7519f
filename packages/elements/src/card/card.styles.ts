import { css } from 'lit';
import { darkTokens as dark } from '../internal/styles.js';

export const cardStyles = css`
  :host {
    display: block;
    /* Native controls (checkboxes, scrollbars) follow the tokens' scheme: a page that sets the dark
       tokens (with --kc-color-scheme: dark) gets dark ones without setting theme on each card. */
    color-scheme: var(--kc-color-scheme, light);
    background: var(--kc-color-background, transparent);
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
  .notice { border: 1px solid var(--kc-color-border, #8a93a3); border-radius: var(--_radius); padding: var(--_space); margin-block-end: var(--_space); color: var(--kc-color-text-muted, #5b6270); }
  .summary { color: var(--_danger); border: 1px solid var(--_danger); border-radius: var(--_radius); padding: var(--_space); margin-block-end: var(--_space); }
  h2 { font-size: 1.15em; margin: calc(var(--_space) * 2) 0 var(--_space); }
  .badge { display: inline-block; min-inline-size: 1.3em; padding: 0 0.35em; margin-inline-start: 0.4em; border-radius: 999px; background: var(--_danger); color: var(--_bg); font-size: 0.8em; font-weight: 700; text-align: center; }

  /* tabs */
  [role='tablist'] { display: flex; flex-wrap: wrap; gap: 0.25rem; border-block-end: 1px solid var(--_border); margin-block-end: calc(var(--_space) * 2); }
  [role='tab'] { font: inherit; color: var(--_muted); background: transparent; border: none; border-block-end: 3px solid transparent; padding: var(--_space) calc(var(--_space) * 1.5); cursor: pointer; }
  @media (pointer: coarse) {
    [role='tab'], .acc-trigger, .nav button { min-block-size: var(--_control-h); }
  }
  [role='tab'][aria-selected='true'] { color: var(--_fg); border-block-end-color: var(--_accent); font-weight: 600; }
  [role='tab']:focus-visible, .acc-trigger:focus-visible, .nav button:focus-visible, [role='tabpanel']:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; }

  /* accordion */
  .acc-heading { margin: 0; font-size: 1em; }
  .acc-trigger { display: flex; align-items: center; inline-size: 100%; font: inherit; font-weight: 600; color: var(--_fg); background: transparent; border: none; border-block-end: 1px solid var(--_border); padding: var(--_space) 0; text-align: start; cursor: pointer; }
  .acc-trigger::before { content: '▸'; display: inline-block; inline-size: 1.2em; transition: transform 0.15s; }
  .acc-trigger[aria-expanded='true']::before { transform: rotate(90deg); }
  .acc-panel { padding-block: var(--_space); }

  /* steps */
  .stepper { display: flex; flex-wrap: wrap; gap: var(--_space); list-style: none; padding: 0; margin: 0 0 calc(var(--_space) * 2); counter-reset: step; }
  .stepper li { color: var(--_muted); counter-increment: step; }
  .stepper li::before { content: counter(step) '. '; }
  .stepper li[aria-current='step'] { color: var(--_fg); font-weight: 700; }
  .nav { display: flex; gap: var(--_space); justify-content: space-between; margin-block-start: var(--_space); }
  .nav .progress { color: var(--_muted); align-self: center; }
  .nav button { font: inherit; min-block-size: var(--_control-h); color: var(--_accent); background: var(--_bg); border: 1px solid var(--_accent); border-radius: var(--_radius); padding: 0 calc(var(--_space) * 1.5); cursor: pointer; }
  .nav button.primary { color: var(--_on-accent); background: var(--_accent); }
  .nav button:disabled { opacity: 0.5; cursor: default; }

  .blank-title { font-size: 1.3em; margin: 0 0 var(--_space); }
  .print-title { display: none; }

  @media print {
    :host, :host([theme]) { color: #000; background: #fff; --kc-color-text: #000; --kc-color-text-muted: #333; --kc-color-border: #000; }
    [role='tablist'], .nav, .stepper, .summary, kc-storage-panel { display: none; }
    .print-title { display: block; }
    [role='tabpanel'][hidden], .acc-panel[hidden], .step-panel[hidden] { display: block !important; }
    .acc-trigger::before { content: none; }
    section, .step-panel, [role='tabpanel'] { break-inside: auto; }
    h2 { break-after: avoid; }
  }
`;
