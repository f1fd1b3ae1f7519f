import type { Meta } from '@storybook/web-components-vite';
import type { JsonSchemaObject, JsonValue } from '@kartochka/core';
import { renderWidget, validateCard, type WidgetArgs, type WidgetStory } from './widget-story.js';

const contact: JsonSchemaObject = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', title: 'ФИО', minLength: 2 },
    phone: { type: 'string', format: 'tel', title: 'Телефон' },
    role: { enum: ['lpr', 'buyer', 'accountant'], 'x-enumTitles': ['ЛПР', 'Закупщик', 'Бухгалтер'], title: 'Роль' },
    main: { type: 'boolean', title: 'Основной' },
  },
};
const contacts: JsonValue[] = [
  { name: 'Иванова Анна', phone: '+7 495 123-45-67', role: 'lpr', main: true },
  { name: 'Петров Олег', phone: '+7 812 765-43-21', role: 'buyer' },
  { name: 'Сидорова Мария', role: 'accountant' },
];
const list: JsonSchemaObject = { type: 'array', title: 'Контакты', items: contact };
const table: JsonSchemaObject = { ...list, 'x-widget': 'table' };

const meta: Meta<WidgetArgs> = {
  title: 'Widgets/Array (list and table)',
  component: 'kc-array-field',
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en'] } },
  render: renderWidget,
  args: { locale: 'ru', field: list, value: contacts },
};
export default meta;

/** Sub-cards: drag the handle, or focus it and press Alt+↑/Alt+↓; the ⋮ button opens the row menu. */
export const List: WidgetStory = {};

/** The second contact's row menu open (an ARIA menu: ↑/↓, Home/End, Enter, Escape). */
export const RowMenuOpen: WidgetStory = {
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('kc-card') as HTMLElement & { updateComplete: Promise<unknown> };
    await card.updateComplete;
    const field = card.shadowRoot!.querySelector('kc-array-field') as HTMLElement & { updateComplete: Promise<unknown> };
    await field.updateComplete;
    (field.shadowRoot!.querySelector('[data-index="1"] .menu-button') as HTMLButtonElement).click();
  },
};
export const ListEnglish: WidgetStory = { args: { locale: 'en' } };
export const Empty: WidgetStory = { args: { value: null } };

/** `x-widget: "table"`: one row per contact, the widgets in the cells. */
export const Table: WidgetStory = { args: { field: table } };
export const TableEnglish: WidgetStory = { args: { field: table, locale: 'en' } };
export const TableWithErrors: WidgetStory = { args: { field: table, value: [{ name: 'A' }, { role: 'ceo' }] }, play: validateCard };

/** 10,000 rows: past 200 only the rows in view are rendered. */
export const Table10000Rows: WidgetStory = {
  args: {
    field: {
      type: 'array',
      title: 'Позиции',
      'x-widget': 'table',
      items: {
        type: 'object',
        properties: { sku: { type: 'string', title: 'Артикул' }, qty: { type: 'integer', title: 'Кол-во', minimum: 0 } },
      },
    },
    value: Array.from({ length: 10_000 }, (_, i) => ({ sku: `SKU-${String(i + 1).padStart(5, '0')}`, qty: i % 17 })),
  },
};
