import type { Meta } from '@storybook/web-components-vite';
import { renderWidget, validateCard, type WidgetArgs, type WidgetStory } from './widget-story.js';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Money',
  component: 'kc-money-field',
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en'] } },
  render: renderWidget,
  args: {
    locale: 'ru',
    field: {
      type: 'object',
      title: 'Цена',
      properties: { amount: { type: 'number', minimum: 0 }, currency: { type: 'string', enum: ['RUB', 'USD', 'EUR', 'CNY'] } },
    },
    value: { amount: 1500.5, currency: 'RUB' },
  },
};
export default meta;

export const Russian: WidgetStory = { args: { locale: 'ru' } };
export const English: WidgetStory = { args: { locale: 'en' } };
export const Empty: WidgetStory = { args: { value: null } };

export const WithErrors: WidgetStory = { args: { value: { amount: -5, currency: 'RUB' } }, play: validateCard };
