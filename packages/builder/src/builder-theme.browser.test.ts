// The builder follows the cards' --kc-* tokens (docs/theming.md): on a page in the dark theme its
// panels, fields and buttons are dark and it passes axe, contrast included.
import './test-support/process-shim.js';
import { expect } from '@open-wc/testing';
import 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { IndexedDbAdapter } from '@kartochka/storage';
import { darkTokens } from '../../elements/src/internal/styles.js';
import './index.js';
import type { KcBuilder } from './index.js';
import { settle } from './test-support/interact.js';

const axe = (window as unknown as { axe: { run(ctx: Element, opts: RunOptions): Promise<AxeResults> } }).axe;

describe('<kc-builder> in the dark theme', function () {
  this.timeout(120000);

  it('takes its colours from the page’s tokens and passes axe', async () => {
    const style = document.createElement('style');
    style.textContent = `.dark-page { ${darkTokens.cssText} background: #12161d; color: #e6e9f0; }`;
    document.head.append(style);
    const page = document.createElement('div');
    page.className = 'dark-page';
    const el = document.createElement('kc-builder') as KcBuilder;
    el.locale = 'ru';
    el.storage = await IndexedDbAdapter.open({ name: `kc-builder-theme-${Date.now()}-${Math.random()}` });
    el.schemaId = 'theme-card';
    page.append(el);
    document.body.append(page);
    try {
      await settle(el, { preview: false });
      await el.startFrom('b2b-client-card');
      await settle(el, { preview: false });
      expect(getComputedStyle(el.querySelector('.kcb-panel')!).backgroundColor).to.equal('rgb(28, 33, 43)');
      expect(getComputedStyle(el.querySelector('.kcb-toolbar button')!).color).to.equal('rgb(230, 233, 240)');
      // The preview card's sections below the fold skip painting (content-visibility), and axe then
      // measures against the page, not the panel: check what is in view, the builder's own parts.
      const r = await axe.run({ include: [el], exclude: [['kc-builder-preview']] } as unknown as Element, {
        resultTypes: ['violations'],
        runOnly: { type: 'rule', values: ['color-contrast'] },
      });
      expect(
        r.violations.map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => `${n.target.join(' ')} ${n.failureSummary}`)
              .slice(0, 2)
              .join(', ')}`,
        ),
      ).to.deep.equal([]);
    } finally {
      page.remove();
      style.remove();
    }
  });
});
