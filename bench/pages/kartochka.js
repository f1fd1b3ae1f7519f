/** The Kartochka side of the browser benchmark: one <kc-card> with the generated schema. */
// What a page that embeds cards imports (docs/elements.md, "Entry points"): the card, and the list
// widget up front because its schema has a repeating group (else it would load on demand, after
// the first render had started).
import '@kartochka/elements/card';
import '@kartochka/elements/array-field';
import { defaultLayout } from '@kartochka/core';
import { installHarness } from './harness.js';

let layout;

/** The widget for a pointer, through nested shadow roots. */
function findField(root, pointer) {
  const direct = root.querySelector(`[path="${CSS.escape(pointer)}"]`);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = findField(el.shadowRoot, pointer);
      if (found) return found;
    }
  }
  return null;
}

installHarness({
  // The card's own default layout, but as plain blocks instead of tabs: every field on one page,
  // like the baseline (with tabs, all but the first section would be hidden).
  prepare(schema) {
    layout = { ...defaultLayout(schema), sections: 'plain' };
  },
  mountCard(schema, value) {
    const card = document.createElement('kc-card');
    card.layout = layout;
    card.schema = schema;
    card.value = value;
    document.body.append(card);
  },
  // Paint first: the validator compiles after the first frame; heap and keys are measured after.
  settled() {
    return document.querySelector('kc-card')?.validatorReady;
  },
  errorElement(pointer) {
    return findField(document, pointer)?.shadowRoot?.querySelector('.error') ?? null;
  },
});
