/**
 * Values read as words wherever they are shown: the summary chips and the view mode show option
 * labels from the template's catalogue, not codes, and a list of groups as text, not raw JSON.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FormController, toICalendar, type Reminder, type JsonSchemaObject, type JsonValue, type LayoutDocument } from '@kartochka/core';
import { IndexedDbAdapter } from '@kartochka/storage';
import { b2bClientCard, beautySalonCard } from '@kartochka/templates';
import '@kartochka/elements';
import '@kartochka/elements/persistence';
import type { KcCard, KcCardSummary, KcHistory, KcReminders } from '@kartochka/elements';
import { controlOf, fieldAt, settle, typeInto } from '../../packages/elements/src/testing/helpers.js';

const chips = (el: KcCardSummary) => [...el.shadowRoot!.querySelectorAll('div')].map((d) => d.textContent!.replace(/\s+/g, ' ').trim());

describe('values as words', function () {
  this.timeout(60000);

  for (const [locale, allergy, phone] of [
    ['ru', 'Аллергии Лидокаин (Покраснение, отёк; Средняя)', 'Телефон'],
    ['en', 'Allergies Лидокаин (Покраснение, отёк; Moderate)', 'Phone'],
  ] as const) {
    it(`the salon summary chip shows allergies as text, with the severity's label (${locale})`, async () => {
      const t = beautySalonCard;
      const controller = new FormController(t.schema, {
        value: structuredClone(t.sample) as unknown as JsonValue,
        messages: t.messages,
        locale,
      });
      const el = await fixture<KcCardSummary>(
        html`<kc-card-summary .controller=${controller} .pointers=${t.listing!.summary} .locale=${locale}></kc-card-summary>`,
      );
      await el.updateComplete;
      const texts = chips(el);
      expect(texts.find((x) => x.startsWith(allergy.split(' ')[0]!))).to.equal(allergy);
      expect(texts.join(' ')).to.not.match(/[{}[\]"]/, 'no raw JSON');
      expect(texts[0]).to.match(new RegExp(`^${phone}`));
    });
  }

  for (const [locale, countries] of [
    ['ru', ['Казахстан', 'Узбекистан']],
    ['en', ['Kazakhstan', 'Uzbekistan']],
  ] as const) {
    it(`view mode names the B2B export countries, not their codes (${locale})`, async () => {
      const t = b2bClientCard;
      const card = await fixture<KcCard>(
        html`<kc-card .schema=${t.schema} .layout=${{ ...(t.layout as LayoutDocument), sections: 'plain' }} .messages=${t.messages}
          .value=${structuredClone(t.sample) as unknown as JsonValue} locale=${locale} mode="view"></kc-card>`,
      );
      await settle(card);
      const view = fieldAt(card.shadowRoot!, '/general/size/exportCountries')!;
      const items = [...view.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim());
      expect(items).to.deep.equal([...countries]);
    });
  }

  it('a merge names the fields by their labels, and the conflict table shows option labels (ru)', async () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: {
        name: { type: 'string', title: 'Название' },
        size: {
          type: 'object',
          title: 'Размер',
          properties: {
            headcount: { type: 'integer', title: 'Штат' },
            class: { type: 'string', title: 'Размер бизнеса', enum: ['small', 'medium', 'large'] },
          },
        },
      },
    };
    const messages = { ru: { '/size/class': { options: { small: 'Малый', medium: 'Средний', large: 'Крупный' } } } };
    const dbName = `kc-words-${Date.now()}`;
    // B learns of the other write only when it saves (no broadcast), as with another client of a server.
    const quiet = await IndexedDbAdapter.open({ name: dbName, broadcast: false });
    const other = await IndexedDbAdapter.open({ name: dbName, broadcast: false });
    await other.put(
      { id: 'm-1', schemaId: 's', schemaVersion: 1, title: 'X', indexed: {}, data: { name: 'X', size: { headcount: 10, class: 'small' } } },
      { expectedRevision: 0 },
    );
    const card = await fixture<KcCard>(
      html`<kc-card .schema=${schema} .messages=${messages} .storage=${quiet} record-id="m-1" schema-id="s" .storageOptions=${{ localDbName: `${dbName}-local`, draftDelay: 10 }} locale="ru"></kc-card>`,
    );
    await new Promise((r) => card.addEventListener('kc-storage-status', (e) => (e as CustomEvent).detail.status === 'loaded' && r(null)));
    await settle(card);
    const stored = async () => await other.get<Record<string, unknown>>('m-1');
    let cur = await stored();
    await other.put({ ...cur, data: { name: 'X', size: { headcount: 12, class: 'small' } } }, { expectedRevision: cur.revision });
    typeInto(controlOf(fieldAt(card.shadowRoot!, '/name')!) as HTMLInputElement, 'Y');
    expect(await card.persistence!.save()).to.equal(false);
    expect(card.persistence!.status).to.equal('merged');
    const message = card.persistence!.message('ru');
    expect(message).to.contain('(Штат)');
    expect(message).to.not.contain('/size/headcount');
    // Both change the business size: the table offers «Средний» against «Крупный», not codes.
    expect(await card.persistence!.save()).to.equal(true);
    cur = await stored();
    await other.put(
      { ...cur, data: { ...(cur.data as object), size: { headcount: 12, class: 'large' } } },
      { expectedRevision: cur.revision },
    );
    card.value = { ...(card.value as object), size: { headcount: 12, class: 'medium' } } as JsonValue;
    expect(await card.persistence!.save()).to.equal(false);
    expect(card.persistence!.status).to.equal('conflict');
    await settle(card);
    const panel = card.shadowRoot!.querySelector('kc-storage-panel')!;
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const row = panel.shadowRoot!.querySelector('tr[data-path="/size/class"]')!;
    expect(row.querySelector('th')!.textContent!.trim()).to.equal('Размер бизнеса');
    expect([...row.querySelectorAll('td')].map((td) => td.textContent!.trim())).to.deep.equal(['Средний', 'Крупный']);
    quiet.close();
    other.close();
  });

  for (const [locale, who] of [
    ['ru', 'Кому: Администратор салона'],
    ['en', 'For: Salon administrator'],
  ] as const) {
    it(`a reminder to a role names the role, not its code (${locale})`, async () => {
      const storage = await IndexedDbAdapter.open({ name: `kc-words-rem-${Date.now()}-${locale}` });
      const t = beautySalonCard;
      const birthDate = (t.sample as unknown as { personal: { birthDate: string } }).personal.birthDate;
      await storage.put({
        id: 's-1',
        schemaId: t.id,
        schemaVersion: 1,
        title: 'Клиент',
        indexed: {},
        data: structuredClone(t.sample) as unknown as JsonValue,
      });
      const from = `2027-${birthDate.slice(5, 7)}-01`;
      const el = await fixture<KcReminders>(
        html`<kc-reminders .storage=${storage} .schema=${t.schema} schema-id=${t.id} from=${from} days="40" locale=${locale}></kc-reminders>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[part="reminder"]'), 'a reminder');
      const texts = [...el.shadowRoot!.querySelectorAll('[part="reminder"]')].map((r) => r.textContent!.replace(/\s+/g, ' '));
      expect(
        texts.some((x) => x.includes(who)),
        texts.join(' | '),
      ).to.equal(true);
      expect(texts.join(' ')).to.not.contain(': administrator', 'not the code');
      // The calendar file says the same (lines unfolded: RFC 5545 folds them at 75 octets).
      const role: Reminder = {
        recordId: 's-1',
        recordTitle: 'Клиент',
        pointer: '/personal/birthDate',
        template: '/personal/birthDate',
        dueDate: '2027-02-27',
        eventDate: '2027-02-28',
        title: { ru: 'ДР', en: 'Birthday' },
        who: 'administrator',
        whoIsRole: true,
      };
      expect(toICalendar([role], { locale }).replace(/\r\n[ \t]/g, '')).to.contain(who);
      storage.close();
    });
  }

  it('history names an added export country, not its code (ru)', async () => {
    const t = b2bClientCard;
    const storage = await IndexedDbAdapter.open({ name: `kc-words-hist-${Date.now()}` });
    const data = structuredClone(t.sample) as unknown as { general: { size: { exportCountries: string[] } } };
    data.general.size.exportCountries = ['KZ'];
    const base = { id: 'h-1', schemaId: t.id, schemaVersion: 1, title: 'X', indexed: {} };
    await storage.put({ ...base, data: data as unknown as JsonValue }, { expectedRevision: 0 });
    data.general.size.exportCountries = ['KZ', 'UZ'];
    await storage.put({ ...base, data: data as unknown as JsonValue }, { expectedRevision: 1 });
    const el = await fixture<KcHistory>(
      html`<kc-history .storage=${storage} record-id="h-1" .schema=${t.schema} .messages=${t.messages} locale="ru"></kc-history>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part="change"]').length > 0, 'a change');
    const change = el.shadowRoot!.querySelector('[part="change"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(change).to.match(/Страны экспорта › #2: — → стало Узбекистан$/);
    storage.close();
  });

  it('a rating whose label starts with its score says it once: «4 — хорошо», not «4 — 4 — хорошо»', async () => {
    const t = b2bClientCard;
    const card = await fixture<KcCard>(
      html`<kc-card .schema=${t.schema} .layout=${{ ...(t.layout as LayoutDocument), sections: 'plain' }} .messages=${t.messages}
        .value=${structuredClone(t.sample) as unknown as JsonValue} locale="ru"></kc-card>`,
    );
    await settle(card);
    const w = fieldAt(card.shadowRoot!, '/relationship/satisfaction/survey/productQuality')!;
    expect(w.localName).to.equal('kc-rating');
    expect(w.shadowRoot!.querySelector('[part="meaning"]')!.textContent!.trim()).to.equal('4 — хорошо');
    const labels = [...w.shadowRoot!.querySelectorAll('.sr-only')].map((x) => x.textContent!.trim());
    expect(labels).to.include('5 — отлично');
    expect(labels.join(' ')).to.not.match(/(\d) — \1 —/);
  });

  for (const locale of ['ru', 'en'] as const) {
    it(`the contract file reads as its name (a working link) and size, in view and edit mode (${locale})`, async () => {
      const t = b2bClientCard;
      const card = await fixture<KcCard>(
        html`<kc-card .schema=${t.schema} .layout=${{ ...(t.layout as LayoutDocument), sections: 'plain' }} .messages=${t.messages}
          .value=${structuredClone(t.sample) as unknown as JsonValue} locale=${locale} mode="view"></kc-card>`,
      );
      await settle(card);
      const view = fieldAt(card.shadowRoot!, '/contract/file')!;
      const value = view.shadowRoot!.querySelector('[part="value"]')!;
      const link = value.querySelector('a')!;
      expect(link.textContent).to.equal('dogovor-DP-2025-015.pdf');
      // The sample holds its contract inline, as older cards did: it links to the file's bytes.
      expect(link.getAttribute('href')).to.match(/^blob:/);
      expect((await (await fetch(link.href)).text()).startsWith('%PDF-')).to.equal(true);
      const text = value.textContent!.replace(/\s+/g, ' ').trim();
      expect(text).to.match(locale === 'ru' ? /756\s*Б/ : /756\s*byte/i);
      expect(text).to.not.contain('application/pdf');
      expect(text).to.not.match(/1746177300000|байт|bytes/);
      card.mode = 'edit';
      await settle(card);
      const edit = fieldAt(card.shadowRoot!, '/contract/file')!;
      expect(edit.shadowRoot!.querySelector('a[part="download"]')!.getAttribute('href')).to.match(/^blob:/);
    });
  }

  it('a stored file url that is not a web address is never a link', async () => {
    const t = b2bClientCard;
    const value = structuredClone(t.sample) as unknown as { contract: { file: { url: string } } };
    value.contract.file.url = 'javascript:alert(1)';
    const card = await fixture<KcCard>(
      html`<kc-card .schema=${t.schema} .layout=${{ ...(t.layout as LayoutDocument), sections: 'plain' }} .messages=${t.messages} .value=${value as unknown as JsonValue} mode="view"></kc-card>`,
    );
    await settle(card);
    expect(fieldAt(card.shadowRoot!, '/contract/file')!.shadowRoot!.querySelector('a')).to.equal(null);
  });

  for (const [locale, title, countries] of [
    ['ru', 'Карточка клиента (B2B)', ['Россия', 'Казахстан']],
    ['en', 'B2B client card', ['Russia', 'Kazakhstan']],
  ] as const) {
    it(`the printed blank is empty, titled in the card's language, with option words (${locale})`, async () => {
      const t = b2bClientCard;
      const card = await fixture<KcCard>(
        html`<kc-card .schema=${t.schema} .layout=${t.layout as LayoutDocument} .messages=${t.messages}
          .value=${structuredClone(t.sample) as unknown as JsonValue} locale=${locale} mode="blank"></kc-card>`,
      );
      await settle(card);
      expect(card.shadowRoot!.querySelector('.blank-title')!.textContent).to.equal(title);
      const text = (root: ShadowRoot): string =>
        [...root.querySelectorAll('*')].map((e) => (e.shadowRoot ? text(e.shadowRoot) : e.children.length ? '' : e.textContent)).join(' ');
      const all = text(card.shadowRoot!);
      expect(all).to.not.contain(t.sample.general.companyName as string);
      expect(all).to.not.contain('6312000007');
      const boxes = [...fieldAt(card.shadowRoot!, '/general/size/exportCountries')!.shadowRoot!.querySelectorAll('[part="box"]')].map((b) =>
        b.parentElement!.textContent!.trim(),
      );
      for (const c of countries) expect(boxes).to.include(c);
      expect(boxes).to.not.include('KZ');
    });
  }

  it('history and merge messages name a top-level group as its tab does, and each tab prints under its name', async () => {
    const t = b2bClientCard;
    for (const locale of ['ru', 'en'] as const) {
      for (const section of (t.layout as { items: { id: string; title: { ru: string; en: string } }[] }).items) {
        const entry = (t.messages as Record<string, Record<string, { title?: string } | string>>)[locale]![`/${section.id}`];
        if (!entry) continue;
        expect(typeof entry === 'string' ? entry : entry.title, `/${section.id}`).to.equal(section.title[locale]);
      }
    }
    const card = await fixture<KcCard>(
      html`<kc-card .schema=${t.schema} .layout=${t.layout as LayoutDocument} .messages=${t.messages} .value=${structuredClone(t.sample) as unknown as JsonValue} locale="ru" mode="view"></kc-card>`,
    );
    await settle(card);
    const tabs = [...card.shadowRoot!.querySelectorAll('[role="tab"]')].map((b) => b.textContent!.trim());
    const printed = [...card.shadowRoot!.querySelectorAll('[role="tabpanel"] > .print-title')];
    expect(printed.map((h) => h.textContent)).to.deep.equal(tabs);
    // On screen the tab says it; only paper shows the heading (no doubled heading).
    expect(printed.every((h) => getComputedStyle(h).display === 'none')).to.equal(true);
  });
});
