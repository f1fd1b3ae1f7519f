import type { Meta } from '@storybook/web-components-vite';
import { renderWidget, validateCard, type WidgetArgs, type WidgetStory } from './widget-story.js';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Multi-select',
  component: 'kc-multi-select',
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en'] } },
  render: renderWidget,
  args: {
    locale: 'ru',
    field: { type: 'array', title: 'Регионы', uniqueItems: true, minItems: 1, items: { enum: ['ru', 'kz', 'by'] } },
    value: ['ru', 'by'],
    messages: {
      ru: { '/field': { title: 'Регионы', options: { ru: 'Россия', kz: 'Казахстан', by: 'Беларусь' } } },
      en: { '/field': { title: 'Regions', options: { ru: 'Russia', kz: 'Kazakhstan', by: 'Belarus' } } },
    },
  },
};
export default meta;

export const Russian: WidgetStory = { args: { locale: 'ru' } };
export const English: WidgetStory = { args: { locale: 'en' } };
export const Empty: WidgetStory = { args: { value: null } };

export const WithErrors: WidgetStory = { args: { value: [] }, play: validateCard };
