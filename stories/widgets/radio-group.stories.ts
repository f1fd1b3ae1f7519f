import type { Meta } from '@storybook/web-components-vite';
import { renderWidget, validateCard, type WidgetArgs, type WidgetStory } from './widget-story.js';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Radio group',
  component: 'kc-radio-group',
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en'] } },
  render: renderWidget,
  args: {
    locale: 'ru',
    field: { enum: ['s', 'm', 'l'], 'x-widget': 'radio', title: 'Размер' },
    value: 'm',
    messages: {
      ru: { '/field': { title: 'Размер', options: { s: 'Малый', m: 'Средний', l: 'Крупный' } } },
      en: { '/field': { title: 'Size', options: { s: 'Small', m: 'Medium', l: 'Large' } } },
    },
  },
};
export default meta;

export const Russian: WidgetStory = { args: { locale: 'ru' } };
export const English: WidgetStory = { args: { locale: 'en' } };
export const Empty: WidgetStory = { args: { value: null } };

export const WithErrors: WidgetStory = { args: { value: 'xl' }, play: validateCard };
