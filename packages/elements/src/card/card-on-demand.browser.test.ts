/**
 * What the card loads on demand, on the card entry as an app's bundler builds it (served by
 * scripts/wtr-card-bundle.mjs; this page imports no other card): the rules engine only for a schema
 * or layout with rules or formulas, the layout validator only for a card given a layout document.
 * A card that needs one fetches it before building its form, so every frame it paints already has
 * the rules applied, the formulas computed and the layout's problems found; a card that needs
 * neither never fetches them. The tests run in order: a loaded chunk stays loaded for the page.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { JsonSchemaObject, LayoutDocument } from '@kartochka/core';
import type { KcCard } from './card.js';
import { allFields, settle } from '../test-support/helpers.js';

const BUNDLE = '/__kc_card_bundle__/';
/** Which chunk of the bundle carries which modules. */
let modulesOf: Record<string, string[]>;

/** The bundle's files this page has fetched that carry `module` (a path ending). */
function fetched(module: string): string[] {
  const files = Object.entries(modulesOf)
    .filter(([, modules]) => modules.some((m) => m.endsWith(module)))
    .map(([file]) => `${BUNDLE}${file}`);
  expect(files, `${module} is in the bundle`).to.not.be.empty;
  const names = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
  return files.filter((f) => names.includes(f));
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Mounts a card and checks `paintedRight` at every animation frame from then on, until the card
 * has shown its fields for a few frames and validated: a wrong state that lasted one frame fails.
 */
async function mountAndWatch(
  props: { schema: JsonSchemaObject; layout?: LayoutDocument; value?: unknown },
  paintedRight: (card: KcCard) => void,
): Promise<KcCard> {
  const card = document.createElement('kc-card') as KcCard;
  Object.assign(card, props);
  document.body.append(card);
  let framesWithFields = 0;
  while (framesWithFields < 3) {
    await nextFrame();
    if (allFields(card).size === 0) continue;
    framesWithFields++;
    paintedRight(card);
  }
  await settle(card);
  paintedRight(card);
  return card;
}

const plain: JsonSchemaObject = {
  type: 'object',
  properties: { name: { type: 'string', title: 'Name' }, age: { type: 'integer', title: 'Age' } },
};

const withRules: JsonSchemaObject = {
  type: 'object',
  properties: {
    kind: { type: 'string', title: 'Kind', enum: ['person', 'company'] },
    inn: { type: 'string', title: 'INN', 'x-rules': { visible: { '==': [{ var: '/kind' }, 'company'] } } },
    price: { type: 'number', title: 'Price' },
    qty: { type: 'number', title: 'Quantity' },
    total: { type: 'number', title: 'Total', 'x-formula': { '*': [{ var: '/price' }, { var: '/qty' }] } },
  },
};

const layout: LayoutDocument = {
  version: 1,
  sections: 'tabs',
  items: [
    { type: 'section', id: 'who', title: 'Who', items: ['/name'] },
    { type: 'section', id: 'more', title: 'More', items: ['/age', '/nowhere'] },
  ],
};

describe('<kc-card> from the card entry loads rules and layout validation on demand', () => {
  const cards: HTMLElement[] = [];
  before(async function () {
    this.timeout(120000); // the first request builds the bundle
    modulesOf = ((await import(/* @vite-ignore */ `${BUNDLE}modules.js`)) as { default: Record<string, string[]> }).default;
    await import(/* @vite-ignore */ `${BUNDLE}card.js`);
  });
  afterEach(() => cards.splice(0).forEach((c) => c.remove()));

  it("an on-demand widget brings its own strings, in the card's language (not in the card entry's catalogue)", async () => {
    // The list widget: no test file fails its chunk (a failed chunk's switch is shared by the files
    // running at once, and a file another page has fetched may come from the browser's cache).
    expect(fetched('internal/i18n-more.ts'), 'not before a widget needs them').to.deep.equal([]);
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: {
        phones: { type: 'array', title: 'Phones', items: { type: 'object', properties: { number: { type: 'string', title: 'Number' } } } },
      },
    };
    for (const [locale, add] of [
      ['en', 'Add'],
      ['ru', 'Добавить'],
    ]) {
      const card = document.createElement('kc-card') as KcCard;
      Object.assign(card, { schema, value: { phones: [] }, locale });
      document.body.append(card);
      cards.push(card);
      const button = () => allFields(card).get('/phones')?.shadowRoot?.querySelector('[part=add-button]');
      await waitUntil(button, 'the list renders when its chunk arrives', { timeout: 10000 });
      expect(button()!.textContent!.trim(), locale).to.equal(add);
    }
    expect(fetched('internal/i18n-more.ts'), 'fetched with the widget').to.not.be.empty;
  });

  it('a card without rules or a layout document fetches neither', async () => {
    const card = await mountAndWatch({ schema: plain, value: { name: 'Anna' } }, (c) => {
      expect([...allFields(c).keys()]).to.include.members(['/name', '/age']);
    });
    cards.push(card);
    expect(card.value).to.deep.equal({ name: 'Anna' });
    expect(fetched('form/rules-runtime.ts'), 'the rules engine').to.deep.equal([]);
    expect(fetched('rules/expression.ts'), 'the expression interpreter').to.deep.equal([]);
    expect(fetched('layout/generated/layout-validator.ts'), 'the layout validator').to.deep.equal([]);
  });

  it('a card with a layout document reports its problems and shows its sections from the first frame', async () => {
    const card = await mountAndWatch({ schema: plain, layout, value: {} }, (c) => {
      const tabs = [...c.shadowRoot!.querySelectorAll('[role=tab]')].map((t) => t.textContent!.trim());
      expect(tabs, "the layout's tabs, never the default layout's").to.deep.equal(['Who', 'More']);
      expect(c.controller!.layout.errors.map((e) => [e.path, e.keyword])).to.deep.equal([['/items/1/items/1', 'unknownField']]);
    });
    cards.push(card);
    expect(fetched('layout/generated/layout-validator.ts'), 'the layout validator').to.not.be.empty;
    expect(fetched('form/rules-runtime.ts'), 'no rules: not the rules engine').to.deep.equal([]);
  });

  it('a card with rules and formulas shows them applied from the first frame', async () => {
    const card = await mountAndWatch({ schema: withRules, value: { kind: 'person', price: 3, qty: 4 } }, (c) => {
      const fields = allFields(c);
      expect(fields.get('/inn')?.hidden ?? true, 'the INN is hidden for a person').to.equal(true);
      expect(fields.get('/kind')!.hidden).to.equal(false);
      expect((c.value as { total?: number }).total, 'the formula is computed').to.equal(12);
      const output = fields.get('/total')?.shadowRoot?.querySelector('output');
      if (output) expect(output.textContent!.trim(), 'the computed field shows the result').to.equal('12');
    });
    cards.push(card);
    expect(fetched('form/rules-runtime.ts'), 'the rules engine').to.not.be.empty;
    card.controller!.setValue('/kind', 'company');
    card.controller!.setValue('/qty', 5);
    await settle(card);
    expect(allFields(card).get('/inn')!.hidden).to.equal(false);
    expect((card.value as { total?: number }).total).to.equal(15);
  });

  it("a layout's section rule applies from the first frame", async () => {
    const ruled: LayoutDocument = {
      ...layout,
      items: [layout.items[0], { ...layout.items[1], rules: { visible: { '>': [{ var: '/age' }, 17] } } }],
    };
    const card = await mountAndWatch({ schema: plain, layout: ruled, value: { age: 10 } }, (c) => {
      const tabs = [...c.shadowRoot!.querySelectorAll('[role=tab]')].map((t) => t.textContent!.trim());
      expect(tabs, 'the ruled section is hidden for a minor').to.deep.equal(['Who']);
    });
    cards.push(card);
    card.controller!.setValue('/age', 30);
    await settle(card);
    expect([...card.shadowRoot!.querySelectorAll('[role=tab]')].map((t) => t.textContent!.trim())).to.deep.equal(['Who', 'More']);
  });

  // Last: a failed chunk stays failed for the page (Chromium keeps a failed module import failed:
  // module-retry.browser.test.ts).
  it('a chunk that cannot be loaded is reported in the card, in its language, and the data is kept', async () => {
    expect(fetched('view/field-view.ts'), 'no earlier test used view mode').to.deep.equal([]);
    await fetch(`${BUNDLE}__fail__?module=view/field-view.ts`);
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args[0]);
    try {
      const card = document.createElement('kc-card') as KcCard;
      Object.assign(card, { schema: plain, value: { name: 'Anna' }, mode: 'view', locale: 'ru' });
      document.body.append(card);
      cards.push(card);
      await waitUntil(() => card.shadowRoot?.querySelector('[part=notice][role=alert]'), 'the card reports the missing part', {
        timeout: 20000,
      });
      const notice = card.shadowRoot!.querySelector('[part=notice][role=alert]')!;
      expect(notice.textContent).to.contain('Не удалось загрузить часть карточки');
      expect(notice.getAttribute('title')).to.equal('the field view');
      expect(card.value, 'the data is kept').to.deep.equal({ name: 'Anna' });
      expect(errors.some((e) => String(e).includes('the field view could not be loaded'))).to.equal(true);
      // An edit-mode card needs no field view: no notice there.
      const edit = await mountAndWatch({ schema: plain, value: { name: 'Boris' } }, (c) => {
        expect(c.shadowRoot!.querySelector('[part=notice]')).to.equal(null);
      });
      cards.push(edit);
    } finally {
      console.error = consoleError;
      await fetch(`${BUNDLE}__fail__?module=view/field-view.ts&off`); // for the server's other pages
    }
  });

  it('an on-demand widget that cannot be loaded is reported by the card that shows it; its other fields work', async () => {
    expect(fetched('date-field/date-field.ts'), 'no earlier test used a date').to.deep.equal([]);
    await fetch(`${BUNDLE}__fail__?module=date-field/date-field.ts`);
    const consoleError = console.error;
    console.error = () => {};
    try {
      const schema: JsonSchemaObject = {
        type: 'object',
        properties: { name: { type: 'string', title: 'Name' }, born: { type: 'string', format: 'date', title: 'Born' } },
      };
      const card = document.createElement('kc-card') as KcCard;
      Object.assign(card, { schema, value: { name: 'Anna', born: '1990-02-28' } });
      document.body.append(card);
      cards.push(card);
      await waitUntil(() => card.shadowRoot?.querySelector('[part=notice][role=alert]'), 'the card reports the missing widget', {
        timeout: 20000,
      });
      const notice = card.shadowRoot!.querySelector('[part=notice][role=alert]')!;
      expect(notice.getAttribute('title')).to.equal('the widget <kc-date-field>');
      expect(notice.textContent).to.contain('Part of this card could not be loaded');
      expect(allFields(card).get('/name')?.shadowRoot?.querySelector('input')?.value, 'the other fields render').to.equal('Anna');
      expect(card.value, 'the data is kept').to.deep.equal({ name: 'Anna', born: '1990-02-28' });
      // A card that shows no date is not concerned.
      const other = await mountAndWatch({ schema: plain, value: { name: 'Boris' } }, (c) => {
        expect(c.shadowRoot!.querySelector('[part=notice]') === null, 'no notice').to.equal(true);
      });
      cards.push(other);
    } finally {
      console.error = consoleError;
      await fetch(`${BUNDLE}__fail__?module=date-field/date-field.ts&off`);
    }
  });

  it('a card whose validator cannot be loaded says so, keeps what was typed, and save() answers false', async () => {
    // The RE2 engine that runs schema patterns: a chunk no earlier test fetched (no patterns).
    expect(fetched('validation/regexp.ts'), 'no earlier test had a pattern').to.deep.equal([]);
    await fetch(`${BUNDLE}__fail__?module=validation/regexp.ts`);
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args[0]);
    try {
      const schema: JsonSchemaObject = {
        type: 'object',
        properties: { name: { type: 'string', title: 'Name' }, code: { type: 'string', title: 'Code', pattern: '^[A-Z]{2}$' } },
      };
      const card = document.createElement('kc-card') as KcCard;
      Object.assign(card, { schema, value: { code: 'RU' } });
      document.body.append(card);
      cards.push(card);
      await waitUntil(() => allFields(card).get('/name')?.shadowRoot?.querySelector('input'), 'the form is shown');
      const input = allFields(card).get('/name')!.shadowRoot!.querySelector('input')!;
      input.value = 'Anna';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await waitUntil(() => card.shadowRoot!.querySelector('[part=notice][role=alert]'), 'the card reports the validator', {
        timeout: 5000,
      });
      const notice = card.shadowRoot!.querySelector('[part=notice][role=alert]')!;
      expect(notice.getAttribute('title')).to.equal('the validator');
      expect(notice.textContent).to.contain('Part of this card could not be loaded');
      expect(errors.some((e) => String(e).includes('the validator could not be loaded'))).to.equal(true);
      expect(await card.save(), 'nothing saved unchecked, and no endless wait').to.equal(false);
      expect(card.validate().valid, 'not claimed valid').to.equal(false);
      expect(card.value, 'what was typed is kept').to.deep.equal({ name: 'Anna', code: 'RU' });
      expect(input.value).to.equal('Anna');
      expect(card.shadowRoot!.querySelectorAll('[part=notice][role=alert]').length, 'one notice').to.equal(1);
      await waitUntil(() => errors.length >= 3, 'the validate() above tried again and failed again'); // Chromium keeps it failed
    } finally {
      console.error = consoleError;
      await fetch(`${BUNDLE}__fail__?module=validation/regexp.ts&off`);
    }
  });
});
