/**
 * Paint first and precompiled validators (docs/elements.md, *Paint first*; docs/schema.md,
 * *Precompiled validators in builds*). The stories import only `@kartochka/elements/card`.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { type JsonSchemaObject, type PrecompiledValidator } from '@kartochka/core';
import { b2bClientCard } from '@kartochka/templates';
import '@kartochka/elements/card';
import type { KcCard } from '@kartochka/elements/card';

/** A card of `n` fields in sections of ten: strings, emails (a third of them empty) and numbers. */
function bigCard(n: number): { schema: JsonSchemaObject; value: Record<string, Record<string, unknown>> } {
  const properties: Record<string, JsonSchemaObject> = {};
  const value: Record<string, Record<string, unknown>> = {};
  for (let s = 0; s < n / 10; s++) {
    const fields: Record<string, JsonSchemaObject> = {};
    const data: Record<string, unknown> = {};
    for (let i = 0; i < 10; i++) {
      const k = `f${i}`;
      if (i % 3 === 0) fields[k] = { type: 'string', format: 'email', title: `Email ${s}.${i}` };
      else if (i % 3 === 1) {
        fields[k] = { type: 'integer', minimum: 0, title: `Number ${s}.${i}` };
        data[k] = s + i;
      } else {
        fields[k] = { type: 'string', minLength: 2, title: `Text ${s}.${i}` };
        data[k] = `Value ${s}.${i}`;
      }
    }
    properties[`s${s}`] = { type: 'object', title: `Section ${s + 1}`, required: ['f0'], properties: fields };
    value[`s${s}`] = data;
  }
  return { schema: { type: 'object', properties }, value };
}

/** Shows the card's state as it changes: painted, validating, then checked with N errors. */
function status(card: KcCard | null, out: HTMLElement | null): void {
  if (!card || !out) return;
  const t0 = performance.now();
  out.textContent = card.matches(':state(validating)') ? 'painted; validating…' : 'painted';
  void card.validatorReady.then(() => {
    const n = card.controller?.errorCount ?? 0;
    out.textContent = `validated ${Math.round(performance.now() - t0)} ms after the first render; ${n} problem(s)`;
  });
}

const meta: Meta = { title: 'Card/Paint first' };
export default meta;

export const TwoThousandFields: StoryObj = {
  name: '2,000 fields: fields first, errors after',
  render: () => {
    const { schema, value } = bigCard(2000);
    setTimeout(() => status(document.querySelector<KcCard>('#big'), document.querySelector('#big-status')), 0);
    return html`<style>
        kc-card:state(validating) { outline: 2px dashed #9aa4b2; }
      </style>
      <p role="status" id="big-status"></p>
      <kc-card id="big" .schema=${schema} .value=${value} sections="plain" validation-mode="onTouched"></kc-card>`;
  },
};

export const PrecompiledTemplate: StoryObj = {
  name: 'Template with its precompiled validator (no ajv compile)',
  loaders: [async () => ({ validator: await b2bClientCard.loadValidator!() })],
  render: (_args, { loaded }) =>
    html`<kc-card
      locale="ru"
      .schema=${b2bClientCard.schema}
      .validator=${(loaded as { validator: PrecompiledValidator }).validator}
      .layout=${b2bClientCard.layout}
      .messages=${b2bClientCard.messages}
      .value=${structuredClone(b2bClientCard.sample)}
    ></kc-card>`,
};
