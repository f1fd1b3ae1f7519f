/**
 * The demo's import page (`#/import`): `<kc-import>` for the chosen card type, with a sample file
 * of fictional clients for the B2B card (public/sample-clients.csv, UTF-8 with a BOM and `;`, as
 * Russian Excel saves it: two of its rows are refused in the dry run, to show why), and the list's
 * export bar (`<kc-card-export>` pointed at the list).
 */
import '@kartochka/elements/import';
import { html, nothing } from 'lit';
import { deepEqual, type JsonSchema, type Locale, type MessageCatalogue, type PrecompiledValidator } from '@kartochka/core';
import type { SchemaVersion, StorageAdapter } from '@kartochka/storage';
import { settingsFor, templateOfType, type CardType } from './card-types.js';
import { s } from './strings.js';

export async function importView(o: { storage: StorageAdapter; type: CardType; version: SchemaVersion; locale: Locale; user: string }) {
  const { storage, type, version, locale } = o;
  const t = templateOfType(type);
  // The template's precompiled validator while the stored schema is the shipped one (no compile).
  const validator: PrecompiledValidator | undefined =
    t?.loadValidator && deepEqual(version.schema, t.schema) ? await t.loadValidator() : undefined;
  return html`<section class="panel">
    <div class="row"><h2>${type.title[locale]}</h2><a href="#/cards">${s(locale, 'importDone')}</a></div>
    ${type.id === 'b2b-client-card' ? html`<p><a href="sample-clients.csv" download="клиенты-пример.csv" data-sample>${s(locale, 'importSample')}</a></p>` : nothing}
    <kc-import .storage=${storage} .schema=${version.schema as JsonSchema} .validator=${validator} .messages=${version.messages as MessageCatalogue | undefined}
      .settings=${settingsFor(type, version)} schema-id=${type.id} schema-version=${version.version} author=${o.user} locale=${locale}></kc-import>
  </section>`;
}

/** The export bar under the list: what the list shows (`for="card-list"`), to CSV, XLSX or JSON. */
export function exportBar(o: { storage: StorageAdapter; version: SchemaVersion; locale: Locale; name: string }) {
  return html`<kc-card-export for="card-list" .storage=${o.storage} .schema=${o.version.schema as JsonSchema} .messages=${o.version.messages as MessageCatalogue | undefined}
    name=${o.name} locale=${o.locale}></kc-card-export>`;
}
