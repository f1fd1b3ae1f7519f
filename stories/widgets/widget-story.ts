/** Shared parts of the widget stories: a kc-card with a one-field schema, in Russian and English. */
import type { StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { JsonSchemaObject, JsonValue, Locale, MessageCatalogue } from '@kartochka/core';
import '@kartochka/elements';

export interface WidgetArgs {
  field: JsonSchemaObject;
  /** The field's value; null shows the empty field. */
  value: JsonValue;
  locale: Locale;
  messages?: MessageCatalogue;
}

export type WidgetStory = StoryObj<WidgetArgs>;

/** Renders the field as the only property of a card. */
export const renderWidget = (a: WidgetArgs) =>
  html`<kc-card
    .schema=${{ type: 'object', properties: { field: a.field } }}
    .messages=${a.messages}
    .value=${a.value === null ? {} : { field: a.value }}
    locale=${a.locale}
  ></kc-card>`;

/** A story `play` that shows every error, as after a failed submit. */
export const validateCard = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  (canvasElement.querySelector('kc-card') as unknown as { validate(): unknown }).validate();
};
