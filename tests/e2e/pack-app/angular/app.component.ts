// A Kartochka card in an Angular template, as docs/frameworks.md shows it: CUSTOM_ELEMENTS_SCHEMA
// for the kc-* tags, `[schema]`/`[value]` bound as properties, `(kc-change)` written back into a
// signal. No casts: under strictTemplates Angular types `#card` as the tag's element
// (HTMLElementTagNameMap: KcCard) and `$event` from the element's event map (KcChangeEvent), so
// ngc rejects a handler that expects anything else.
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
  },
};

@Component({
  selector: 'kc-pack-angular',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: ` <kc-card #card [schema]="schema" [value]="client()" locale="de" (kc-change)="changed($event, card)"></kc-card>
    <button id="save" (click)="save(card)">Save</button>
    <output id="result">{{ lastPath() ? lastPath() + '=' + state() : '' }}</output>
    <output id="saved">{{ saved() }}</output>`,
})
export class PackAngularComponent {
  readonly schema = schema;
  readonly client = signal<JsonValue | undefined>({ companyName: 'Acme' });
  readonly lastPath = signal('');
  readonly saved = signal('');

  state(): string {
    return JSON.stringify(this.client());
  }

  changed(event: KcChangeEvent, card: KcCard): void {
    this.lastPath.set(event.detail.path);
    this.client.set(structuredClone(card.value));
  }

  save(card: KcCard): void {
    if (card.validate().valid) this.saved.set(JSON.stringify(card.value));
    else card.focusFirstInvalid();
  }
}
