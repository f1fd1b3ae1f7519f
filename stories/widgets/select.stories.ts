import type { Meta } from '@storybook/web-components-vite';
import { renderWidget, validateCard, type WidgetArgs, type WidgetStory } from './widget-story.js';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Select (native)',
  component: 'kc-select',
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en'] } },
  render: renderWidget,
  args: {
    locale: 'ru',
    field: { enum: ['dealer', 'corporate', 'retail'], title: 'Сегмент' },
    value: 'dealer',
    messages: {
      ru: { '/field': { title: 'Сегмент', options: { dealer: 'Дилер', corporate: 'Корпоративный', retail: 'Розница' } } },
      en: { '/field': { title: 'Segment', options: { dealer: 'Dealer', corporate: 'Corporate', retail: 'Retail' } } },
    },
  },
};
export default meta;

export const Russian: WidgetStory = { args: { locale: 'ru' } };
export const English: WidgetStory = { args: { locale: 'en' } };
export const Empty: WidgetStory = { args: { value: null } };

export const WithErrors: WidgetStory = { args: { value: 'alien' }, play: validateCard };
