import { html, type PropertyValues } from 'lit';
import { draggable } from '@atlaskit/pragmatic-drag-and-drop/element/adapter';
import { combine } from '@atlaskit/pragmatic-drag-and-drop/combine';
import { localize } from '@kartochka/core';
import { FIELD_TYPES, type FieldType } from '../model/index.js';
import { addAtSelection } from './actions.js';
import { BuilderPart } from './part.js';
import { typeIcon } from './type-icons.js';

/** What a palette drag carries. */
export interface PaletteDragData {
  readonly kcb: 'palette';
  readonly what: FieldType | 'section' | 'group';
  [key: string]: unknown;
}

/**
 * @summary The palette: a section, a group and every field type. Click (or Enter) adds after the
 * selection; drag drops it where you let go on the canvas.
 */
export class KcBuilderPalette extends BuilderPart {
  #cleanup?: () => void;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cleanup?.();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#cleanup?.();
    const buttons = [...this.querySelectorAll<HTMLElement>('[data-what]')];
    this.#cleanup = combine(
      ...buttons.map((element) =>
        draggable({
          element,
          getInitialData: (): PaletteDragData => ({ kcb: 'palette', what: element.dataset.what as PaletteDragData['what'] }),
        }),
      ),
    );
  }

  #add(what: PaletteDragData['what']) {
    if (this.store) addAtSelection(this.store, what, this.store.activeSection);
  }

  override render(): unknown {
    const l = this.locale;
    // The icon is decorative: the button's name is the type's name in words.
    const item = (what: PaletteDragData['what'], label: string) =>
      html`<li><button type="button" data-what=${what} draggable="true" @click=${() => this.#add(what)}>${typeIcon(what)}<span>${label}</span></button></li>`;
    return html`<section class="kcb-panel" aria-labelledby="${this.uid}-h">
      <h2 id="${this.uid}-h">${this.t('palette')}</h2>
      <p class="kcb-hint">${this.t('paletteHint')}</p>
      <ul>
        ${item('section', '+ ' + this.t('section'))} ${item('group', '+ ' + this.t('group'))}
        <li class="kcb-sep" aria-hidden="true"></li>
        ${FIELD_TYPES.map((t) => item(t.type, localize(t.label, l)!))}
      </ul>
    </section>`;
  }
}

if (!customElements.get('kc-builder-palette')) customElements.define('kc-builder-palette', KcBuilderPalette);
declare global {
  interface HTMLElementTagNameMap {
    'kc-builder-palette': KcBuilderPalette;
  }
}
