import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { JsonSchemaObject, JsonValue, Locale, MessageCatalogue } from '@kartochka/core';
import '@kartochka/elements';

/**
 * `<kc-card roles>` with `x-access` rules in the schema: the medical history is read by masters
 * and admins and written by masters only, so an admin sees it read-only and an editor not at all
 * (its section goes too). Display only: the server enforces the same rule (docs/rest-api.md,
 * "Field access").
 */
const schema: JsonSchemaObject = {
  type: 'object',
  required: ['fullName'],
  properties: {
    fullName: { type: 'string', minLength: 1 },
    phone: { type: 'string', format: 'phone' },
    anamnesis: {
      type: 'object',
      'x-access': { read: ['master', 'admin'], write: ['master'] },
      properties: {
        allergies: { type: 'string', 'x-widget': 'textarea' },
        medications: { type: 'string' },
      },
    },
    discount: { type: 'number', minimum: 0, maximum: 100, 'x-access': { write: ['admin'] } },
  },
};

const messages: MessageCatalogue = {
  ru: {
    '/fullName': { title: 'ФИО' },
    '/phone': { title: 'Телефон' },
    '/anamnesis': { title: 'Анамнез' },
    '/anamnesis/allergies': { title: 'Аллергии' },
    '/anamnesis/medications': { title: 'Принимаемые препараты' },
    '/discount': { title: 'Скидка, %', description: 'Меняет только администратор.' },
  },
  en: {
    '/fullName': { title: 'Full name' },
    '/phone': { title: 'Phone' },
    '/anamnesis': { title: 'Medical history' },
    '/anamnesis/allergies': { title: 'Allergies' },
    '/anamnesis/medications': { title: 'Medications' },
    '/discount': { title: 'Discount, %', description: 'Only an administrator changes it.' },
  },
};

const value: JsonValue = {
  fullName: 'Анна Смирнова',
  phone: '+7 912 345-67-89',
  anamnesis: { allergies: 'Латекс', medications: 'Нет' },
  discount: 10,
};

interface AccessArgs {
  roles: string;
  locale: Locale;
}

const meta: Meta<AccessArgs> = {
  title: 'Card/Field access (roles)',
  component: 'kc-card',
  args: { roles: 'master', locale: 'ru' },
  argTypes: {
    roles: { control: 'select', options: ['master', 'admin', 'editor', 'admin master'] },
    locale: { control: 'inline-radio', options: ['ru', 'en', 'de'] },
  },
  render: (a) => html`<kc-card .schema=${schema} .messages=${messages} .value=${value} roles=${a.roles} locale=${a.locale}></kc-card>`,
};
export default meta;

type Story = StoryObj<AccessArgs>;

/** A master reads and writes the medical history; the discount is read-only (admins write it). */
export const Master: Story = {};
/** An admin reads the medical history but may not change it (read-only); writes the discount. */
export const AdminReadsOnly: Story = { args: { roles: 'admin' } };
/** An editor may not read the medical history: its fields and its section are not shown. */
export const EditorHidden: Story = { args: { roles: 'editor' } };
/** In English. */
export const English: Story = { args: { roles: 'admin', locale: 'en' } };
