/**
 * The builder's styles, scoped under `kc-builder` (the parts render in light DOM, see part.ts). Its
 * colours are the cards' `--kc-*` tokens (docs/theming.md) with the builder's own light defaults,
 * so a page's dark theme themes the builder too.
 */
import { css } from 'lit';

export const builderStyles = css`
  kc-builder {
    --kcb-accent: var(--kc-color-accent, #2563eb);
    --kcb-border: var(--kc-color-border-subtle, #cbd5e1);
    --kcb-muted: var(--kc-color-text-muted, #64748b);
    --kcb-bg: var(--kc-color-surface-subtle, #f8fafc);
    --kcb-surface: var(--kc-color-surface, #fff);
    --kcb-on-accent: var(--kc-color-on-accent, #fff);
    --kcb-danger: var(--kc-color-danger, #b91c1c);
    --kcb-space: var(--kc-space, 8px);
    display: block;
    /* Columns follow the builder's own width (a narrow panel of a wide page too), not the window's. */
    container-type: inline-size;
    font-family: var(--kc-font-family, system-ui, sans-serif);
    font-size: 14px;
    color: var(--kc-color-text, #0f172a);
    background: var(--kcb-bg);
    border: 1px solid var(--kcb-border);
    border-radius: 8px;
  }
  kc-builder *:focus-visible { outline: 2px solid var(--kcb-accent); outline-offset: 2px; }
  kc-builder button, kc-builder select, kc-builder input, kc-builder textarea { font: inherit; color: inherit; }
  kc-builder button {
    border: 1px solid var(--kcb-border); background: var(--kcb-surface); border-radius: 6px;
    padding: 4px 10px; cursor: pointer; min-height: 30px; color: inherit;
  }
  kc-builder button:hover:not(:disabled) { border-color: var(--kcb-accent); }
  kc-builder button:disabled { opacity: .5; cursor: default; }
  kc-builder button.primary { background: var(--kcb-accent); color: var(--kcb-on-accent); border-color: var(--kcb-accent); }
  kc-builder button.danger { color: var(--kcb-danger); }
  kc-builder input:not([type=checkbox]), kc-builder select, kc-builder textarea {
    border: 1px solid var(--kcb-border); border-radius: 6px; padding: 4px 6px; background: var(--kcb-surface); min-width: 0;
  }
  kc-builder .kcb-toolbar {
    display: flex; flex-wrap: wrap; gap: var(--kcb-space); align-items: center; padding: var(--kcb-space);
    border-bottom: 1px solid var(--kcb-border); background: var(--kcb-surface); border-radius: 8px 8px 0 0;
  }
  kc-builder .kcb-toolbar .kcb-spacer { flex: 1; }
  kc-builder .kcb-status { color: var(--kcb-muted); }
  kc-builder .kcb-main { display: grid; grid-template-columns: 180px minmax(300px, 1fr) 10px var(--kcb-inspector-width, 380px); gap: var(--kcb-space); padding: var(--kcb-space); align-items: stretch; }
  kc-builder .kcb-main > kc-builder-palette, kc-builder .kcb-main > kc-builder-canvas, kc-builder .kcb-main > kc-builder-inspector { align-self: start; }
  kc-builder-canvas .kcb-inline-title { font: inherit; width: 100%; min-width: 8em; padding: 2px 4px; }
  kc-builder .kcb-splitter { cursor: col-resize; border-radius: 4px; touch-action: none; background: linear-gradient(var(--kcb-border), var(--kcb-border)) center / 2px 100% no-repeat; min-height: 80px; }
  kc-builder .kcb-splitter:hover, kc-builder .kcb-splitter:focus-visible { background-size: 4px 100%; outline: 2px solid var(--kcb-accent, Highlight); outline-offset: 1px; }
  kc-builder .kcb-main > *, kc-builder-canvas .kcb-items > * { min-width: 0; }
  kc-builder-canvas .kcb-node { overflow-wrap: break-word; }
  kc-builder .kcb-bottom { padding: 0 var(--kcb-space) var(--kcb-space); }
  kc-builder .kcb-panel { background: var(--kcb-surface); border: 1px solid var(--kcb-border); border-radius: 8px; padding: var(--kcb-space); }
  kc-builder h2, kc-builder h3 { font-size: 14px; margin: 0 0 var(--kcb-space); }
  kc-builder .kcb-hint { color: var(--kcb-muted); font-size: 12px; margin: 4px 0; }
  kc-builder .kcb-error { color: var(--kcb-danger); white-space: pre-wrap; }
  kc-builder .kcb-draft { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.5rem 0; padding: 0.5rem 0.75rem; border: 1px solid var(--kcb-accent, currentColor); border-radius: 6px; }
  kc-builder .kcb-ok { color: #15803d; }
  kc-builder .kcb-rule-group { border-inline-start: 3px solid var(--kcb-border); padding-inline-start: 8px; margin: 6px 0; }
  kc-builder .kcb-combo { position: relative; }
  kc-builder .kcb-combo input { width: 100%; box-sizing: border-box; font-family: ui-monospace, monospace; }
  kc-builder .kcb-combo [role=listbox] { position: absolute; z-index: 5; inset-inline: 0; margin: 2px 0 0; padding: 2px; list-style: none; max-height: 14em; overflow: auto; background: var(--kcb-surface); border: 1px solid var(--kcb-border); border-radius: 6px; box-shadow: 0 4px 12px rgb(0 0 0 / 0.15); }
  kc-builder .kcb-combo [role=option] { padding: 4px 6px; border-radius: 4px; cursor: pointer; }
  kc-builder .kcb-combo [role=option][aria-selected=true] { background: var(--kcb-accent); color: var(--kcb-on-accent, #fff); }
  kc-builder .kcb-formula-where code { white-space: pre-wrap; word-break: break-all; }
  kc-builder .kcb-formula-where mark { background: none; color: var(--kcb-danger); text-decoration: underline wavy var(--kcb-danger); }
  kc-builder .kcb-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

  /* palette */
  kc-builder-palette ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
  kc-builder-palette button { width: 100%; text-align: start; cursor: grab; display: flex; align-items: center; gap: 6px; }
  /* Field-type icons (decorative, beside the type's name): the text's colour, a little muted. */
  kc-builder svg.kc-icon { flex: none; width: 1.1em; height: 1.1em; vertical-align: -0.15em; color: var(--kcb-muted); }
  kc-builder-inspector h2 svg.kc-icon { margin-inline-end: 4px; }
  kc-builder-palette button:hover svg.kc-icon, kc-builder-canvas [role=tab][aria-selected=true] svg.kc-icon { color: var(--kcb-accent); }
  kc-builder-palette .kcb-sep { border-top: 1px solid var(--kcb-border); margin: 6px 0; }

  /* canvas */
  kc-builder-canvas .kcb-tablist { display: flex; flex-wrap: wrap; gap: 2px; border-bottom: 1px solid var(--kcb-border); margin-bottom: var(--kcb-space); }
  kc-builder-canvas .kcb-tablist > button { border-radius: 6px 6px 0 0; border-bottom: none; }
  kc-builder-canvas [role=tab][aria-selected=true] { border-color: var(--kcb-accent); font-weight: 600; }
  kc-builder-canvas .kcb-items { display: grid; gap: 6px; min-height: 40px; padding: 4px; border-radius: 6px; }
  kc-builder-canvas .kcb-items.kcb-cols-2 { grid-template-columns: 1fr 1fr; }
  kc-builder-canvas .kcb-items.kcb-cols-3 { grid-template-columns: 1fr 1fr 1fr; }
  kc-builder-canvas .kcb-node {
    border: 1px solid var(--kcb-border); border-radius: 6px; padding: 6px 8px; background: var(--kcb-surface); cursor: pointer; position: relative;
  }
  kc-builder-canvas .kcb-group { background: var(--kc-color-surface-subtle, #f1f5f9); }
  kc-builder-canvas .kcb-selected { border-color: var(--kcb-accent); box-shadow: 0 0 0 2px color-mix(in srgb, var(--kcb-accent) 30%, transparent); }
  kc-builder-canvas .kcb-node.kcb-drop-before::before, kc-builder-canvas .kcb-node.kcb-drop-after::after {
    content: ''; position: absolute; left: 0; right: 0; height: 3px; background: var(--kcb-accent); border-radius: 2px;
  }
  kc-builder-canvas .kcb-node.kcb-drop-before::before { top: -5px; }
  kc-builder-canvas .kcb-node.kcb-drop-after::after { bottom: -5px; }
  kc-builder-canvas .kcb-items.kcb-drop-into { outline: 2px dashed var(--kcb-accent); }
  kc-builder-canvas .kcb-label { font-weight: 500; display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; }
  /* Narrow columns (three on a phone): every part of a label may shrink and break, never overflow the field. */
  kc-builder-canvas .kcb-label > * { min-width: 0; overflow-wrap: anywhere; }
  kc-builder-canvas .kcb-label .kcb-type { color: var(--kcb-muted); font-size: 12px; font-weight: 400; margin-inline-start: auto; }
  kc-builder-canvas .kcb-label .kcb-type svg.kc-icon { margin-inline-end: 4px; }
  kc-builder-canvas .kcb-label .kcb-key { color: var(--kcb-muted); font-size: 11px; font-weight: 400; font-family: ui-monospace, monospace; flex-basis: 100%; }
  kc-builder-canvas .kcb-untitled { color: var(--kcb-muted); font-style: italic; }
  kc-builder-canvas .kcb-group > .kcb-label { align-items: center; }
  kc-builder-canvas [role=tab], kc-builder-canvas .kcb-tablist > button { display: inline-flex; gap: 6px; align-items: center; }
  kc-builder-canvas .kcb-title-error { flex-basis: 100%; font-size: 12px; font-weight: 400; }
  kc-builder-canvas .kcb-tab-edit { display: inline-flex; flex-wrap: wrap; align-items: center; }
  kc-builder-canvas .kcb-req { color: var(--kcb-danger); }
  kc-builder-canvas .kcb-fake { margin-top: 4px; border: 1px solid var(--kcb-border); border-radius: 4px; min-height: 24px; padding: 2px 6px; color: var(--kcb-muted); background: var(--kcb-bg); font-size: 12px; }
  kc-builder-canvas .kcb-badges { display: flex; gap: 4px; margin-top: 4px; flex-wrap: wrap; }
  kc-builder-canvas .kcb-badge { font-size: 11px; background: var(--kc-color-accent-subtle, #e0e7ff); border-radius: 4px; padding: 0 4px; }
  kc-builder-canvas .kcb-empty { color: var(--kcb-muted); padding: 12px; text-align: center; }
  /* An empty group: its drop area on the surface colour, so the muted hint keeps its contrast. */
  kc-builder-canvas .kcb-group .kcb-empty { background: var(--kcb-surface); border-radius: 4px; margin: 0; }

  /* inspector */
  kc-builder-inspector label, kc-builder-inspector .kcb-row { display: grid; gap: 2px; margin-bottom: 6px; }
  kc-builder-inspector label.kcb-check { display: flex; gap: 6px; align-items: center; }
  kc-builder-inspector fieldset { border: 1px solid var(--kcb-border); border-radius: 6px; margin: 0 0 8px; padding: 6px 8px; }
  kc-builder-inspector legend { font-weight: 600; padding: 0 4px; }
  kc-builder-inspector .kcb-pair { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; }
  kc-builder-inspector .kcb-option, kc-builder-inspector .kcb-condition { display: grid; grid-template-columns: 1fr 1fr auto auto auto; gap: 4px; align-items: center; margin-bottom: 4px; }
  kc-builder-inspector .kcb-condition { grid-template-columns: 1fr 1fr 1fr auto; }
  kc-builder-inspector .kcb-actions { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 8px; }
  kc-builder-inspector details.kcb-advanced { margin: 0 0 6px; }
  kc-builder-inspector details.kcb-advanced > summary { cursor: pointer; color: var(--kcb-muted); margin-bottom: 4px; }
  kc-builder-inspector textarea { font-family: ui-monospace, monospace; font-size: 12px; min-height: 70px; }

  /* preview and JSON */
  kc-builder .kcb-tabs { display: flex; gap: 4px; margin-bottom: var(--kcb-space); }
  kc-builder .kcb-tabs [aria-selected=true] { border-color: var(--kcb-accent); font-weight: 600; }
  kc-builder-preview .kcb-bar, kc-builder-json .kcb-bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin-bottom: 8px; }
  kc-builder-preview label, kc-builder-json label { display: grid; gap: 2px; }
  kc-builder-json textarea { width: 100%; box-sizing: border-box; min-height: 320px; font-family: ui-monospace, monospace; font-size: 12px; }

  /* publish dialog */
  kc-builder dialog { color: inherit; background: var(--kcb-surface); border: 1px solid var(--kcb-border); border-radius: 8px; max-width: 640px; width: 90vw; }
  kc-builder dialog table { border-collapse: collapse; width: 100%; }
  kc-builder dialog th, kc-builder dialog td { text-align: start; padding: 4px 6px; border-bottom: 1px solid var(--kcb-border); vertical-align: top; }
  kc-builder dialog code { font-size: 12px; }

  @container (max-width: 1000px) { kc-builder .kcb-main { grid-template-columns: 1fr; } kc-builder .kcb-splitter { display: none; } }
  /* Touch screens: every button, field and tab of the builder is a 44 px tap target. */
  @media (pointer: coarse) {
    kc-builder button, kc-builder select, kc-builder input:not([type=checkbox], [type=radio]), kc-builder [role=tab] { min-height: 44px; min-width: 44px; box-sizing: border-box; }
  }
`;
