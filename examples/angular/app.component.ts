// The example's one component: a Kartochka card in an Angular template. Angular binds `[schema]`,
// `[value]` and `[locale]` as properties of the custom element (an object schema reaches it whole)
// and listens to `(kc-change)`; CUSTOM_ELEMENTS_SCHEMA lets the template use the kc-* tags.
// Writing the card's value back into the signal on every change is safe: the card keeps what the
// user typed (docs/elements.md, *Controlled use*).
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import '@kartochka/elements';
import type { KcCard, KcChangeEvent } from '@kartochka/elements';
import type { JsonSchemaObject, JsonValue } from '@kartochka/core';

const schema: JsonSchemaObject = {
  type: 'object',
  required: ['companyName'],
  properties: {
    companyName: { type: 'string', title: 'Company name', minLength: 2 },
    email: { type: 'string', format: 'email', title: 'Email' },
    segment: { enum: ['dealer', 'corporate', 'chain'], title: 'Segment' },
  },
};

@Component({
  selector: 'kc-angular-example',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <label>Language
        <select id="locale" [value]="locale()" (change)="locale.set($any($event.target).value)">
          <option value="en">English</option>
          <option value="ru">Русский</option>
          <option value="de">Deutsch</option>
        </select>
      </label>
      <kc-card #card [schema]="schema" [value]="client()" [locale]="locale()" (kc-change)="changed($event, card)"></kc-card>
      <button id="save" (click)="save(card)">Save</button>
      <pre id="state">{{ stateText() }}</pre>
      <p id="last-path">{{ lastPath() }}</p>
      <output id="saved">{{ saved() }}</output>
    </main>`,
})
export class ExampleComponent {
  readonly schema = schema;
  readonly client = signal<JsonValue>({ companyName: 'Acme' });
  readonly locale = signal('en');
  readonly lastPath = signal('');
  readonly saved = signal('');

  stateText(): string {
    return JSON.stringify(this.client());
  }

  // The element comes from the template reference (#card): no query, no cast. Angular types `$event`
  // as KcChangeEvent and `card` as KcCard from the elements' event and tag maps.
  changed(event: KcChangeEvent, card: KcCard): void {
    this.lastPath.set(event.detail.path);
    this.client.set(structuredClone(card.value) as JsonValue);
  }

  save(card: KcCard): void {
    if (card.validate().valid) this.saved.set(JSON.stringify(card.value));
    else card.focusFirstInvalid();
  }
}
