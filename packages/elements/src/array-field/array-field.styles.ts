import { css } from 'lit';

/** The look of the repeating group in both layouts (sub-cards and table). */
export const arrayFieldStyles = css`
  fieldset { border: 1px solid var(--kc-color-border-subtle, #d5d9e2); border-radius: var(--_radius); padding: var(--_space) calc(var(--_space) * 2); margin: 0; min-width: 0; }
  legend { font-weight: 700; padding: 0 calc(var(--_space) / 2); }
  ol { list-style: none; margin: 0; padding: 0; }
  li { border-block-end: 1px dashed var(--kc-color-border-subtle, #d5d9e2); padding-block: var(--_space); background: var(--_bg); }
  .tools { display: flex; gap: calc(var(--_space) / 2); flex-wrap: wrap; margin-block-end: calc(var(--_space) / 2); }
  .tools button { font-size: 0.85em; }
  .handle { cursor: grab; touch-action: none; }
  .handle:active { cursor: grabbing; }
  .empty { color: var(--_muted); }

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
  tr { display: grid; grid-template-columns: var(--_cols); column-gap: var(--_space); align-items: start; border-block-end: 1px solid var(--kc-color-border-subtle, #d5d9e2); background: var(--_bg); }
  th { text-align: start; font-weight: 600; padding-block: calc(var(--_space) / 2); }
  td { padding-block: calc(var(--_space) / 2); min-width: 0; }
  table { --_actions-size: 11em; }
  td.actions { display: flex; gap: calc(var(--_space) / 4); flex-wrap: nowrap; }
  td.actions button { inline-size: 2em; block-size: 2em; padding: 0; line-height: 1; }
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
`;
