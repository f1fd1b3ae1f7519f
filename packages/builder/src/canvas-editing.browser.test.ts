// The canvas and the settings panel as an admin uses them: a field's title edited in place (double
// click or F2; Enter keeps, Escape leaves it), the settings panel made wider by its handle (keys
// and pointer), rules shown on the canvas in words, and the B2B card's blocks drawn once each. In
// Russian and English; axe-clean while a title is being edited; no page errors.
// The canvas and the settings panel as an admin uses them: titles of fields, groups and sections
// edited in place (double click, F2, or Enter on the selected item; Enter keeps as one undo step,
// Escape leaves it, an empty title is refused with a message), the canvas in words (title and type
// name with its icon, the data key only for a field without a title), field-type icons in the
// palette and the inspector's header, the settings panel made wider by its handle (keys and
// pointer), rules shown on the canvas in words, and the B2B card's blocks drawn once each. In
// Russian and English; axe-clean while a title is being edited; no page errors.
import './test-support/process-shim.js';
import { expect } from '@open-wc/testing';
import { localize } from '@kartochka/core';
import { type KcBuilder } from './index.js';
import { FIELD_TYPES, fieldById, fieldTypeInfo, titleOf, type NodeRef } from './model/index.js';
import { useBuilder, violations } from './test-support/harness.js';
import { key, type, until } from './test-support/interact.js';

