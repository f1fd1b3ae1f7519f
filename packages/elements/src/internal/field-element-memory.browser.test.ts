/**
 * What a widget keeps between updates (field-element.ts, NO_CHANGES): the changed-properties map
 * Lit makes after every update and the first update's promise resolver are shed, one shared empty
 * map instead of a map per field. Changes after that must still reach updated() and the DOM.
 */
import { expect } from '@open-wc/testing';
import { ReactiveElement, html, type PropertyValues } from 'lit';
import '../index.js';
import { mount, unmountAll } from '../testing/helpers.js';
import { KcTextField } from '../text-field/text-field.js';
import { defineElement } from './field-element.js';

type Lit = Record<string, unknown> & { updateComplete: Promise<boolean> };
const changedMap = (el: object): unknown => {
  const lit = el as Record<string, unknown>;
  return lit['_$AL'] instanceof Map ? lit['_$AL'] : lit['_$changedProperties'];
};

/** A Lit-rendered widget (it replaces the control) that records what each update is told has changed. */
class RecordingField extends KcTextField {
  seen: string[][] = [];
  protected override renderControl(): unknown {
    return html`<input id="input" .value=${String(this.value ?? '')} />`;
  }
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.seen.push([...changed.keys()].map(String));
  }
}
defineElement('kc-test-recording-field', RecordingField);

async function add<T extends HTMLElement>(tag: string): Promise<T & Lit> {
  const host = mount<HTMLElement>(html`<div></div>`);
  const el = document.createElement(tag) as T & Lit;
  host.append(el);
  await el.updateComplete;
  return el;
}

describe('widgets shed what Lit keeps between updates', () => {
  afterEach(unmountAll);

  for (const tag of ['kc-text-field', 'kc-test-recording-field']) {
    it(`${tag}: one shared empty map between updates, and later changes still render`, async () => {
      const a = await add<KcTextField>(tag);
      const b = await add<KcTextField>(tag);
      const shared = changedMap(a);
      expect(shared, 'a Map between updates').to.be.instanceOf(Map);
      expect((shared as Map<unknown, unknown>).size).to.equal(0);
      expect(changedMap(b), 'the same map for every widget').to.equal(shared);
      expect((a as unknown as Lit).enableUpdating, "the resolved first update's resolver is let go").to.equal(
        (ReactiveElement.prototype as unknown as Lit).enableUpdating,
      );

      a.label = 'Company';
      a.value = 'Acme';
      expect(changedMap(a), 'a map of its own once something changes').to.not.equal(shared);
      expect(changedMap(b), 'the other widget keeps the shared one').to.equal(shared);
      expect((shared as Map<unknown, unknown>).size, 'nothing written into the shared map').to.equal(0);
      await a.updateComplete;
      expect(a.shadowRoot!.querySelector('label')!.textContent).to.equal('Company');
      expect((a.shadowRoot!.querySelector('input') as HTMLInputElement).value).to.equal('Acme');
      expect(changedMap(a)).to.equal(shared);
      if (a instanceof RecordingField) expect(a.seen.at(-1)).to.include.members(['label', 'value']);

      // Moved in the DOM: connectedCallback calls enableUpdating again; updates go on.
      const other = mount<HTMLElement>(html`<section></section>`);
      other.append(a);
      a.value = 'Beta';
      await a.updateComplete;
      expect((a.shadowRoot!.querySelector('input') as HTMLInputElement).value).to.equal('Beta');
    });
  }
});
