import type { Meta } from '@storybook/web-components-vite';
import { renderWidget, type WidgetArgs, type WidgetStory } from './widget-story.js';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Time field',
  component: 'kc-time-field',
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en'] } },
  render: renderWidget,
  args: {
    locale: 'ru',
    field: { type: 'string', format: 'time', title: 'Время звонка' },
    value: '10:30:00Z',
  },
};
export default meta;

export const Russian: WidgetStory = { args: { locale: 'ru' } };
export const English: WidgetStory = { args: { locale: 'en' } };
export const Empty: WidgetStory = { args: { value: null } };
