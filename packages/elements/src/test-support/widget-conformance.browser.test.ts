/**
 * The conformance suite run against an app's own widget, registered through
 * `defaultRegistry.extend()`: the path every app-specific widget takes.
 */
import { html, nothing } from 'lit';
import { defaultRegistry, formatIs, kindIs, RANK, rankWith, typeIs } from '@kartochka/core';
import { KcFieldElement, defineElement } from '../index.js';
import { drivers, runWidgetConformance } from './widget-conformance.js';

class AppInnField extends KcFieldElement {
  override render() {
    return html`${this.renderLabel()}
      <input
        id="input"
        .value=${typeof this.value === 'string' ? this.value : ''}
        inputmode="numeric"
        ?readonly=${this.readonly}
        ?disabled=${this.disabled}
        aria-invalid=${this.invalid ? 'true' : nothing}
        aria-describedby="hint error"
        @input=${(e: Event) => this.commit((e.target as HTMLInputElement).value || undefined)}
        @change=${this.fireChange}
        @blur=${this.handleBlur}
      />${this.renderFeedback()}`;
  }
}
defineElement('app-inn-field', AppInnField);

const registry = defaultRegistry.extend({
  name: 'inn',
  tag: 'app-inn-field',
  tester: rankWith(RANK.app, kindIs('value'), typeIs('string'), formatIs('inn')),
});

runWidgetConformance({
  name: 'an app widget (app-inn-field) through defaultRegistry.extend()',
  tag: 'app-inn-field',
  schema: { type: 'string', format: 'inn', pattern: '^\\d{10}(\\d{2})?$' },
  sample: '7707083893',
  other: '500100732259',
  invalid: { value: '123', keyword: 'pattern' },
  driver: drivers['kc-text-field'],
  registry,
});
