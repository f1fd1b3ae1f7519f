import { expect, fixture, html } from '@open-wc/testing';
import type { JsonSchemaObject, LayoutDocument, MessageCatalogue } from '@kartochka/core';
import '../index.js';
// axe-core ships as UMD; loaded for its side effect it defines window.axe.
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';
import type { KcCard, KcSaveDetail } from './card.js';
import { allFields, controlOf, fieldAt, settle, typeInto } from '../test-support/helpers.js';

const axe = (window as unknown as { axe: { run(el: Element, o?: RunOptions): Promise<AxeResults> } }).axe;

// A slice of the B2B card (SEED-MAP.md).
const schema: JsonSchemaObject = {
  type: 'object',
  title: 'Client card',
  properties: {
    general: {
      type: 'object',
      required: ['companyName'],
      properties: {
        companyName: { type: 'string', minLength: 2 },
        legalForm: { enum: ['OOO', 'ZAO', 'IP'] },
        foundedAt: { type: 'string', format: 'date' },
        vip: { type: 'boolean' },
        products: { type: 'array', items: { type: 'string' } },
        phones: {
          type: 'array',
          items: { type: 'object', properties: { label: { type: 'string' }, number: { type: 'string', format: 'tel' } } },
        },
        size: {
          type: 'object',
          properties: {
            headcount: { type: 'integer', minimum: 0 },
            turnover: { type: 'object', properties: { amount: { type: 'number' }, currency: { type: 'string' } } },
          },
        },
      },
    },
    category: {
      type: 'object',
      required: ['priority'],
      properties: { priority: { enum: ['A', 'B', 'C'] }, segment: { type: 'string' } },
    },
    contract: { type: 'object', properties: { number: { type: 'string' }, signedAt: { type: 'string', format: 'date' } } },
  },
};

const messages: MessageCatalogue = {
  ru: {
    '/general': 'Общая информация',
    '/general/companyName': 'Название организации',
    '/general/legalForm': { title: 'Форма собственности', options: { OOO: 'ООО', ZAO: 'ЗАО', IP: 'ИП' } },
    '/general/foundedAt': 'Дата основания',
    '/general/vip': 'VIP',
    '/general/products': 'Продукция',
    '/general/size': 'Размер',
    '/general/size/headcount': 'Штат',
    '/general/size/turnover': 'Годовой оборот',
    '/category': 'Категоризация',
    '/category/priority': 'Приоритет',
    '/contract': 'Договор',
  },
  en: { '/general/legalForm': { title: 'Legal form', options: { OOO: 'LLC', ZAO: 'CJSC', IP: 'Sole trader' } } },
};

const layout = (sections: LayoutDocument['sections']): LayoutDocument => ({
  version: 1,
  sections,
  items: [
    {
      type: 'section',
      id: 'general',
      title: { ru: 'Общая информация', en: 'General' },
      columns: 2,
      items: [
        { type: 'field', pointer: '/general/companyName', span: 2 },
        '/general/legalForm',
        '/general/foundedAt',
        {
          type: 'group',
          id: 'size',
          title: { en: 'Size', ru: 'Размер' },
          columns: 2,
          items: ['/general/size/headcount', '/general/size/turnover'],
        },
      ],
    },
    {
      type: 'section',
      id: 'category',
      title: { ru: 'Категоризация', en: 'Category' },
      description: { ru: 'Приоритет и сегмент клиента', en: 'Priority and segment of the client' },
      items: ['/category/priority', '/category/segment'],
    },
    { type: 'section', id: 'contract', pointer: '/contract', items: ['/contract/number', '/contract/signedAt'] },
  ],
});

const filled = {
  general: {
    companyName: 'Ромашка',
    legalForm: 'OOO',
    foundedAt: '2026-03-01',
    vip: true,
    products: ['Чай', 'Кофе'],
    size: { headcount: 1200, turnover: { amount: 1500000, currency: 'RUB' } },
  },
  category: { priority: 'A' },
  contract: {},
};

