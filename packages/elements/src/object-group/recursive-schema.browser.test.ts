// A schema whose property refers back to an ancestor ("$ref": "#", no `type`) used to render
// without end and freeze the page. Now a recursive group with no data is collapsed until opened,
// and past MAX_FIELD_DEPTH levels the data is one raw JSON field. Each test also bounds the time
// and the number of widgets: the old code never got to the assertions (the page hung).
import { expect, html, waitUntil } from '@open-wc/testing';
import { MAX_FIELD_DEPTH, type JsonSchemaObject, type JsonValue } from '@kartochka/core';
import '../index.js';
import type { KcCard } from '../card/card.js';
import { allFields, controlOf, fieldAt, mount, settle, typeInto, unmountAll } from '../test-support/helpers.js';

const tree: JsonSchemaObject = {
  title: 'Node',
  properties: { name: { type: 'string', title: 'Name' }, child: { $ref: '#', title: 'Child' } },
};

function nested(levels: number): JsonValue {
  let v: JsonValue = { name: `level ${levels}` };
  for (let i = levels - 1; i >= 0; i--) v = { name: `level ${i}`, child: v };
  return v;
}

async function render(value: JsonValue | undefined, mode: 'edit' | 'view' | 'blank' = 'edit'): Promise<{ card: KcCard; ms: number }> {
  const started = performance.now();
  const card = mount<KcCard>(html`<kc-card .schema=${tree} .value=${value} mode=${mode}></kc-card>`);
  await settle(card);
  return { card, ms: performance.now() - started };
}

describe('recursive schemas', () => {
  afterEach(unmountAll);

  it('a cycle with no data renders at once: the recursive group is collapsed behind a button', async () => {
    const { card, ms } = await render(undefined);
    expect(ms).to.be.lessThan(5000);
    const fields = allFields(card);
    expect(fields.size).to.be.lessThan(10);
    const group = [...fields.values()].find((el) => el.localName === 'kc-object-group' && el.shadowRoot!.querySelector('[part="expand"]'))!;
    expect(group, 'a collapsed group').to.exist;
    const button = group.shadowRoot!.querySelector('[part="expand"]') as HTMLButtonElement;
    expect(button.textContent).to.contain('Fill in');
    const path = group.getAttribute('path')!;
    button.click();
    await waitUntil(() => fieldAt(card.shadowRoot!, `${path}/name`), 'the group opened', { timeout: 5000 });
    await settle(card);
    const name = controlOf(fieldAt(card.shadowRoot!, `${path}/name`)!) as HTMLInputElement;
    expect(
      name.getRootNode() instanceof ShadowRoot && (name.getRootNode() as ShadowRoot).activeElement,
      'focus moves to the first new field',
    ).to.equal(name);
    typeInto(name, 'typed');
    await settle(card);
    expect(JSON.stringify(card.value)).to.contain('"name":"typed"');
    // One level at a time: the next one is collapsed again.
    expect(fieldAt(card.shadowRoot!, `${path}/child`)!.shadowRoot!.querySelector('[part="expand"]')).to.exist;
  });

  it('100 levels of data: open down to the depth limit, the rest in one JSON field, nothing lost', async () => {
    const data = nested(100);
    const { card, ms } = await render(data);
    const deepest = '/child'.repeat(MAX_FIELD_DEPTH + 1);
    await waitUntil(() => fieldAt(card.shadowRoot!, deepest), 'the deepest field rendered', { timeout: 10000 });
    await settle(card);
    expect(ms).to.be.lessThan(10000);
    expect(fieldAt(card.shadowRoot!, deepest)!.localName).to.equal('kc-json-field');
    expect(allFields(card).size).to.be.lessThan(3 * (MAX_FIELD_DEPTH + 2));
    const top = controlOf(fieldAt(card.shadowRoot!, '/child/name')!) as HTMLInputElement;
    expect(top.value).to.equal('level 1');
    typeInto(top, 'renamed');
    await settle(card);
    expect(JSON.stringify(card.value).split('"child"').length - 1, 'all 100 levels kept').to.equal(100);
  });

  for (const mode of ['view', 'blank'] as const) {
    it(`${mode} mode: a cycle with no data and 100 levels of data both render`, async () => {
      const empty = await render(undefined, mode);
      expect(empty.ms).to.be.lessThan(5000);
      const full = await render(nested(100), mode);
      expect(full.ms).to.be.lessThan(10000);
      expect(full.card.shadowRoot!.textContent).to.be.a('string');
    });
  }
});
