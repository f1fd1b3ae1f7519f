/** The Kartochka side of the browser benchmark: one <kc-card> with the generated schema. */
// What a page that embeds cards imports (docs/elements.md, "Entry points"): the card, and up front
// the on-demand widgets its schema uses — the list widget (a repeating group) and the date field.
// Left on demand, their fields render a frame later, when their chunks arrive: the first frame
// with every input would then be the second one (measured: 2 frames instead of 1 at 50 fields).
import '@kartochka/elements/card';
import '@kartochka/elements/array-field';
import '@kartochka/elements/date-field';
import { installHarness } from './harness.js';

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
  // like the baseline (with tabs, all but the first section would be hidden). The `sections`
  // attribute says so without a layout document (which the card would fetch its layout validator
  // for and check: docs/performance.md).
  mountCard(schema, value) {
    const card = document.createElement('kc-card');
    card.setAttribute('sections', 'plain');
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
