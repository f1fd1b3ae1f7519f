import type { Meta } from '@storybook/web-components-vite';
import { renderWidget, type WidgetArgs, type WidgetStory } from './widget-story.js';

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Date field',
  component: 'kc-date-field',
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en'] } },
  render: renderWidget,
  args: {
    locale: 'ru',
    field: { type: 'string', format: 'date', title: 'Дата договора' },
    value: '2026-03-01',
  },
};
export default meta;

export const Russian: WidgetStory = { args: { locale: 'ru' } };
export const English: WidgetStory = { args: { locale: 'en' } };
export const Empty: WidgetStory = { args: { value: null } };
