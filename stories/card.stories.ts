import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { JsonSchemaObject, JsonValue, LayoutDocument, Locale, MessageCatalogue } from '@kartochka/core';
import '@kartochka/elements';
import { clientMessages, clientSchema } from '../examples/demo/client-schema.js';

interface CardArgs {
  schema: JsonSchemaObject;
  value: JsonValue;
  locale: Locale;
  messages: MessageCatalogue;
  validationMode: 'onInput' | 'onTouched' | 'none';
  layout?: LayoutDocument;
  /** Presents the sections another way without a layout document (or over the layout's own mode). */
  sections?: LayoutDocument['sections'];
  mode: 'edit' | 'view' | 'blank';
  theme: 'light' | 'dark' | 'auto';
  readonly: boolean;
  disabled: boolean;
}

/** The demo card arranged by a layout document: sections, a two-column grid, a titled group. */
export const clientLayout = (sections: LayoutDocument['sections']): LayoutDocument => ({
  version: 1,
  sections,
  items: [
    {
      type: 'section',
      id: 'company',
      title: { ru: 'Организация', en: 'Company' },
      columns: 2,
      items: [{ type: 'field', pointer: '/companyName', span: 2 }, '/segment', '/headcount', '/email'],
    },
    {
      type: 'section',
      id: 'address',
      pointer: '/address',
      columns: 2,
      items: [{ type: 'field', pointer: '/address/street', span: 2 }, '/address/city', '/address/postcode'],
    },
    { type: 'section', id: 'contract', title: { ru: 'Договор', en: 'Contract' }, items: ['/contractDate'] },
  ],
});

