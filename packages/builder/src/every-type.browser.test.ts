// Every field type of the palette, added, selected and edited through the builder's UI, in Russian
// and in English: no error anywhere, and the inspector always edits the field that is selected (a
// date field once threw while rendering, and the inspector went on editing the previous field).
import './test-support/process-shim.js';
import { expect } from '@open-wc/testing';
import { validate, type JsonValue } from '@kartochka/core';
import './index.js';
import { type KcBuilder } from './index.js';
import { FIELD_TYPES, fieldById } from './model/index.js';
import { useBuilder } from './test-support/harness.js';
import { settle, type } from './test-support/interact.js';

for (const locale of ['ru', 'en'] as const) {
  describe(`every palette type, added, selected and edited (${locale})`, function () {
    this.timeout(120000);
    const b = useBuilder({ locale, schemaId: `every-type-${locale}`, preview: true, consoleErrors: true });
    const { errors, $ } = b;
    let el: KcBuilder;
    before(() => (el = b.el));

    const titleInput = () => $<HTMLInputElement>(`kc-builder-inspector input[name=title-${locale}]`);
    const selectedField = () => {
      const sel = el.store.selection;
      return sel?.kind === 'field' ? fieldById(el.store.doc, sel.id) : undefined;
    };
    const nodeOf = (id: string) => {
      return el.querySelector<HTMLElement>(`kc-builder-canvas .kcb-node[data-ref="field:${CSS.escape(id)}"]`) ?? undefined;
    };
    const titleOf = (id: string) => {
      const f = fieldById(el.store.doc, id);
      return f ? (el.store.doc.messages[locale]?.[f.pointer] as { title?: string } | string | undefined) : undefined;
    };
    const titleText = (id: string) => {
      const m = titleOf(id);
      return typeof m === 'string' ? m : m?.title;
    };

    it('adds each type, edits its title and settings, and re-selecting a field edits that field', async () => {
      $<HTMLButtonElement>('kc-builder-palette button[data-what="section"]').click();
      await settle(el);
      type(titleInput(), locale === 'ru' ? 'Основное' : 'Main');
      await settle(el);

      const added: { type: string; id: string; title: string }[] = [];
      for (const [i, t] of FIELD_TYPES.entries()) {
        const previous = added.at(-1);
        $<HTMLButtonElement>(`kc-builder-palette button[data-what="${t.type}"]`).click();
        await settle(el);
        const f = selectedField();
        expect(f, `${t.type}: the new field is selected`).to.not.equal(undefined);
        expect(f!.id, `${t.type}: a new field, not the previous one`).to.not.equal(previous?.id);
        const title = `${locale === 'ru' ? 'Поле' : 'Field'} ${i + 1} (${t.type})`;
        type(titleInput(), title);
        await settle(el);
        expect(titleText(f!.id), `${t.type}: the title went to the new field`).to.equal(title);
        if (previous) expect(titleText(previous.id), `${t.type}: the previous field kept its title`).to.equal(previous.title);
        // Every setting the inspector offers for this type takes a value and lands on this field.
        for (const input of el.querySelectorAll<HTMLInputElement>(
          'kc-builder-inspector fieldset input[type=number], kc-builder-inspector fieldset input[type=date], kc-builder-inspector fieldset input[type=datetime-local]',
        )) {
          const label = input.closest('label')?.textContent?.trim() ?? '';
          expect(label, `${t.type}: every setting has a label`).to.not.equal('');
          const value = input.type === 'number' ? '3' : input.type === 'date' ? '2026-01-15' : '2026-01-15T10:30';
          type(input, value);
          await settle(el);
        }
        added.push({ type: t.type, id: selectedField()!.id, title });
        expect(errors, `${t.type}: no error`).to.deep.equal([]);
      }

      // Select each field again (through the canvas) and rename it: the inspector edits that one.
      for (const a of added) {
        const n = nodeOf(a.id);
        expect(n, `${a.type}: on the canvas`).to.not.equal(undefined);
        n!.click();
        await settle(el);
        expect(selectedField()?.id, `${a.type}: selected`).to.equal(a.id);
        expect(titleInput().value, `${a.type}: the inspector shows it`).to.equal(a.title);
        type(titleInput(), `${a.title} ✓`);
        await settle(el);
      }
      for (const a of added) expect(titleText(a.id), a.type).to.equal(`${a.title} ✓`);
      expect(errors).to.deep.equal([]);
    });

    it('keeps date limits as dates: the card refuses a date outside them, with a message in the language', async () => {
      const date = FIELD_TYPES.find((t) => t.type === 'date')!;
      // Into the section itself (the last field added was a repeating group, which holds the selection).
      $<HTMLElement>('kc-builder-canvas [data-ref^="section:"]').click();
      await settle(el);
      $<HTMLButtonElement>(`kc-builder-palette button[data-what="${date.type}"]`).click();
      await settle(el);
      const f = selectedField()!;
      const inputs = [...el.querySelectorAll<HTMLInputElement>('kc-builder-inspector fieldset input[type=date]')];
      expect(inputs.length, 'earliest and latest date').to.equal(2);
      type(inputs[0]!, '2026-01-01');
      await settle(el);
      type(inputs[1]!, '2026-12-31');
      await settle(el);
      const schema = fieldById(el.store.doc, f.id)!.schema;
      expect(schema.formatMinimum).to.equal('2026-01-01');
      expect(schema.formatMaximum).to.equal('2026-12-31');
      // The card built from it refuses an earlier date, saying so in words.
      const pointer = fieldById(el.store.doc, f.id)!.pointer;
      const data: Record<string, unknown> = {};
      const parts = pointer.split('/').slice(1);
      parts.reduce<Record<string, unknown>>(
        (at, key, i) => (at[key] = i === parts.length - 1 ? '2025-05-05' : {}) as Record<string, unknown>,
        data,
      );
      const problems = validate(el.store.doc.schema, data as JsonValue, locale).errors.filter((e) => e.path === pointer);
      expect(problems.map((e) => e.keyword)).to.deep.equal(['formatMinimum']);
      expect(problems[0]!.message).to.equal(locale === 'ru' ? 'Не раньше 1 янв. 2026 г.' : 'Not earlier than Jan 1, 2026.');
      expect(errors).to.deep.equal([]);
    });

    it('offers formats by name, Russian requisites included; an INN field refuses a wrong check digit, saying so', async () => {
      const text = FIELD_TYPES.find((t) => t.type === 'text')!;
      $<HTMLElement>('kc-builder-canvas [data-ref^="section:"]').click();
      await settle(el);
      $<HTMLButtonElement>(`kc-builder-palette button[data-what="${text.type}"]`).click();
      await settle(el);
      const f = selectedField()!;
      const select = [...el.querySelectorAll<HTMLSelectElement>('kc-builder-inspector select')].find((x) =>
        [...x.options].some((o) => o.value === 'ru-inn'),
      )!;
      expect(select, 'the format list').to.not.equal(undefined);
      const words = Object.fromEntries([...select.options].map((o) => [o.value, o.textContent!.trim()]));
      expect(words['ru-inn']).to.equal(locale === 'ru' ? 'ИНН' : 'INN (Russian taxpayer number)');
      expect(words['email']).to.equal(locale === 'ru' ? 'Адрес электронной почты' : 'Email address');
      expect(words['ru-bik']).to.equal(locale === 'ru' ? 'БИК' : 'BIK (Russian bank code)');
      for (const [value, label] of Object.entries(words)) if (value) expect(label, 'a name, not the code').to.not.equal(value);
      select.value = 'ru-inn';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle(el);
      const { schema, pointer } = fieldById(el.store.doc, f.id)!;
      expect(schema.format).to.equal('ru-inn');
      const data: Record<string, unknown> = {};
      const parts = pointer.split('/').slice(1);
      parts.reduce<Record<string, unknown>>(
        (at, key, i) => (at[key] = i === parts.length - 1 ? '7707083894' : {}) as Record<string, unknown>,
        data,
      );
      const problems = validate(el.store.doc.schema, data as JsonValue, locale).errors.filter((e) => e.path === pointer);
      expect(problems.map((e) => e.message)).to.deep.equal([
        locale === 'ru' ? 'Неверная контрольная цифра ИНН: проверьте, нет ли опечатки.' : 'The INN check digit is wrong: look for a typo.',
      ]);
      expect(errors).to.deep.equal([]);
    });
  });
}
