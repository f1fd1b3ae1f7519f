/**
 * The lean standard fields (text, number, checkbox, date: field-element.ts) write their shadow DOM
 * themselves instead of through Lit templates. Everything a template kept in step must still
 * follow a change made after the first render: the flags, the label's required mark, the hint,
 * errors and aria, the native events; and a subclass that replaces the control renders it.
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { FieldError } from '@kartochka/core';
import '../index.js';
import { mount, unmountAll, typeInto } from '../testing/helpers.js';
import type { KcFieldElement } from './field-element.js';

type Field = KcFieldElement & { updateComplete: Promise<boolean> };

const error = (message: string): FieldError => ({ path: '', keyword: 'custom', message, source: 'server' });

const ENUM = { type: 'string', enum: ['a', 'b', 'c'] } as const;

async function field(tag: string): Promise<{ el: Field; root: ShadowRoot; control: HTMLInputElement }> {
  const el = mount<Field>(html`<div></div>`);
  const widget = document.createElement(tag) as Field;
  widget.label = 'Name';
  if (tag === 'kc-select') widget.schema = { ...ENUM, enum: [...ENUM.enum] };
  el.replaceWith(widget);
  await widget.updateComplete;
  const root = widget.shadowRoot!;
  return { el: widget, root, control: root.querySelector('input, select')! as HTMLInputElement };
}

describe('lean fields follow changes made after the first render', () => {
  afterEach(unmountAll);
  afterEach(() => document.querySelectorAll('body > [label]').forEach((e) => e.remove()));

  for (const tag of ['kc-text-field', 'kc-email-field', 'kc-number-field', 'kc-date-field', 'kc-checkbox', 'kc-select']) {
    it(`${tag}: required, read-only and disabled flip the control's attributes and the label's mark`, async () => {
      const { el, root, control } = await field(tag);
      const label = root.querySelector('label')!;
      expect(label.textContent).to.equal('Name');
      expect(control.hasAttribute('required')).to.equal(false);

      el.required = true;
      await el.updateComplete;
      if (tag !== 'kc-checkbox') expect(control.required).to.equal(true);
      expect(label.querySelector('.req[aria-hidden="true"]')!.textContent).to.equal('*');
      expect(label.querySelector('.sr-only')!.textContent!.trim()).to.not.equal('');
      expect(el.matches(':state(required)')).to.equal(true);

      el.required = false;
      await el.updateComplete;
      expect(control.hasAttribute('required')).to.equal(false);
      expect(label.textContent).to.equal('Name');
      expect(el.matches(':state(required)')).to.equal(false);

      el.readonly = true;
      await el.updateComplete;
      if (tag === 'kc-checkbox' || tag === 'kc-select') expect(control.disabled).to.equal(true);
      else expect(control.readOnly).to.equal(true);
      el.readonly = false;
      await el.updateComplete;
      expect(control.hasAttribute('readonly')).to.equal(false);
      expect(control.disabled).to.equal(false);

      el.disabled = true;
      await el.updateComplete;
      expect(control.disabled).to.equal(true);
      el.disabled = false;
      await el.updateComplete;
      expect(control.disabled).to.equal(false);

      el.label = 'Full name';
      await el.updateComplete;
      expect(label.textContent).to.equal('Full name');
    });

    it(`${tag}: errors set aria-invalid and the live region; a description comes and goes as the hint`, async () => {
      const { el, root, control } = await field(tag);
      expect(control.getAttribute('aria-describedby')).to.contain('error');
      el.errors = [error('Wrong'), error('Twice')];
      await el.updateComplete;
      expect(control.getAttribute('aria-invalid')).to.equal('true');
      expect(root.getElementById('error')!.textContent).to.equal('Wrong Twice');
      expect(root.getElementById('error')!.getAttribute('aria-live')).to.equal('polite');
      el.errors = [];
      await el.updateComplete;
      expect(control.hasAttribute('aria-invalid')).to.equal(false);
      expect(root.getElementById('error')!.textContent).to.equal('');

      expect(root.getElementById('hint')).to.equal(null);
      el.description = 'As in the passport';
      await el.updateComplete;
      const hint = root.getElementById('hint')!;
      expect(hint.textContent).to.equal('As in the passport');
      expect(hint.getAttribute('part')).to.equal('hint');
      expect(hint.nextElementSibling).to.equal(root.getElementById('error'));
      el.description = '';
      await el.updateComplete;
      expect(root.getElementById('hint')).to.equal(null);
    });
  }

  it('text: an edit updates value and fires input and a composed change that reach the page', async () => {
    const { el, control } = await field('kc-text-field');
    const seen: string[] = [];
    const listen = (e: Event) => seen.push(`${e.type}${e.composed ? '+composed' : ''}`);
    document.addEventListener('input', listen);
    document.addEventListener('change', listen);
    try {
      typeInto(control, 'Ivan');
      control.dispatchEvent(new Event('change', { bubbles: true }));
    } finally {
      document.removeEventListener('input', listen);
      document.removeEventListener('change', listen);
    }
    expect(el.value).to.equal('Ivan');
    expect(seen).to.deep.equal(['input+composed', 'change+composed']);
    el.value = 'Petr';
    await el.updateComplete;
    expect(control.value).to.equal('Petr');
  });

  it('number: shows the plain number while focused and the formatted one after', async () => {
    const { el, control } = await field('kc-number-field');
    el.locale = 'ru';
    el.value = 1234.5;
    await el.updateComplete;
    expect(control.value.replace(/\s/g, ' ')).to.equal('1 234,5');
    control.focus();
    await el.updateComplete;
    expect(control.value).to.equal('1234,5');
    control.blur();
    await el.updateComplete;
    expect(control.value.replace(/\s/g, ' ')).to.equal('1 234,5');
    typeInto(control, '7,25');
    expect(el.value).to.equal(7.25);
  });

  it('checkbox: a click commits the value; a value set from outside checks the box', async () => {
    const { el, control } = await field('kc-checkbox');
    control.click();
    expect(el.value).to.equal(true);
    el.value = false;
    await el.updateComplete;
    expect(control.checked).to.equal(false);
  });

  it('date: the calendar button leaves while read-only and comes back, and still opens the calendar', async () => {
    const { el, root } = await field('kc-date-field');
    expect(root.querySelector('.picker-button')).to.not.equal(null);
    el.readonly = true;
    await el.updateComplete;
    expect(root.querySelector('.picker-button')).to.equal(null);
    expect(root.querySelector('.picker')).to.equal(null);
    el.readonly = false;
    await el.updateComplete;
    const button = root.querySelector<HTMLButtonElement>('.picker-button')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(root.querySelector('.picker kc-calendar')).to.not.equal(null);
  });

  it('select: a choice commits the value; options that outgrow the native list turn it into the combobox', async () => {
    const { el, root, control } = await field('kc-select');
    const select = control as unknown as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).to.have.length(4);
    select.value = '1';
    select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect(el.value).to.equal('b');
    el.value = 'c';
    await el.updateComplete;
    expect(select.value).to.equal('2');
    el.schema = { type: 'string', enum: Array.from({ length: 12 }, (_, i) => `o${i}`) };
    await el.updateComplete;
    expect(root.querySelector('select')).to.equal(null);
    expect(root.querySelector('input[role="combobox"]')).to.not.equal(null);
    expect(root.querySelectorAll('label')).to.have.length(1);
    expect(root.querySelectorAll('#error')).to.have.length(1);
  });

  it('a subclass that replaces the control (kc-percent-field) renders it through Lit', async () => {
    const { root } = await field('kc-percent-field');
    expect(root.querySelector('[part="suffix"]')!.textContent).to.equal('%');
    expect(root.querySelector('label')!.textContent).to.equal('Name');
  });
});