const meta: Meta<CardArgs> = {
  title: 'Card/kc-card',
  component: 'kc-card',
  args: {
    schema: clientSchema,
    messages: clientMessages,
    value: {},
    locale: 'ru',
    validationMode: 'onInput',
    layout: undefined,
    sections: undefined,
    mode: 'edit',
    theme: 'light',
    readonly: false,
    disabled: false,
  },
  argTypes: {
    locale: { control: 'inline-radio', options: ['ru', 'en', 'de'] },
    validationMode: { control: 'inline-radio', options: ['onInput', 'onTouched', 'none'] },
    mode: { control: 'inline-radio', options: ['edit', 'view', 'blank'] },
    sections: { control: 'inline-radio', options: [undefined, 'tabs', 'accordion', 'steps', 'plain'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (a) =>
    html`<div style=${a.theme === 'dark' ? 'background:#12161d;padding:1rem' : ''}>
      <kc-card
        .schema=${a.schema}
        .messages=${a.messages}
        .value=${a.value}
        .layout=${a.layout}
        sections=${ifDefined(a.sections)}
        locale=${a.locale}
        validation-mode=${a.validationMode}
        mode=${a.mode}
        theme=${a.theme}
        ?readonly=${a.readonly}
        ?disabled=${a.disabled}
      ></kc-card>
    </div>`,
};
export default meta;

type Story = StoryObj<CardArgs>;

const filledValue: JsonValue = {
  companyName: 'ООО Ромашка',
  email: 'info@romashka.example',
  segment: 'dealer',
  headcount: 120,
  contractDate: '2026-03-01',
  address: { city: 'Казань', street: 'Баумана, 1', postcode: '420111' },
};

export const Empty: Story = {};
export const Filled: Story = { args: { value: filledValue } };
export const Invalid: Story = {
  args: { value: { companyName: 'X', email: 'nope', headcount: -3, address: { postcode: '12' } }, layout: clientLayout('tabs') },
  play: async ({ canvasElement }) => {
    (canvasElement.querySelector('kc-card') as unknown as { validate(): unknown }).validate();
  },
};
export const View: Story = { args: { value: filledValue, mode: 'view', layout: clientLayout('plain') } };
export const Blank: Story = { args: { mode: 'blank', layout: clientLayout('plain') } };
export const Russian: Story = { args: { value: filledValue, locale: 'ru', layout: clientLayout('tabs') } };
export const English: Story = { args: { locale: 'en', value: filledValue } };
/** German is built in like Russian and English (docs/i18n.md): messages, buttons, `lang="de"`. */
export const German: Story = { args: { locale: 'de', value: filledValue, layout: clientLayout('tabs') } };
export const Dark: Story = { args: { value: filledValue, theme: 'dark', layout: clientLayout('tabs') } };
export const DarkView: Story = { args: { value: filledValue, theme: 'dark', mode: 'view', layout: clientLayout('accordion') } };
export const Tabs: Story = { args: { value: filledValue, layout: clientLayout('tabs') } };
export const Accordion: Story = { args: { value: filledValue, layout: clientLayout('accordion') } };
/** The default layout (no layout document) as plain sections, by the `sections` attribute alone. */
export const PlainSectionsWithoutLayout: Story = { args: { value: filledValue, sections: 'plain' } };
export const Steps: Story = { args: { layout: clientLayout('steps') } };
export const ReadOnly: Story = { args: { value: filledValue, readonly: true, layout: clientLayout('plain') } };
export const Disabled: Story = { args: { value: filledValue, disabled: true, layout: clientLayout('plain') } };

/** A schema that refers back to itself: each "Child" is collapsed until "Fill in" opens it. */
const orgUnit: JsonSchemaObject = {
  title: 'Подразделение',
  properties: {
    name: { type: 'string', title: 'Название' },
    head: { type: 'string', title: 'Руководитель' },
    child: { $ref: '#', title: 'Дочернее подразделение' },
  },
};
export const RecursiveSchema: Story = { args: { schema: orgUnit, messages: {}, value: { name: 'Продажи', child: { name: 'Регион Юг' } } } };

/**
 * In a native form: a fieldset that can be disabled and enabled again, a submit that the browser
 * blocks at the first invalid field (its message shows at the field), and a reset.
 */
export const InNativeForm: Story = {
  render: (
    a,
  ) => html`<form @submit=${(e: Event) => (e.preventDefault(), alert('submitted: ' + new FormData(e.target as HTMLFormElement).get('client')))}>
    <label><input type="checkbox" @change=${(e: Event) => ((e.target as HTMLElement).closest('form')!.querySelector('fieldset')!.disabled = (e.target as HTMLInputElement).checked)} /> disable the fieldset</label>
    <fieldset>
      <kc-card name="client" required .schema=${a.schema} .messages=${a.messages} .value=${a.value} locale=${a.locale}></kc-card>
    </fieldset>
    <button>Submit</button> <button type="reset">Reset</button>
  </form>`,
  args: { value: { companyName: 'X' } },
};

const requisitesSchema: JsonSchemaObject = {
  type: 'object',
  properties: {
    inn: { type: 'string', title: 'ИНН', format: 'ru-inn' },
    kpp: { type: 'string', title: 'КПП', format: 'ru-kpp' },
    ogrn: { type: 'string', title: 'ОГРН / ОГРНИП', format: 'ru-ogrn-any' },
    bik: { type: 'string', title: 'БИК', format: 'ru-bik' },
    account: { type: 'string', title: 'Расчётный счёт', format: 'ru-account', 'x-bik': '1/bik' },
    correspondentAccount: { type: 'string', title: 'Корр. счёт', format: 'ru-account', 'x-bik': { bik: '1/bik', kind: 'correspondent' } },
  },
};
/**
 * Russian requisites with their check digits (docs/schema.md, "Formats"): each field says what is
 * wrong — a wrong INN check digit, a short OGRN, a foreign BIK, an account that does not match its BIK.
 */
export const RussianRequisites: Story = {
  args: {
    schema: requisitesSchema,
    messages: {},
    value: {
      inn: '7707083894',
      kpp: '773601001',
      ogrn: '102770013219',
      bik: '044525225',
      account: '40702810038000000001',
      correspondentAccount: '30101810400000000225',
    },
  },
  play: async ({ canvasElement }) => {
    (canvasElement.querySelector('kc-card') as unknown as { validate(): unknown }).validate();
  },
};
