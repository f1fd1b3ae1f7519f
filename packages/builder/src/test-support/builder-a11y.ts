// axe-core over <kc-builder>: blank and started from the B2B template, with a field selected (the
// inspector open), in the JSON view, and with the publish dialog open. One file per language
// (builder.a11y.ru / .en) so each gets the runner's whole per-file budget: five axe passes over the
// B2B builder take ~40 s on a loaded 2-core machine.
import './process-shim.js';
import { expect } from '@open-wc/testing';
import { IndexedDbAdapter } from '@kartochka/storage';
import '../index.js';
import type { KcBuilder } from '../index.js';
import { violations } from './harness.js';
import { settle, tick, until } from './interact.js';

export function builderA11ySuite(locale: 'ru' | 'en'): void {
  describe(`<kc-builder> accessibility (${locale})`, function () {
    this.timeout(150000);

    it('has no axe violations: blank, from the B2B template, inspector, JSON view, publish dialog', async () => {
      const storage = await IndexedDbAdapter.open({ name: `kc-builder-a11y-${Date.now()}-${Math.random()}` });
      const el = document.createElement('kc-builder') as KcBuilder;
      el.locale = locale;
      el.storage = storage;
      el.schemaId = 'a11y-card';
      document.body.append(el);
      await settle(el, { preview: false });
      expect(await violations(el), 'blank').to.deep.equal([]);

      await el.startFrom('b2b-client-card');
      await settle(el, { preview: false });
      expect(await violations(el), 'B2B template').to.deep.equal([]);

      const node = el.querySelector('kc-builder-canvas .kcb-node') as HTMLElement | null;
      expect(node, 'the B2B template has fields on the canvas').to.exist;
      node!.click();
      await settle(el, { preview: false });
      expect(await violations(el), 'a field selected').to.deep.equal([]);

      const jsonTab = [...el.querySelectorAll<HTMLButtonElement>('button')].find(
        (b) => /JSON/.test(b.textContent ?? '') && !/Импорт|Экспорт|Import|Export/.test(b.textContent ?? ''),
      );
      if (jsonTab) {
        jsonTab.click();
        await settle(el, { preview: false });
        expect(await violations(el), 'JSON view').to.deep.equal([]);
      }

      // The card type's title and list settings (the B2B template's, carried along).
      (el.querySelector('button[name=view-card]') as HTMLButtonElement).click();
      await settle(el, { preview: false });
      expect(
        el.querySelectorAll('kc-builder-card-settings input[type=checkbox]:checked').length,
        "the template's columns and chips",
      ).to.be.greaterThan(0);
      expect(await violations(el), 'title and list settings').to.deep.equal([]);

      const publish = el.querySelector('button[name=publish]') as HTMLButtonElement | null;
      expect(publish, 'publish button').to.exist;
      publish!.click();
      await settle(el, { preview: false });
      expect(await violations(el), 'publish dialog').to.deep.equal([]);
      (el.querySelector('button[name=confirm-publish]') as HTMLButtonElement).click();
      await tick(200);
      await settle(el, { preview: false });
      el.remove();
      // A builder opening a version published elsewhere (not normalised by a builder, like the
      // demo's templates) shows no "unpublished changes".
      await storage.publishSchema({ schemaId: 'raw-card', schema: { type: 'object', properties: { a: { type: 'string', title: 'A' } } } });
      const again = document.createElement('kc-builder') as KcBuilder;
      again.locale = 'en';
      again.storage = storage;
      again.schemaId = 'raw-card';
      document.body.append(again);
      // Wait on the state (the version line), not on a fixed delay: the load is async.
      await until(() => /version 1/.test(again.querySelector('[data-published]')?.textContent ?? ''), 'the version line');
      await settle(again, { preview: false });
      expect(again.querySelector('[data-published]')!.textContent).to.contain('version 1').and.not.contain('unpublished');
      again.remove();
      storage.close();
    });
  });
}