for (const locale of ['ru', 'en'] as const) {
  describe(`<kc-builder> canvas editing and the settings panel (${locale})`, function () {
    this.timeout(120000);
    const b = useBuilder({ locale, storage: 'memory', schemaId: `canvas-${locale}`, width: '1300px', each: true });
    const settle = () => b.settle();
    let el: KcBuilder;
    beforeEach(() => (el = b.el));

    it('edits a field title in place: F2 or a double click, Enter keeps it (undoable), Escape leaves it', async () => {
      await b.palette('section');
      await b.palette('text');
      const id = el.store.selection!.id;
      const node = () => el.querySelector<HTMLElement>(`kc-builder-canvas .kcb-node[data-ref="field:${id}"]`)!;
      const name = locale === 'ru' ? 'Наименование' : 'Company';

      node().focus();
      key(node(), 'F2');
      await settle();
      let input = node().querySelector<HTMLInputElement>('input[name="inline-title"]')!;
      expect(document.activeElement).to.equal(input, 'the title is ready to type');
      expect(await violations(el), 'axe while editing').to.deep.equal([]);
      input.value = name;
      key(input, 'Enter');
      await settle();
      expect(titleOf(el.store.doc, { kind: 'field', id }, locale)).to.equal(name);
      expect(node().querySelector('.kcb-label .kcb-title')!.textContent).to.equal(name);
      expect(document.activeElement).to.equal(node(), 'focus back on the field');
      expect(fieldById(el.store.doc, id)!.key, 'the key follows the title until published').to.equal(
        locale === 'ru' ? 'naimenovanie' : 'company',
      );

      // A double click on the title; Escape leaves it as it was.
      node()
        .querySelector('.kcb-label .kcb-title')!
        .dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
      await settle();
      input = node().querySelector<HTMLInputElement>('input[name="inline-title"]')!;
      expect(input.value).to.equal(name);
      input.value = 'something else';
      key(input, 'Escape');
      await settle();
      expect(titleOf(el.store.doc, { kind: 'field', id }, locale)).to.equal(name);
      expect(node().querySelector('input[name="inline-title"]')).to.equal(null);

      // Undo takes the in-place rename back like any other edit.
      el.querySelector<HTMLButtonElement>('button[name="undo"]')?.click();
      await settle();
      expect(titleOf(el.store.doc, { kind: 'field', id }, locale)).to.not.equal(name);
    });

    it('names each type in words with its icon: palette, canvas and settings header; the data key only for a field without a title', async () => {
      // The palette: native buttons named by the type's name in words, an aria-hidden icon beside it.
      const buttons = FIELD_TYPES.map((t) => b.$<HTMLButtonElement>(`kc-builder-palette button[data-what="${t.type}"]`));
      for (const [i, button] of buttons.entries()) {
        const name = localize(FIELD_TYPES[i].label, locale)!;
        expect(button.textContent!.trim(), FIELD_TYPES[i].type).to.equal(name);
        const svg = button.querySelector('svg')!;
        expect(svg, `${FIELD_TYPES[i].type}: an icon`).to.exist;
        expect(svg.getAttribute('aria-hidden')).to.equal('true');
        expect(svg.querySelector('path, rect, circle, line, polyline, polygon, ellipse'), `${FIELD_TYPES[i].type}: drawn`).to.exist;
        expect(button.tabIndex, 'reachable by Tab').to.equal(0);
      }
      expect(new Set(buttons.map((x) => x.querySelector('svg')!.innerHTML)).size, 'one icon per type').to.equal(FIELD_TYPES.length);
      expect(await violations(b.$('kc-builder-palette')), 'axe on the palette').to.deep.equal([]);

      // A new field has no title yet: the canvas says so, names the type, and shows the key as a hint.
      await b.palette('section');
      await b.palette('date');
      const id = el.store.selection!.id;
      const node = () => b.$(`kc-builder-canvas .kcb-node[data-ref="field:${id}"]`);
      const typeName = localize(fieldTypeInfo('date').label, locale)!;
      expect(node().querySelector('.kcb-title')!.textContent).to.equal(locale === 'ru' ? '(без названия)' : '(no title)');
      expect(node().querySelector('.kcb-type')!.textContent!.trim()).to.equal(typeName);
      expect(node().querySelector('.kcb-type svg[aria-hidden="true"]'), "the type's icon").to.exist;
      expect(node().querySelector('.kcb-key')!.textContent).to.equal(fieldById(el.store.doc, id)!.key);
      // The settings header: the type's icon and the field's name.
      expect(b.$('kc-builder-inspector h2 svg[aria-hidden="true"]').innerHTML).to.equal(node().querySelector('.kcb-type svg')!.innerHTML);

      // Titled: the admin's words only — title and type name, no data key on the canvas.
      const title = locale === 'ru' ? 'Дата договора' : 'Contract date';
      type(b.$<HTMLInputElement>(`kc-builder-inspector input[name=title-${locale}]`), title);
      await settle();
      const key = fieldById(el.store.doc, id)!.key;
      expect(node().querySelector('.kcb-title')!.textContent).to.equal(title);
      expect(node().querySelector('.kcb-key'), 'no key once titled').to.equal(null);
      expect(node().querySelector('.kcb-label')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`${title} ${typeName}`);
      expect(node().textContent, 'the data key is not on the canvas').to.not.contain(key);
      expect(b.$('kc-builder-inspector h2').textContent).to.contain(title);
      // The key is still there for who needs it: in the settings, under "Advanced".
      expect(b.$<HTMLInputElement>('kc-builder-inspector details[data-advanced="key"] input[name="key"]').value).to.equal(key);
      expect(await violations(el), 'axe with icons').to.deep.equal([]);
    });

    it('renames a section (its tab) and a group in place; Enter on the selected item; an empty title is refused; one undo step each', async () => {
      await b.palette('section');
      await b.palette('group');
      const section = () => el.store.doc.layout.items[0];
      const sectionId = section().id;
      const tab = () => b.$<HTMLButtonElement>(`kc-builder-canvas .kcb-tablist [data-ref="section:${section().id}"]`);
      const sectionName = locale === 'ru' ? 'Реквизиты' : 'Details';

      // A double click on the tab: the strip is plain buttons while its title is a text box.
      tab().dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
      await settle();
      let input = b.$<HTMLInputElement>('kc-builder-canvas .kcb-tablist input[name="inline-title"]');
      expect(document.activeElement).to.equal(input);
      expect(el.querySelector('kc-builder-canvas [role=tablist], kc-builder-canvas [role=tab]'), 'no tab holds a text box').to.equal(null);
      expect(await violations(el), 'axe while a tab is renamed').to.deep.equal([]);
      input.value = sectionName;
      key(input, 'Enter');
      await settle();
      expect(titleOf(el.store.doc, { kind: 'section', id: section().id }, locale)).to.equal(sectionName);
      expect(section().id, "an unpublished section's id follows its title").to.not.equal(sectionId);
      expect(tab().getAttribute('role')).to.equal('tab');
      expect(tab().textContent!.trim()).to.equal(sectionName);
      expect(tab().getAttribute('aria-selected')).to.equal('true');
      expect(document.activeElement, 'focus back on the tab').to.equal(tab());
      expect(el.store.selection).to.deep.equal({ kind: 'section', id: section().id });
      expect(el.store.announcement).to.contain(sectionName);
      // Where its fields sit in the data is technical: in the settings, under "Advanced", closed.
      const advanced = b.$<HTMLDetailsElement>('kc-builder-inspector details[data-advanced="key"]');
      expect(advanced.open).to.equal(false);
      expect(advanced.querySelector('code')!.textContent).to.equal(section().pointer);

      // One undo step takes the rename back, id and all; redo brings it again.
      b.$<HTMLButtonElement>('button[name="undo"]').click();
      await settle();
      expect(section().id).to.equal(sectionId);
      expect(titleOf(el.store.doc, { kind: 'section', id: sectionId }, locale)).to.equal('');
      expect(el.store.doc.layout.items[0].items.length, 'the group is still there: only the rename was undone').to.equal(1);
      b.$<HTMLButtonElement>('button[name="redo"]').click();
      await settle();
      expect(titleOf(el.store.doc, { kind: 'section', id: section().id }, locale)).to.equal(sectionName);

      // The group: selected by a click, then Enter on it opens its title.
      const groupRef = el.store.doc.layout.items[0].items[0] as { id: string };
      const ref: NodeRef = { kind: 'group', id: groupRef.id };
      const group = () => b.$(`kc-builder-canvas .kcb-node[data-ref="group:${ref.id}"]`);
      group().click();
      await settle();
      group().focus();
      key(group(), 'Enter');
      await settle();
      input = group().querySelector<HTMLInputElement>('input[name="inline-title"]')!;
      expect(input, 'Enter on the selected group opens its title').to.exist;
      expect(document.activeElement).to.equal(input);

      // Empty: refused with a message tied to the box; nothing changes, the box stays.
      const steps = el.store.history.past.length;
      input.value = '   ';
      key(input, 'Enter');
      await settle();
      input = group().querySelector<HTMLInputElement>('input[name="inline-title"]')!;
      expect(input, 'still editing').to.exist;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      const error = el.querySelector(`#${input.getAttribute('aria-describedby')}`)!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.equal(
        locale === 'ru'
          ? 'Название не может быть пустым: введите его или нажмите Escape, чтобы оставить прежнее.'
          : 'A title can’t be empty: type one, or press Escape to keep the old one.',
      );
      expect(el.store.history.past.length, 'no step for a refused title').to.equal(steps);
      expect(await violations(el), 'axe with the message').to.deep.equal([]);

      const groupName = locale === 'ru' ? 'Контакты' : 'Contacts';
      input.value = groupName;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await settle();
      expect(input.getAttribute('aria-invalid'), 'typing clears the message').to.equal('false');
      key(input, 'Enter');
      await settle();
      expect(titleOf(el.store.doc, ref, locale)).to.equal(groupName);
      expect(group().querySelector('.kcb-title')!.textContent).to.equal(groupName);
      expect(el.store.history.past.length, 'one step').to.equal(steps + 1);

      // F2, emptied, then focus leaves: the title stays as it was.
      group().focus();
      key(group(), 'F2');
      await settle();
      input = group().querySelector<HTMLInputElement>('input[name="inline-title"]')!;
      input.value = '';
      input.blur();
      await settle();
      expect(group().querySelector('input[name="inline-title"]')).to.equal(null);
      expect(titleOf(el.store.doc, ref, locale)).to.equal(groupName);
      expect(el.store.history.past.length).to.equal(steps + 1);
    });

    it('makes the settings panel wider by its handle: arrow keys, Home/End, and a drag', async () => {
      const panel = () => el.querySelector('kc-builder-inspector')!.getBoundingClientRect().width;
      const handle = el.querySelector<HTMLElement>('.kcb-splitter[role="separator"]')!;
      expect(handle.getAttribute('aria-label')).to.equal(locale === 'ru' ? 'Ширина панели настроек' : 'Settings panel width');
      const start = panel();
      expect(start).to.be.closeTo(380, 1);
      key(handle, 'ArrowLeft');
      await settle();
      expect(panel()).to.be.closeTo(400, 1);
      expect(handle.getAttribute('aria-valuenow')).to.equal('400');
      key(handle, 'Home');
      await settle();
      expect(panel()).to.be.closeTo(280, 1);
      // Dragging the handle 100 px to the left widens the panel by as much.
      const box = handle.getBoundingClientRect();
      const at = (type: string, x: number) =>
        handle.dispatchEvent(new PointerEvent(type, { bubbles: true, clientX: x, clientY: box.top + 10, button: 0, pointerId: 1 }));
      at('pointerdown', box.left);
      at('pointermove', box.left - 100);
      at('pointerup', box.left - 100);
      await settle();
      expect(panel()).to.be.closeTo(380, 1);
      expect(el.inspectorWidth).to.equal(380);
      // The width is the admin's own: kept through the adapter, the next builder opens with it.
      key(handle, 'End');
      await settle();
      const storage = el.storage!;
      await until(
        async () => JSON.stringify(await storage.getSetting('builder-look:-')) === JSON.stringify({ inspectorWidth: 720 }),
        'the width kept',
        5000,
      ).catch(() => undefined);
      expect(await storage.getSetting('builder-look:-')).to.deep.equal({ inspectorWidth: 720 });
      const again = document.createElement('kc-builder') as KcBuilder;
      again.locale = locale;
      again.style.width = '1300px';
      again.storage = storage;
      again.schemaId = `canvas-again-${locale}`;
      document.body.append(again);
      try {
        await until(() => again.inspectorWidth === 720, 'the kept width', 5000).catch(() => undefined);
        expect(again.inspectorWidth).to.equal(720);
      } finally {
        again.remove();
      }
    });

    it('draws the B2B card with each block once, and says rules in words on the canvas', async () => {
      await el.startFrom('b2b-client-card');
      await settle();
      const labels = [...el.querySelectorAll('kc-builder-canvas .kcb-node[data-ref^="field:"]')].map((n) => n.getAttribute('data-ref'));
      expect(labels.length).to.be.greaterThan(10);
      expect(labels.length, 'no field drawn twice').to.equal(new Set(labels).size);
      const badges = [...el.querySelectorAll('kc-builder-canvas .kcb-badge')].map((b) => b.textContent!.trim());
      expect(badges.length).to.be.greaterThan(0);
      expect(badges.join(' '), 'no rule keywords').to.not.match(/\bvisible\b|\brequired\b|readOnly/);
      expect(badges).to.include(locale === 'ru' ? '⚙ Показ по условию' : '⚙ Shown when…');

      // On a phone's width (the B2B card's three columns, 100 px a field) a title and a type name
      // break inside their field, never past its edge (where the group's colour fails contrast).
      el.style.width = '390px';
      await settle();
      const outside = [...el.querySelectorAll<HTMLElement>('kc-builder-canvas .kcb-node[data-ref^="field:"] > .kcb-label > *')].filter(
        (part) => {
          const node = part.closest('.kcb-node')!.getBoundingClientRect();
          const r = part.getBoundingClientRect();
          return r.right > node.right + 0.5 || r.left < node.left - 0.5;
        },
      );
      expect(outside.map((p) => `${p.closest('[data-ref]')!.getAttribute('data-ref')}: ${p.textContent}`)).to.deep.equal([]);
    });
  });
}