async function makeCard(
  opts: { sections?: LayoutDocument['sections']; value?: unknown; mode?: string; locale?: string; noLayout?: boolean } = {},
): Promise<KcCard> {
  const card = await fixture<KcCard>(
    html`<kc-card
      .schema=${schema}
      .layout=${opts.noLayout ? undefined : layout(opts.sections ?? 'tabs')}
      .messages=${messages}
      .value=${structuredClone(opts.value ?? {})}
      locale=${opts.locale ?? 'en'}
      mode=${opts.mode ?? 'edit'}
    ></kc-card>`,
  );
  await settle(card);
  return card;
}

const $ = (card: KcCard, sel: string) => card.shadowRoot!.querySelector(sel) as HTMLElement;
const $$ = (card: KcCard, sel: string) => [...card.shadowRoot!.querySelectorAll(sel)] as HTMLElement[];
const key = (el: HTMLElement, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));

/** Every element below `root`, through shadow roots. */
function deepAll(root: ParentNode, out: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) deepAll(el.shadowRoot, out);
  }
  return out;
}

describe('<kc-card> layout', () => {
  it("shows a section's description from the layout, in the card's language", async () => {
    const card = await makeCard({ sections: 'plain', locale: 'ru' });
    const section = $(card, 'kc-section[data-section="category"]');
    const description = () => section.shadowRoot!.querySelector('[part="section-description"]')?.textContent;
    expect(description()).to.equal('Приоритет и сегмент клиента');
    expect($(card, 'kc-section[data-section="general"]').shadowRoot!.querySelector('[part="section-description"]')).to.equal(null);
    card.locale = 'en';
    await settle(card);
    await (section as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(description()).to.equal('Priority and segment of the client');
  });
  it('tabs follow the WAI-ARIA pattern: roles, roving tabindex, arrows, Home/End', async () => {
    const card = await makeCard();
    const list = $(card, '[role=tablist]');
    const tabs = $$(card, '[role=tab]');
    expect(tabs.map((t) => t.textContent!.trim())).to.deep.equal(['General', 'Category', 'Contract']);
    const panels = $$(card, '[role=tabpanel]');
    expect(panels.map((p) => p.hidden)).to.deep.equal([false, true, true]);
    expect(tabs[0].getAttribute('aria-controls')).to.equal(panels[0].id);
    expect(panels[0].getAttribute('aria-labelledby')).to.equal(tabs[0].id);
    expect(tabs.map((t) => t.tabIndex)).to.deep.equal([0, -1, -1]);
    tabs[0].focus();
    key(list, 'ArrowRight');
    await settle(card);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['false', 'true', 'false']);
    expect(card.shadowRoot!.activeElement).to.equal(tabs[1]);
    expect(panels.map((p) => p.hidden)).to.deep.equal([true, false, true]);
    key(list, 'End');
    await settle(card);
    expect(card.shadowRoot!.activeElement).to.equal(tabs[2]);
    key(list, 'ArrowRight');
    await settle(card);
    expect(card.shadowRoot!.activeElement).to.equal(tabs[0]);
    key(list, 'ArrowLeft');
    await settle(card);
    expect(card.shadowRoot!.activeElement).to.equal(tabs[2]);
    key(list, 'Home');
    await settle(card);
    expect(tabs.map((t) => t.tabIndex)).to.deep.equal([0, -1, -1]);
  });

  it('columns and spans reach the grid; groups get their title', async () => {
    const card = await makeCard();
    const section = $(card, 'kc-section[data-section=general]');
    const grid = section.shadowRoot!.querySelector('.grid') as HTMLElement;
    expect(getComputedStyle(grid).gridTemplateColumns.split(' ').length).to.equal(2);
    expect(fieldAt(card.shadowRoot!, '/general/companyName')!.style.gridColumn).to.contain('span 2');
    expect(section.shadowRoot!.querySelector('legend')!.textContent).to.equal('Size');
    // Fields the layout left out are appended to their section: nothing is hidden.
    for (const p of ['/general/vip', '/general/products']) expect(fieldAt(card.shadowRoot!, p), p).to.exist;
  });

  it('after validate(), tabs show error counts; focusFirstInvalid() opens the right tab', async () => {
    const card = await makeCard({ value: { general: { companyName: 'Acme' }, category: {} } });
    expect($$(card, '[part=badge]')).to.have.length(0);
    const r = card.validate();
    expect(r.errors.map((e) => e.path)).to.deep.equal(['/category/priority']);
    await settle(card);
    const badges = $$(card, '[role=tab]').map((t) => t.querySelector('.badge')?.textContent ?? '');
    expect(badges).to.deep.equal(['', '1', '']);
    expect(card.focusFirstInvalid()).to.equal(true);
    await settle(card);
    const tabs = $$(card, '[role=tab]');
    expect(tabs[1].getAttribute('aria-selected')).to.equal('true');
    const focusedField = fieldAt(card.shadowRoot!, '/category/priority')!;
    expect(focusedField.shadowRoot!.activeElement?.localName).to.equal('select');
  });

  it('the sections attribute presents the default layout or a layout document another way, and gives way when removed', async () => {
    // Without a layout document: the default layout (tabs), presented as plain sections.
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${{}} sections="plain"></kc-card>`);
    await settle(card);
    expect($$(card, '[role=tab]'), 'no tabs').to.have.length(0);
    expect($$(card, '[part=section]').length, 'every section shown').to.be.greaterThan(1);
    for (const p of ['/general/companyName', '/category/priority']) expect(fieldAt(card.shadowRoot!, p), p).to.exist;
    // Over a layout document's own mode.
    card.layout = layout('tabs');
    card.sections = 'accordion';
    await settle(card);
    expect($$(card, '.acc-trigger').map((b) => b.textContent!.trim())).to.deep.equal(['General', 'Category', 'Contract']);
    // A value that is not a mode is ignored: the layout's own tabs.
    card.setAttribute('sections', 'carousel');
    await settle(card);
    expect($$(card, '[role=tab]').map((t) => t.textContent!.trim())).to.deep.equal(['General', 'Category', 'Contract']);
    card.removeAttribute('sections');
    await settle(card);
    expect($$(card, '[role=tab]')).to.have.length(3);
  });

  it('accordion: buttons with aria-expanded and aria-controls', async () => {
    const card = await makeCard({ sections: 'accordion' });
    const triggers = $$(card, '.acc-trigger');
    expect(triggers.map((b) => b.getAttribute('aria-expanded'))).to.deep.equal(['true', 'false', 'false']);
    const panel = card.shadowRoot!.getElementById(triggers[1].getAttribute('aria-controls')!)!;
    expect(panel.hidden).to.equal(true);
    triggers[1].click();
    await settle(card);
    expect(triggers[1].getAttribute('aria-expanded')).to.equal('true');
    expect(panel.hidden).to.equal(false);
    triggers[0].click();
    await settle(card);
    expect(triggers[0].getAttribute('aria-expanded')).to.equal('false');
  });

  it('steps: Next validates the step and focuses its first invalid field; Back goes back', async () => {
    const card = await makeCard({ sections: 'steps', value: { general: {}, category: {} } });
    const next = () => $(card, '.nav button.primary');
    expect($(card, '.stepper li[aria-current=step]').textContent).to.contain('General');
    next().click();
    await settle(card);
    expect($(card, '.stepper li[aria-current=step]').textContent).to.contain('General');
    const name = fieldAt(card.shadowRoot!, '/general/companyName')!;
    expect(name.shadowRoot!.activeElement?.localName).to.equal('input');
    expect(name.shadowRoot!.querySelector('.error')!.textContent).to.contain('required');
    // The next step's errors are not shown yet.
    expect(fieldAt(card.shadowRoot!, '/category/priority')!.shadowRoot!.querySelector('.error')!.textContent).to.equal('');
    typeInto(controlOf(name) as HTMLInputElement, 'Acme');
    next().click();
    await settle(card);
    expect($(card, '.stepper li[aria-current=step]').textContent).to.contain('Category');
    $(card, '.nav button:not(.primary)').click();
    await settle(card);
    expect($(card, '.stepper li[aria-current=step]').textContent).to.contain('General');
  });

  it('with a layout, a keystroke still re-renders only its own field', async () => {
    const card = await makeCard({ value: { general: { companyName: 'Acme' } } });
    const counts = new Map<string, number>();
    for (const [p, el] of allFields(card)) {
      const lit = el as unknown as { update(changed: unknown): void };
      const original = lit.update.bind(lit);
      counts.set(p, 0);
      lit.update = (changed: unknown) => {
        counts.set(p, counts.get(p)! + 1);
        original(changed);
      };
    }
    expect(counts.size).to.be.greaterThan(8);
    typeInto(controlOf(fieldAt(card.shadowRoot!, '/general/companyName')!) as HTMLInputElement, 'Acme Ltd');
    await settle(card);
    expect([...counts].filter(([, n]) => n > 0).map(([p]) => p)).to.deep.equal(['/general/companyName']);
  });

  it('a section with a visible rule hides and shows with the data', async () => {
    const l = layout('tabs');
    l.items[2].rules = { visible: { '==': [{ var: '/category/priority' }, 'A'] } };
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .layout=${l} .value=${{}}></kc-card>`);
    await settle(card);
    expect($$(card, '[role=tab]')).to.have.length(2);
    card.controller!.setValue('/category/priority', 'A');
    await settle(card);
    expect($$(card, '[role=tab]')).to.have.length(3);
  });
});

