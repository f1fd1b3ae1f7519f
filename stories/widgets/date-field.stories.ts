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

/** The calendar open: month and weekday names and the week's first day in the card's language. */
const openCalendar: WidgetStory['play'] = async ({ canvasElement }) => {
  const card = canvasElement.querySelector('kc-card') as HTMLElement & { updateComplete: Promise<unknown> };
  await card.updateComplete;
  const field = card.shadowRoot!.querySelector('kc-date-field') as HTMLElement & { updateComplete: Promise<unknown> };
  await field.updateComplete;
  (field.shadowRoot!.querySelector('[part="picker-button"]') as HTMLButtonElement).click();
};
export const CalendarRussian: WidgetStory = { args: { locale: 'ru' }, play: openCalendar };
export const CalendarEnglish: WidgetStory = { args: { locale: 'en' }, play: openCalendar };
