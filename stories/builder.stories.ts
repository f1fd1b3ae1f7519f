import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { withCardSettings, type Locale } from '@kartochka/core';
import { MemoryAdapter } from '@kartochka/storage';
import { b2bClientCard, templateCardSettings } from '@kartochka/templates';
import '@kartochka/builder';
import {
  addField,
  addSection,
  blankDocument,
  diffVersions,
  fieldById,
  migrationsFor,
  move,
  normalizeDocument,
  setFormula,
  setTitle,
  withMigrations,
} from '@kartochka/builder/model';

interface BuilderArgs {
  locale: Locale;
}

const meta: Meta<BuilderArgs> = {
  title: 'Builder/kc-builder',
  component: 'kc-builder',
  args: { locale: 'ru' },
  argTypes: { locale: { control: 'inline-radio', options: ['ru', 'en', 'de'] } },
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj<BuilderArgs>;

/** A blank card over an in-memory storage: add a section, fields, rules; publish; save a record. */
export const Blank: Story = {
  render: ({ locale }) => html`<kc-builder locale=${locale} schema-id="story-blank" .storage=${new MemoryAdapter()}></kc-builder>`,
};

/**
 * The B2B template published as version 1 with one stored card: edit a field's key or type and
 * press Publish to see the diff and how many stored cards each change touches.
 */
export const FromB2bTemplate: Story = {
  render: ({ locale }) => {
    const storage = new MemoryAdapter();
    const doc = normalizeDocument(b2bClientCard);
    const ready = (async () => {
      await storage.publishSchema({ schemaId: 'b2b', schema: doc.schema, layout: doc.layout, messages: doc.messages });
      await storage.put({
        id: 'romashka',
        schemaId: 'b2b',
        schemaVersion: 1,
        title: 'ООО Ромашка',
        data: b2bClientCard.sample,
        indexed: {},
      });
    })();
    const el = html`<kc-builder locale=${locale} schema-id="b2b"></kc-builder>`;
    void ready.then(() => {
      const b = document.querySelector('kc-builder');
      if (b) b.storage = storage;
    });
    return el;
  },
};

/** Migrations as data: what publishing stores for a renamed field. */
export const MigrationsAsData: Story = {
  render: () => {
    const a = normalizeDocument({
      schema: { type: 'object', properties: { general: { type: 'object', properties: { companyName: { type: 'string' } } } } },
    });
    const id = Object.keys((a.schema.properties!.general as { properties: object }).properties)[0];
    void id;
    const b = JSON.parse(JSON.stringify(a).replace('"companyName"', '"legalName"'));
    const schema = withMigrations(b.schema, 1, migrationsFor(diffVersions(a, b)));
    return html`<pre>${JSON.stringify((schema as Record<string, unknown>)['x-kc-migrations'], null, 2)}</pre>`;
  },
};

/**
 * A move the rules can't follow: "Total" (outside the list) reads "Price"; moving "Price" into the
 * repeating group "Rows" would leave the formula naming every row, so the builder refuses and says
 * why above the canvas. Moving "Total" into the rows first, then "Price", works (a relative pointer).
 */
export const MoveRefused: Story = {
  render: ({ locale }) => {
    let { doc, ref: section } = addSection(blankDocument());
    const rows = addField(doc, 'repeating', { container: section });
    const price = addField(rows.doc, 'number', { container: section });
    const total = addField(price.doc, 'computed', { container: section });
    doc = setFormula(total.doc, total.ref.id, { '*': [{ var: fieldById(total.doc, price.ref.id)!.pointer }, 2] });
    const el = document.createElement('kc-builder');
    el.locale = locale;
    el.schemaId = 'story-move';
    el.storage = new MemoryAdapter();
    void el.updateComplete.then(() => {
      el.store.reset(doc);
      el.store.edit((d) => move(d, price.ref, { container: rows.ref, index: 0 }));
    });
    return el;
  },
};

/**
 * Formulas in words: "Сумма договора" is `[Количество точек] * 150000`, shown and edited as words.
 * Type `[` in the formula box to pick a field; type a wrong name to see the error at its place.
 */
export const FormulaInWords: Story = {
  render: ({ locale }) => {
    let { doc, ref: section } = addSection(blankDocument());
    const points = addField(doc, 'integer', { container: section });
    doc = setTitle(points.doc, points.ref, 'ru', 'Количество точек');
    doc = setTitle(doc, points.ref, 'en', 'Number of outlets');
    const total = addField(doc, 'computed', { container: section });
    doc = setTitle(total.doc, total.ref, 'ru', 'Сумма договора');
    doc = setTitle(doc, total.ref, 'en', 'Contract amount');
    doc = setFormula(doc, total.ref.id, { '*': [{ var: fieldById(doc, points.ref.id)!.pointer }, 150000] });
    const el = document.createElement('kc-builder');
    el.locale = locale;
    el.schemaId = 'story-formula';
    el.storage = new MemoryAdapter();
    void el.updateComplete.then(() => {
      el.store.reset(doc);
      const pointer = fieldById(doc, points.ref.id)!.pointer.split('/');
      el.store.setSample({ [pointer[1]!]: { [pointer[2]!]: 4 } });
      el.store.select(total.ref);
    });
    return el;
  },
};

/**
 * A card type's title and list («Заголовок и список»): the B2B template's settings — the title, list
 * columns, filters and summary chips — as the builder shows them. Pick a field in «Вставить поле…»
 * to add it to the title pattern; tick a box to make a field a column, a filter or a chip.
 */
export const CardTitleAndList: Story = {
  render: ({ locale }) => {
    const doc = normalizeDocument({
      ...b2bClientCard,
      schema: withCardSettings(b2bClientCard.schema, templateCardSettings(b2bClientCard)),
    });
    const el = document.createElement('kc-builder');
    el.locale = locale;
    el.schemaId = 'story-card-settings';
    el.storage = new MemoryAdapter();
    void el.updateComplete.then(async () => {
      el.store.reset(doc);
      await el.updateComplete;
      el.querySelector<HTMLButtonElement>('button[name=view-card]')?.click();
    });
    return el;
  },
};

/**
 * The B2B card as an admin edits it: fields by title and type in words with the type's icon (the
 * data key only in Settings, under «Дополнительно»), each block drawn once, rule badges in words
 * («Показ по условию»), a wide settings panel (drag its handle or use ←/→ on it), and a field's
 * title being edited in place (double click a title, F2, or Enter on the selected item; Enter keeps
 * it, Escape leaves it, an empty title is refused).
 */
export const EditingOnTheCanvas: Story = {
  render: ({ locale }) => renamingInPlace(locale, 'story-canvas-editing', 'kc-builder-canvas .kcb-node[data-ref^="field:"]', 520),
};

/**
 * A section's title renamed in place on its tab (F2 on the focused tab, or a double click): while
 * the title is a text box the strip is plain buttons; Enter keeps it as one undo step.
 */
export const RenamingASectionTab: Story = {
  render: ({ locale }) => renamingInPlace(locale, 'story-section-rename', 'kc-builder-canvas [role=tab]'),
};

/** The B2B card in a builder with the title of what `selector` finds open for renaming (F2 on it). */
function renamingInPlace(locale: Locale, schemaId: string, selector: string, inspectorWidth?: number): HTMLElement {
  const el = document.createElement('kc-builder');
  el.locale = locale;
  el.schemaId = schemaId;
  if (inspectorWidth) el.inspectorWidth = inspectorWidth;
  el.storage = new MemoryAdapter();
  void el.updateComplete.then(async () => {
    el.store.reset(normalizeDocument(b2bClientCard));
    await el.updateComplete;
    const item = el.querySelector<HTMLElement>(selector);
    item?.focus();
    item?.dispatchEvent(new KeyboardEvent('keydown', { key: 'F2', bubbles: true }));
  });
  return el;
}