describe('<kc-card mode="view">', () => {
  it('formats values for the locale (ru)', async () => {
    const card = await makeCard({ mode: 'view', value: filled, locale: 'ru', sections: 'plain' });
    const text = (p: string) => fieldAt(card.shadowRoot!, p)!.shadowRoot!.querySelector('.value')!.textContent!.trim();
    expect(fieldAt(card.shadowRoot!, '/general/companyName')!.localName).to.equal('kc-field-view');
    expect(text('/general/legalForm')).to.equal('ООО');
    expect(text('/general/foundedAt')).to.equal(
      new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 2, 1)),
    );
    expect(text('/general/foundedAt')).to.contain('марта 2026');
    expect(text('/general/vip')).to.equal('Да');
    expect(text('/general/size/headcount')).to.equal(new Intl.NumberFormat('ru-RU').format(1200));
    expect(text('/general/size/turnover')).to.equal(new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' }).format(1500000));
    const items = [...fieldAt(card.shadowRoot!, '/general/products')!.shadowRoot!.querySelectorAll('li')].map((li) =>
      li.textContent!.trim(),
    );
    expect(items).to.deep.equal(['Чай', 'Кофе']);
    expect(text('/contract/number')).to.equal('—');
    expect(text('/category/segment')).to.equal('—');
    expect(deepAll(card.shadowRoot!).some((el) => ['input', 'select', 'textarea'].includes(el.localName))).to.equal(false);
  });

  it('formats values for the locale (en)', async () => {
    const card = await makeCard({ mode: 'view', value: filled, locale: 'en', sections: 'plain' });
    const text = (p: string) => fieldAt(card.shadowRoot!, p)!.shadowRoot!.querySelector('.value')!.textContent!.trim();
    expect(text('/general/legalForm')).to.equal('LLC');
    expect(text('/general/foundedAt')).to.equal('1 March 2026');
    expect(text('/general/vip')).to.equal('Yes');
    expect(text('/general/size/headcount')).to.equal('1,200');
    expect(text('/general/size/turnover')).to.equal(new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'RUB' }).format(1500000));
  });

  it('Edit turns one section into inputs; Cancel restores its values exactly', async () => {
    const card = await makeCard({ mode: 'view', value: filled, sections: 'plain' });
    const before = structuredClone(card.value);
    const section = $(card, 'kc-section[data-section=general]') as HTMLElement & { editing: boolean };
    const other = $(card, 'kc-section[data-section=contract]');
    (section.shadowRoot!.querySelector('.tools button') as HTMLButtonElement).click();
    await settle(card);
    expect(fieldAt(section.shadowRoot!, '/general/companyName')!.localName).to.equal('kc-text-field');
    expect(fieldAt(other.shadowRoot!, '/contract/number')!.localName).to.equal('kc-field-view');
    typeInto(controlOf(fieldAt(section.shadowRoot!, '/general/companyName')!) as HTMLInputElement, 'Changed');
    typeInto(controlOf(fieldAt(section.shadowRoot!, '/general/size/headcount')!) as HTMLInputElement, '');
    typeInto(controlOf(fieldAt(section.shadowRoot!, '/general/foundedAt')!) as HTMLInputElement, '');
    await settle(card);
    expect(card.value).to.not.deep.equal(before);
    const cancel = [...section.shadowRoot!.querySelectorAll('.tools button')].find((b) => b.textContent === 'Cancel') as HTMLButtonElement;
    cancel.click();
    await settle(card);
    expect(card.value).to.deep.equal(before);
    expect(JSON.stringify(card.value)).to.equal(JSON.stringify(before));
    expect(fieldAt(section.shadowRoot!, '/general/companyName')!.localName).to.equal('kc-field-view');
  });

  it('Cancel also removes containers the edit created', async () => {
    const card = await makeCard({ mode: 'view', value: { category: { priority: 'B' } }, sections: 'plain' });
    const section = $(card, 'kc-section[data-section=contract]') as HTMLElement & { edit(): void; cancel(): void };
    section.edit();
    await settle(card);
    typeInto(controlOf(fieldAt(section.shadowRoot!, '/contract/number')!) as HTMLInputElement, 'D-1');
    expect(card.value).to.deep.equal({ category: { priority: 'B' }, contract: { number: 'D-1' } });
    section.cancel();
    expect(card.value).to.deep.equal({ category: { priority: 'B' } });
  });

  it('Save validates the section and fires kc-save with {value, section}', async () => {
    const card = await makeCard({ mode: 'view', value: filled, sections: 'plain' });
    const saves: KcSaveDetail[] = [];
    card.addEventListener('kc-save', (e) => saves.push((e as CustomEvent<KcSaveDetail>).detail));
    const section = $(card, 'kc-section[data-section=general]') as HTMLElement & { edit(): void; save(): boolean };
    section.edit();
    await settle(card);
    typeInto(controlOf(fieldAt(section.shadowRoot!, '/general/companyName')!) as HTMLInputElement, 'X');
    expect(section.save()).to.equal(false);
    await settle(card);
    expect(saves).to.have.length(0);
    const w = fieldAt(section.shadowRoot!, '/general/companyName')!;
    expect(w.shadowRoot!.querySelector('.error')!.textContent).to.not.equal('');
    typeInto(controlOf(w) as HTMLInputElement, 'Xylophone');
    (section.shadowRoot!.querySelector('.tools button.primary') as HTMLButtonElement).click();
    await settle(card);
    expect(saves).to.have.length(1);
    expect(saves[0].section).to.equal('general');
    expect((saves[0].value as typeof filled).general.companyName).to.equal('Xylophone');
    expect(fieldAt(section.shadowRoot!, '/general/companyName')!.localName).to.equal('kc-field-view');
  });

  it('read-only and disabled cards offer no Edit', async () => {
    const card = await makeCard({ mode: 'view', value: filled, sections: 'plain' });
    card.readonly = true;
    await settle(card);
    expect(deepAll(card.shadowRoot!).some((el) => el.localName === 'button')).to.equal(false);
  });
});

