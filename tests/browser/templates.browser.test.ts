/**
 * Every ready template renders in Russian and English, in edit and view mode, from its sample:
 * no console errors, no axe violations, no raw-JSON fallbacks where a widget was meant, and the
 * sample comes back out unchanged when nobody edits it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';
import type { JsonValue, LayoutDocument } from '@kartochka/core';
import { templates } from '@kartochka/templates';
import '@kartochka/elements';
import type { KcCard } from '@kartochka/elements';
import { allFields, settle } from '../../packages/elements/src/test-support/helpers.js';

const axe = (window as unknown as { axe: { run(ctx: Element, opts: RunOptions): Promise<AxeResults> } }).axe;

function watchConsole(): { problems: string[]; stop(): void } {
  const problems: string[] = [];
  const original = { error: console.error, warn: console.warn };
  console.error = (...a: unknown[]) => {
    problems.push(a.map(String).join(' '));
    original.error(...a);
  };
  console.warn = (...a: unknown[]) => {
    const text = a.map(String).join(' ');
    if (!/Lit is in dev mode/.test(text)) problems.push(text);
    original.warn(...a);
  };
  const onError = (e: ErrorEvent) => problems.push(e.message);
  window.addEventListener('error', onError);
  return {
    problems,
    stop() {
      Object.assign(console, original);
      window.removeEventListener('error', onError);
    },
  };
}

for (const template of templates) {
  for (const locale of ['ru', 'en'] as const) {
    describe(`template ${template.id} (${locale})`, function () {
      this.timeout(60000);

      it('renders every section in edit and view mode with no console errors and no axe violations', async () => {
        const watch = watchConsole();
        const sample = structuredClone(template.sample) as JsonValue;
        const card = await fixture<KcCard>(
          html`<kc-card .schema=${template.schema} .layout=${{ ...(template.layout as LayoutDocument), sections: 'plain' }} .messages=${template.messages} .value=${sample} locale=${locale}></kc-card>`,
        );
        await settle(card);
        const fields = allFields(card);
        expect(fields.size).to.be.greaterThan(20);
        const fallbacks = [...fields.values()].filter((w) => w.localName === 'kc-json-field').map((w) => w.getAttribute('path'));
        expect(fallbacks, 'no raw-JSON fallbacks in a template').to.deep.equal([]);
        const edit = await axe.run(card, { resultTypes: ['violations'] });
        expect(edit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
        card.mode = 'view';
        await settle(card);
        const view = await axe.run(card, { resultTypes: ['violations'] });
        expect(view.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
        expect(card.value).to.deep.equal(template.sample);
        watch.stop();
        expect(watch.problems).to.deep.equal([]);
      });
    });
  }
}
