import { expect, fixture, html } from '@open-wc/testing';
import type { JsonSchemaObject } from '@kartochka/core';
import '../index.js';
import type { KcCard } from './card.js';
import { controlOf, fieldAt, settle } from '../test-support/helpers.js';

// The card reads `x-access` through core (the same rule the server enforces) for the roles it is given.
const schema: JsonSchemaObject = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Name' },
    allergies: { type: 'string', title: 'Allergies', 'x-access': { read: ['admin', 'doctor'], write: ['doctor'] } },
    diagnosis: { type: 'string', title: 'Diagnosis', 'x-access': { read: ['doctor'] } },
  },
};
const layout = {
  version: 1,
  sections: 'tabs',
  items: [
    { type: 'section', id: 'main', title: 'Main', items: ['/name', '/allergies'] },
    { type: 'section', id: 'medical', title: 'Medical', items: ['/diagnosis'] },
  ],
};
const value = { name: 'Anna', allergies: 'latex', diagnosis: 'x' };
const shown = (card: KcCard, p: string) => !fieldAt(card.shadowRoot!, p)!.hidden;

describe('<kc-card roles>: field access from x-access', () => {
  it('shows every field when no roles are given', async () => {
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${value}></kc-card>`);
    await settle(card);
    expect(['/name', '/allergies', '/diagnosis'].map((p) => shown(card, p))).to.deep.equal([true, true, true]);
    expect((controlOf(fieldAt(card.shadowRoot!, '/allergies')!) as HTMLInputElement).readOnly).to.equal(false);
  });

  it('hides what the roles may not read and locks what they may not write; follows a change of roles', async () => {
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${value} roles="admin"></kc-card>`);
    await settle(card);
    expect(card.roles).to.deep.equal(['admin']);
    expect([shown(card, '/name'), shown(card, '/allergies'), shown(card, '/diagnosis')]).to.deep.equal([true, true, false]);
    expect((controlOf(fieldAt(card.shadowRoot!, '/allergies')!) as HTMLInputElement).readOnly).to.equal(true);
    expect((controlOf(fieldAt(card.shadowRoot!, '/name')!) as HTMLInputElement).readOnly).to.equal(false);
    card.roles = ['editor', 'doctor'];
    await settle(card);
    expect([shown(card, '/allergies'), shown(card, '/diagnosis')]).to.deep.equal([true, true]);
    expect((controlOf(fieldAt(card.shadowRoot!, '/allergies')!) as HTMLInputElement).readOnly).to.equal(false);
  });

  it('leaves a field the roles may not read out of the summary header', async () => {
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .value=${value} roles="editor"></kc-card>`);
    await settle(card);
    const summary = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<kc-card-summary .controller=${card.controller} .pointers=${['/name', '/allergies']}></kc-card-summary>`,
    );
    await summary.updateComplete;
    const header = () => summary.shadowRoot!.textContent!;
    expect(header()).to.contain('Anna');
    expect(header()).not.to.contain('latex');
    card.roles = ['admin'];
    await settle(card);
    (summary as unknown as { requestUpdate(): void }).requestUpdate();
    await summary.updateComplete;
    expect(header()).to.contain('latex');
  });

  it('hides a section none of whose fields the roles may read', async () => {
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} .layout=${layout} .value=${value} roles="editor"></kc-card>`);
    await settle(card);
    const tabs = () =>
      [...card.shadowRoot!.querySelectorAll('[role="tab"]')].filter((t) => !(t as HTMLElement).hidden).map((t) => t.textContent!.trim());
    expect(tabs()).to.deep.equal(['Main']);
    card.roles = ['doctor'];
    await settle(card);
    expect(tabs()).to.deep.equal(['Main', 'Medical']);
  });
});