describe('<kc-card mode="blank">', () => {
  it('renders every field with empty lines and boxes, and no inputs', async () => {
    const card = await makeCard({ mode: 'blank', value: filled, sections: 'tabs' });
    const leaves = [
      '/general/companyName',
      '/general/legalForm',
      '/general/foundedAt',
      '/general/vip',
      '/general/products',
      '/general/size/headcount',
      '/general/size/turnover',
      '/category/priority',
      '/category/segment',
      '/contract/number',
      '/contract/signedAt',
    ];
    const fields = allFields(card);
    for (const p of leaves) expect(fields.get(p)?.localName, p).to.equal('kc-field-view');
    expect(deepAll(card.shadowRoot!).some((el) => ['input', 'select', 'textarea', 'button'].includes(el.localName))).to.equal(false);
    expect($$(card, '[role=tab]')).to.have.length(0); // printed as plain sections
    const legal = fields.get('/general/legalForm')!.shadowRoot!;
    expect(legal.querySelectorAll('[part=box]')).to.have.length(3);
    expect(legal.textContent).to.contain('LLC');
    expect(fields.get('/general/companyName')!.shadowRoot!.querySelector('[part=line]')).to.exist;
    // Blank means empty: the loaded data is not printed.
    expect(fields.get('/general/companyName')!.shadowRoot!.textContent).to.not.contain('Ромашка');
  });
});

