import type { Meta } from '@storybook/web-components-vite';
import { renderWidget, validateCard, type WidgetArgs, type WidgetStory } from './widget-story.js';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Rating',
  component: 'kc-rating',
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en'] } },
  render: renderWidget,
  args: {
    locale: 'ru',
    field: { type: 'integer', title: 'Лояльность', minimum: 1, maximum: 5, 'x-widget': 'rating' },
    value: 5,
    messages: {
      ru: {
        '/field': {
          title: 'Лояльность',
          options: {
            '1': 'враждебен',
            '2': 'холоден',
            '3': 'нейтрален',
            '4': 'доброжелателен',
            '5': 'продвигает и рекомендует нас, активно сотрудничает, наращивает нашу долю',
          },
        },
      },
      en: {
        '/field': {
          title: 'Loyalty',
          options: {
            '1': 'hostile',
            '2': 'cold',
            '3': 'neutral',
            '4': 'friendly',
            '5': 'promotes and recommends us, cooperates actively, grows our share',
          },
        },
      },
    },
  },
};
export default meta;

export const Russian: WidgetStory = { args: { locale: 'ru' } };
export const English: WidgetStory = { args: { locale: 'en' } };
export const Empty: WidgetStory = { args: { value: null } };

export const WithErrors: WidgetStory = { args: { value: 7 }, play: validateCard };
