import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { until } from 'lit/directives/until.js';
import { collectReminderSpecs, dueReminders, type Locale } from '@kartochka/core';
import { MemoryAdapter } from '@kartochka/storage';
import '@kartochka/elements';
import { b2bClientCard, beautySalonCard, recordFields, type CardTemplate } from '@kartochka/templates';

interface TemplateArgs {
  template: CardTemplate<unknown>;
  locale: Locale;
  filled: boolean;
}

const meta: Meta<TemplateArgs> = {
  title: 'Templates',
  component: 'kc-card',
  args: { template: b2bClientCard as CardTemplate<unknown>, locale: 'ru', filled: true },
  argTypes: {
    locale: { control: 'inline-radio', options: ['ru', 'en'] },
    filled: { control: 'boolean' },
    template: { control: false },
  },
  render: (a) =>
    html`<kc-card
      .schema=${a.template.schema}
      .layout=${a.template.layout}
      .messages=${a.template.messages}
      .value=${a.filled ? structuredClone(a.template.sample) : {}}
      locale=${a.locale}
    ></kc-card>`,
};
export default meta;

type Story = StoryObj<TemplateArgs>;

export const B2BClientCardRu: Story = { name: 'B2B client card (ru)' };
export const B2BClientCardEn: Story = { name: 'B2B client card (en)', args: { locale: 'en' } };
export const B2BClientCardBlank: Story = { name: 'B2B client card, blank', args: { filled: false } };
export const BeautySalonCardRu: Story = { name: 'Beauty salon card (ru)', args: { template: beautySalonCard as CardTemplate<unknown> } };
export const BeautySalonCardEn: Story = {
  name: 'Beauty salon card (en)',
  args: { template: beautySalonCard as CardTemplate<unknown>, locale: 'en' },
};

/** A storage with the two samples and a few more B2B cards, for the list, history and reminders. */
async function demoStorage(): Promise<MemoryAdapter> {
  const storage = new MemoryAdapter();
  const put = (template: CardTemplate<unknown>, id: string, data: unknown) =>
    storage.put({ id, schemaId: template.id, schemaVersion: 1, data, ...recordFields(template, data) }, { author: 'Петров А. С.' });
  await put(b2bClientCard as CardTemplate<unknown>, 'c-1', b2bClientCard.sample);
  const names = ['Северный ветер', 'Уральские окна', 'Камский кирпич', 'Донской хлеб'];
  for (const [i, name] of names.entries()) {
    const data = structuredClone(b2bClientCard.sample);
    data.general.companyName = name;
    data.category!.segment = (['chain', 'corporate', 'dealer', 'distributor'] as const)[i];
    data.category!.priority = (['B', 'C', 'A', 'B'] as const)[i];
    await put(b2bClientCard as CardTemplate<unknown>, `c-${i + 2}`, data);
  }
  const edited = structuredClone(b2bClientCard.sample);
  edited.relationship!.loyalty = { score: 5, assessedAt: '2026-11-20' };
  edited.contract!.renewalReminderDays = 60;
  await storage.put(
    {
      id: 'c-1',
      schemaId: b2bClientCard.id,
      schemaVersion: 1,
      data: edited,
      ...recordFields(b2bClientCard as CardTemplate<unknown>, edited),
    },
    { author: 'Кузнецова О. В.' },
  );
  await put(beautySalonCard as CardTemplate<unknown>, 's-1', beautySalonCard.sample);
  return storage;
}

const storage = demoStorage();
const segmentOptions = Object.fromEntries(
  Object.keys((b2bClientCard.messages.ru!['/category/segment'] as { options: Record<string, string> }).options).map((v) => [
    v,
    {
      ru: (b2bClientCard.messages.ru!['/category/segment'] as { options: Record<string, string> }).options[v],
      en: (b2bClientCard.messages.en!['/category/segment'] as { options: Record<string, string> }).options[v],
    },
  ]),
);

export const CardList: Story = {
  name: 'Card list (kc-card-list)',
  render: (a) =>
    html`${until(
      storage.then(
        (s) => html`<kc-card-list
    .storage=${s}
    schema-id=${b2bClientCard.id}
    locale=${a.locale}
    page-size="3"
    .columns=${[
      { field: 'title', label: { ru: 'Название', en: 'Name' } },
      { field: 'segment', label: { ru: 'Сегмент', en: 'Segment' }, options: segmentOptions },
      { field: 'priority', label: { ru: 'Приоритет', en: 'Priority' } },
      { field: 'manager', label: { ru: 'Менеджер', en: 'Manager' } },
      { field: 'updatedAt' },
    ]}
    .filters=${[
      { field: 'segment', label: { ru: 'Сегмент', en: 'Segment' } },
      { field: 'priority', label: { ru: 'Приоритет', en: 'Priority' } },
      { field: 'manager', label: { ru: 'Менеджер', en: 'Manager' } },
    ]}
  ></kc-card-list>`,
      ),
    )}`,
};

export const History: Story = {
  name: 'History (kc-history)',
  render: (a) =>
    html`${until(storage.then((s) => html`<kc-history .storage=${s} record-id="c-1" .schema=${b2bClientCard.schema} .messages=${b2bClientCard.messages} locale=${a.locale}></kc-history>`))}`,
};

export const Reminders: Story = {
  name: 'Reminders (kc-reminders)',
  render: (a) => {
    const records = [{ id: 'c-1', title: b2bClientCard.sample.general.companyName, data: b2bClientCard.sample }];
    const reminders = dueReminders(records, collectReminderSpecs(b2bClientCard.schema), { from: '2026-12-01', to: '2027-06-30' });
    return html`<kc-reminders .reminders=${reminders} from="2026-12-01" to="2027-06-30" locale=${a.locale}></kc-reminders>`;
  },
};