describe('<kc-card readonly / disabled>', () => {
  it('readonly and disabled reach every widget, nested ones included', async () => {
    const card = await makeCard({ value: { general: { products: ['a', 'b'], phones: [{ label: 'office' }, {}] } }, sections: 'plain' });
    card.readonly = true;
    await settle(card);
    const widgets = [...allFields(card).values()] as (HTMLElement & { readonly: boolean; disabled: boolean })[];
    expect(widgets.length).to.be.greaterThan(10);
    for (const w of widgets) expect(w.readonly, w.getAttribute('path')!).to.equal(true);
    expect(allFields(card).get('/general/phones/1/number')).to.exist;
    card.readonly = false;
    card.disabled = true;
    await settle(card);
    for (const w of allFields(card).values() as Iterable<HTMLElement & { readonly: boolean; disabled: boolean }>) {
      expect(w.disabled, w.getAttribute('path')!).to.equal(true);
      const control = w.shadowRoot!.querySelector('input, select, textarea') as HTMLInputElement | null;
      if (control) expect(control.disabled, w.getAttribute('path')!).to.equal(true);
    }
  });
});

describe('<kc-card theme>', () => {
  it('dark maps the tokens to dark values; a page can still override them', async () => {
    const card = await makeCard({ sections: 'plain' });
    const input = controlOf(fieldAt(card.shadowRoot!, '/general/companyName')!);
    const light = getComputedStyle(input).backgroundColor;
    card.theme = 'dark';
    await settle(card);
    const dark = getComputedStyle(input).backgroundColor;
    expect(dark).to.not.equal(light);
    expect(getComputedStyle(card).colorScheme).to.equal('dark');
    card.style.setProperty('--kc-color-surface', 'rgb(1, 2, 3)');
    expect(getComputedStyle(input).backgroundColor).to.equal('rgb(1, 2, 3)');
  });
});

describe('<kc-card> accessibility (axe-core)', () => {
  const check = async (card: KcCard) => {
    const r = await axe.run(card);
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
  };
  it('edit mode with tabs', async () => check(await makeCard({ value: filled })));
  it('edit mode, accordion, after validate', async () => {
    const card = await makeCard({ sections: 'accordion' });
    card.validate();
    await settle(card);
    await check(card);
  });
  it('view mode (ru)', async () => check(await makeCard({ mode: 'view', value: filled, locale: 'ru' })));
  it('blank mode and the dark theme', async () => {
    const card = await makeCard({ mode: 'blank', sections: 'plain' });
    await check(card);
    card.mode = 'view';
    card.theme = 'dark';
    card.value = filled;
    await settle(card);
    await check(card);
  });
});
