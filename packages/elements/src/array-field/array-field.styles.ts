import { css } from 'lit';

/** The look of the repeating group in both layouts (sub-cards and table). */
export const arrayFieldStyles = css`
  fieldset { border: 1px solid var(--_border-subtle); border-radius: var(--_radius); padding: var(--_space) calc(var(--_space) * 1.5); margin: 0; min-width: 0; }
  legend { font-weight: 700; padding: 0 calc(var(--_space) / 2); }
  ol { list-style: none; margin: 0 0 var(--_space); padding: 0; display: grid; gap: var(--_space); }
  /* A compact card per item: a head line (number, drag handle, row menu), then the item's fields. */
  li { border: 1px solid var(--_border-subtle); border-radius: var(--_radius); padding: calc(var(--_space) / 2) var(--_space) 0; background: var(--_bg); }
  .row-head { display: flex; align-items: center; gap: calc(var(--_space) / 2); margin-block-end: calc(var(--_space) / 4); }
  .row-label { flex: 1 1 auto; color: var(--_muted); font-weight: 600; font-size: 0.875em; }
  .row-head button.icon, td.actions button.icon { min-block-size: 2rem; inline-size: 2rem; color: var(--_muted); }
  @media (pointer: coarse) {
    .row-head button.icon, td.actions button.icon, .menu [role='menuitem'] { min-block-size: var(--_control-h); min-inline-size: var(--_control-h); }
    table { --_actions-size: calc(var(--_control-h) * 2 + 4px); }
  }
  .row-head button.icon:hover, td.actions button.icon:hover { color: var(--_fg); background: var(--_bg-subtle); }
  .menu-button[aria-expanded='true'] { background: var(--_bg-subtle); color: var(--_fg); }
  /* The item's own frame and legend are redundant in its sub-card; the legend stays for assistive technology. */
  li > [data-widget] { margin-block-end: 0; }
  li > [data-widget]::part(group) { border: none; padding: 0; }
  li > [data-widget]::part(legend) { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .handle { cursor: grab; touch-action: none; }
  .handle:active { cursor: grabbing; }

  /* The row menu: in the top layer (popover), placed under its button by script. */
  .menu { display: none; position: fixed; inset: auto; margin: 0; padding: calc(var(--_space) / 2); min-inline-size: 11rem; flex-direction: column; gap: 2px;
    color: var(--_fg); background: var(--_bg); border: 1px solid var(--_border-subtle); border-radius: var(--_radius); box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); }
  .menu[data-open] { display: flex; }
  .menu [role='menuitem'] { justify-content: flex-start; border: none; background: transparent; color: inherit; font-weight: 400; min-block-size: 2.25rem; padding: 0 var(--_space); }
  .menu [role='menuitem']:hover, .menu [role='menuitem']:focus { background: var(--_accent-subtle); outline: none; }
  .menu [role='menuitem']:focus-visible { outline: 2px solid var(--_focus); outline-offset: -2px; }
  .menu [role='menuitem'][aria-disabled='true'] { opacity: 0.45; cursor: default; }
  .menu [role='menuitem'].danger { color: var(--_danger); }

  /* The drop indicator: a bar on the side of the target where the item will land. */
  .drop-before { box-shadow: inset 0 3px 0 0 var(--_accent); }
  .drop-after { box-shadow: inset 0 -3px 0 0 var(--_accent); }
  .dragging { opacity: 0.5; }

  /*
   * Table rows are grids, so the header and the rows share column widths even when the body is
   * virtualized (its rows are then positioned absolutely and a real table layout cannot size them).
   */
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; inline-size: 100%; display: block; }
  thead, tbody { display: block; }
  tr { display: grid; grid-template-columns: var(--_cols); column-gap: var(--_space); align-items: start; border-block-end: 1px solid var(--_border-subtle); background: var(--_bg); }
  th { text-align: start; font-weight: 600; padding-block: calc(var(--_space) / 2); }
  td { padding-block: calc(var(--_space) / 2); min-width: 0; }
  table { --_actions-size: 4.5rem; }
  td.actions { display: flex; gap: 2px; flex-wrap: nowrap; align-items: center; min-block-size: var(--_control-h); }
  /* Each cell's widget keeps its label for assistive technology; the column header shows it. */
  td > [data-widget] { margin: 0; }
  td > [data-widget]::part(label),
  td > [data-widget]::part(legend),
  td > [data-widget]::part(hint) {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
  }

  /* Past the virtualization threshold the list scrolls inside its own viewport. */
  .virtual { block-size: var(--kc-array-viewport-size, min(70vh, 36rem)); overflow: auto; scrollbar-gutter: stable; }
  /* The header keeps the same gutter as the scrolling body, so the columns stay aligned. */
  table.has-virtual-body thead { overflow-y: hidden; scrollbar-gutter: stable; }
  .virtual > li, .virtual > tr { inline-size: 100%; }
  @media print { .row-head button, td.actions, .menu, button.add { display: none; } }
`;
