import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { JsonSchemaObject, Locale } from '@kartochka/core';
import '@kartochka/elements';

// A computed field needs its inputs: edit them and watch the share update.
const schema: JsonSchemaObject = {
  type: 'object',
  properties: {
    actual: { type: 'number', title: 'Фактический объём' },
    potential: { type: 'number', title: 'Потенциал' },
    share: {
      type: 'number',
      title: 'Наша доля',
      'x-unit': '%',
      'x-formula': { round: [{ '*': [{ '/': [{ var: '/actual' }, { var: '/potential' }] }, 100] }, 1] },
    },
  },
};

const meta: Meta<{ locale: Locale }> = {
  title: 'Widgets/Computed',
  component: 'kc-computed-field',
  args: { locale: 'ru' },
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en'] } },
  render: (a) => html`<kc-card .schema=${schema} .value=${{ actual: 125, potential: 1000 }} locale=${a.locale}></kc-card>`,
};
export default meta;

export const Russian: StoryObj<{ locale: Locale }> = { args: { locale: 'ru' } };
export const English: StoryObj<{ locale: Locale }> = { args: { locale: 'en' } };
