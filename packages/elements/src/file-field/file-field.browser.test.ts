import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../index.js';
import type { KcCard } from '../card/card.js';
import type { KcFileField } from './file-field.js';
import { fieldAt, settle } from '../test-support/helpers.js';
import 'axe-core'; // UMD: defines window.axe when loaded as a module
import type { AxeResults, RunOptions } from 'axe-core';

const axe = (window as unknown as { axe: { run(ctx: Element, opts: RunOptions): Promise<AxeResults> } }).axe;

const schema = { type: 'object', properties: { contract: { type: 'object', title: 'Contract', 'x-widget': 'file', 'x-maxSize': 2048 } } };

function pick(w: HTMLElement, file: File) {
  const input = w.shadowRoot!.querySelector('input[type="file"]') as HTMLInputElement;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<kc-file-field>', () => {
  it('keeps the Blob, shows name, size and type, offers a download link and revokes replaced URLs', async () => {
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema} locale="ru"></kc-card>`);
    await settle(card);
    const w = fieldAt(card.shadowRoot!, '/contract') as KcFileField;
    const first = new File(['x'.repeat(1536)], 'договор.pdf', { type: 'application/pdf' });
    pick(w, first);
    await settle(card);
    const v = (card.value as unknown as { contract: { name: string; size: number; type: string; blob: Blob } }).contract;
    expect(v.name).to.equal('договор.pdf');
    expect(v.size).to.equal(1536);
    expect(v.blob).to.equal(first);
    expect(await v.blob.text()).to.equal('x'.repeat(1536));
    expect(w.shadowRoot!.querySelector('.meta')!.textContent).to.match(/1,5\s*кБ/i);
    const url1 = w.downloadUrl!;
    expect((w.shadowRoot!.querySelector('[part="download"]') as HTMLAnchorElement).href).to.equal(url1);
    expect(await (await fetch(url1)).text()).to.equal('x'.repeat(1536));
    pick(w, new File(['y'], 'акт.pdf', { type: 'application/pdf' }));
    await settle(card);
    expect(w.downloadUrl).to.not.equal(url1);
    let revoked = false;
    await fetch(url1).catch(() => (revoked = true));
    expect(revoked, 'the replaced URL is revoked').to.equal(true);
  });

  it('refuses a file over x-maxSize with a message and keeps the old value', async () => {
    const card = await fixture<KcCard>(html`<kc-card .schema=${schema}></kc-card>`);
    await settle(card);
    const w = fieldAt(card.shadowRoot!, '/contract')!;
    pick(w, new File(['ok'], 'small.txt', { type: 'text/plain' }));
    await settle(card);
    let changes = 0;
    card.addEventListener('kc-change', () => changes++);
    pick(w, new File(['z'.repeat(4096)], 'big.bin'));
    await settle(card);
    expect(changes).to.equal(0);
    expect((card.value as { contract: { name: string } }).contract.name).to.equal('small.txt');
    const input = w.shadowRoot!.querySelector('input[type="file"]')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(w.shadowRoot!.querySelector('.error')!.textContent)
      .to.contain('big.bin')
      .and.contain('2 kB')
      .and.contain('previous file is kept');
    (w.shadowRoot!.querySelector('[part="remove-button"]') as HTMLButtonElement).click();
    await settle(card);
    expect((card.value as { contract?: unknown }).contract).to.equal(undefined);
  });
});

describe('<kc-file-field> with stored and legacy files', () => {
  const pdfSchema = {
    type: 'object',
    properties: { contract: { type: 'object', title: 'Contract', 'x-widget': 'file', contentMediaType: 'application/pdf,image/png' } },
  };

  it('refuses a type outside contentMediaType and keeps the old value', async () => {
    const card = await fixture<KcCard>(html`<kc-card .schema=${pdfSchema} locale="ru"></kc-card>`);
    await settle(card);
    const w = fieldAt(card.shadowRoot!, '/contract')!;
    expect(w.shadowRoot!.querySelector('input[type="file"]')!.getAttribute('accept')).to.equal('application/pdf,image/png');
    pick(w, new File(['<html>'], 'page.html', { type: 'text/html' }));
    await settle(card);
    expect((card.value as { contract?: unknown }).contract).to.equal(undefined);
    expect(w.shadowRoot!.querySelector('.error')!.textContent).to.contain('page.html').and.contain('application/pdf');
  });

  it('reads a legacy inline data: file as a file: name, size, a blob link and a preview', async () => {
    const value = {
      contract: { name: 'old.pdf', type: 'application/pdf', size: 9, url: `data:application/pdf;base64,${btoa('%PDF-1.4\n')}` },
    };
    const card = await fixture<KcCard>(html`<kc-card .schema=${pdfSchema} .value=${value} locale="en"></kc-card>`);
    await settle(card);
    const root = fieldAt(card.shadowRoot!, '/contract')!.shadowRoot!;
    const link = root.querySelector('[part="download"]') as HTMLAnchorElement;
    expect(link.href).to.match(/^blob:/);
    expect(await (await fetch(link.href)).text()).to.equal('%PDF-1.4\n');
    expect(root.querySelector('.meta')!.textContent).to.match(/9\s*byte · PDF document/);
  });

  it('fetches a stored file through kc-file-request on the first click, and previews an image', async () => {
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
    const value = {
      contract: { fileId: 'f_AAAAAAAAAAAAAAAAAAAAAA', name: 'scan.png', size: 4, type: 'image/png', sha256: 'a'.repeat(64) },
    };
    const card = await fixture<KcCard>(html`<kc-card .schema=${pdfSchema} .value=${value} locale="ru"></kc-card>`);
    const asked: string[] = [];
    card.addEventListener('kc-file-request', (e) => {
      asked.push(e.detail.fileId);
      e.detail.blob = Promise.resolve(png);
    });
    await settle(card);
    const w = fieldAt(card.shadowRoot!, '/contract') as KcFileField;
    const root = w.shadowRoot!;
    expect(root.querySelector('.meta')!.textContent).to.match(/4\s*Б · изображение/);
    expect(asked, 'nothing is fetched before it is needed').to.deep.equal([]);
    (root.querySelector('[part="preview-button"]') as HTMLButtonElement).click();
    await waitUntil(() => root.querySelector('[part="preview"] img'), 'the image preview');
    const img = root.querySelector('[part="preview"] img') as HTMLImageElement;
    expect(img.alt).to.contain('scan.png');
    expect((root.querySelector('[part="download"]') as HTMLAnchorElement).href).to.equal(img.src);
    expect(root.querySelector('[part="preview-button"]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(asked).to.deep.equal(['f_AAAAAAAAAAAAAAAAAAAAAA']);
    const result = await axe.run(card, { resultTypes: ['violations'] });
    expect(
      result.violations.map((v) => v.id),
      'axe, with the preview open',
    ).to.deep.equal([]);
  });
});
