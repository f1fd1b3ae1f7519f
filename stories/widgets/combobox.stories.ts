import type { Meta } from '@storybook/web-components-vite';
import { renderWidget, validateCard, type WidgetArgs, type WidgetStory } from './widget-story.js';
import { cities } from '../../packages/elements/src/test-support/cities.js';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Select (combobox, >10 options)',
  component: 'kc-select',
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en'] } },
  render: renderWidget,
  args: {
    locale: 'ru',
    field: {
      title: 'Город',
      enum: cities,
    },
    value: 'Казань',
  },
};
export default meta;

export const Russian: WidgetStory = { args: { locale: 'ru' } };
export const English: WidgetStory = { args: { locale: 'en' } };
export const Empty: WidgetStory = { args: { value: null } };

export const WithErrors: WidgetStory = { args: { value: 'Атлантида' }, play: validateCard };
