import type { Meta } from '@storybook/web-components-vite';
import { renderWidget, type WidgetArgs, type WidgetStory } from './widget-story.js';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Date-time field',
  component: 'kc-datetime-field',
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en'] } },
  render: renderWidget,
  args: {
    locale: 'ru',
    field: { type: 'string', format: 'date-time', title: 'Последний звонок' },
    value: '2026-03-01T09:30:00.000Z',
  },
};
export default meta;

export const Russian: WidgetStory = { args: { locale: 'ru' } };
export const English: WidgetStory = { args: { locale: 'en' } };
export const Empty: WidgetStory = { args: { value: null } };
