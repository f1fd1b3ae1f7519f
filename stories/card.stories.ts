import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { JsonSchemaObject, JsonValue, Locale, MessageCatalogue } from '@kartochka/core';
import '@kartochka/elements';
import { clientMessages, clientSchema } from '../examples/demo/client-schema.js';

interface CardArgs {
  schema: JsonSchemaObject;
  value: JsonValue;
  locale: Locale;
  messages: MessageCatalogue;
  validationMode: 'onInput' | 'onTouched' | 'none';
}

const meta: Meta<CardArgs> = {
  title: 'Card/kc-card',
  component: 'kc-card',
  args: { schema: clientSchema, messages: clientMessages, value: {}, locale: 'ru', validationMode: 'onInput' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['ru', 'en'] },
    validationMode: { control: 'inline-radio', options: ['onInput', 'onTouched', 'none'] },
  },
  render: (a) =>
    html`<kc-card .schema=${a.schema} .messages=${a.messages} .value=${a.value} locale=${a.locale} validation-mode=${a.validationMode}></kc-card>`,
};
export default meta;

type Story = StoryObj<CardArgs>;

export const Empty: Story = {};
export const Filled: Story = {
  args: {
    value: { companyName: 'ООО Ромашка', email: 'info@romashka.example', segment: 'dealer', headcount: 120, contractDate: '2026-03-01', address: { city: 'Казань', street: 'Баумана, 1', postcode: '420111' } },
  },
};
export const Invalid: Story = {
  args: { value: { companyName: 'X', email: 'nope', headcount: -3, address: { postcode: '12' } } },
  play: async ({ canvasElement }) => {
    (canvasElement.querySelector('kc-card') as unknown as { validate(): unknown }).validate();
  },
};
export const English: Story = { args: { locale: 'en', value: Filled.args!.value! } };
