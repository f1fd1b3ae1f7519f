/**
 * The demo: the card list, a card (B2B by default, with its sample data, in Russian), its history,
 * the reminders, and the builder — stored in IndexedDB or on the REST server.
 */
// Only the elements the demo shows (docs/elements.md, "Entry points"): the card with its standard
// widgets (others load when a schema needs them), the list, history, reminders and summary.
import '@kartochka/elements/card';
import '@kartochka/elements/list';
import '@kartochka/elements/history';
import '@kartochka/elements/reminders';
import '@kartochka/elements/summary';
import '@kartochka/elements/persistence';
import { html, render, nothing } from 'lit';
import type { KcCard, KcCardSummary } from '@kartochka/elements';
import { NotFoundError, type StorageAdapter, type SchemaVersion } from '@kartochka/storage';
import { recordFields, type CardTemplate } from '@kartochka/templates';
import { deepEqual, type JsonValue, type LayoutDocument, type Locale, type MessageCatalogue, type JsonSchema, type PrecompiledValidator } from '@kartochka/core';
import { chooseBackend, chosenBackend, latestSchema, loadDemoUsers, openBackend, rolesOf, seed, setSignedInUser, signedInUser, type Backend, type DemoUser } from './backend.js';
import { clearLocalData, pendingLocalData } from '@kartochka/elements/persistence';
import { demoTemplates, listConfig, sampleId, templateFor } from './templates.js';
import { s } from './strings.js';

const root = document.querySelector<HTMLElement>('#app')!;
let locale: Locale = localStorage.getItem('kc-demo-locale') === 'en' ? 'en' : 'ru';
let templateId = localStorage.getItem('kc-demo-template') ?? demoTemplates[0].id;
let backend: Backend = chosenBackend();
let storage: StorageAdapter | undefined;
let storageError = '';
let user = signedInUser();
let notice = '';

type Route = { view: 'cards' } | { view: 'card'; id: string; template?: string } | { view: 'reminders' } | { view: 'builder' };

function route(): Route {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'cards') return { view: 'cards' };
  if (parts[0] === 'reminders') return { view: 'reminders' };
  if (parts[0] === 'builder') return { view: 'builder' };
  if (parts[0] === 'card' && parts[1]) return { view: 'card', id: decodeURIComponent(parts[1]), template: new URLSearchParams(query).get('t') ?? undefined };
  return { view: 'card', id: sampleId(templateFor(templateId)) };
}

const go = (hash: string) => (location.hash = hash);

async function connect(): Promise<void> {
  storage?.close();
  storage = undefined;
  storageError = '';
  if (!user) return;
  try {
    storage = await openBackend(backend, user);
    await seed(storage);
  } catch (e) {
    storageError = s(locale, 'loadFailed', { msg: (e as Error).message }) + (backend === 'rest' ? ` ${s(locale, 'restHint')}` : '');
  }
}

function header(r: Route) {
  const link = (view: Route['view'], hash: string, label: string) =>
    html`<a href=${hash} aria-current=${r.view === view ? 'page' : 'false'}>${label}</a>`;
  return html`<header class="bar">
    <h1>${s(locale, 'appTitle')}</h1>
    <nav aria-label=${s(locale, 'nav')}>
      ${link('cards', '#/cards', s(locale, 'cards'))} ${link('reminders', '#/reminders', s(locale, 'reminders'))}
      ${link('builder', '#/builder', s(locale, 'builder'))}
    </nav>
    <div class="controls">
      <label>${s(locale, 'template')}
        <select id="template" @change=${(e: Event) => { templateId = (e.target as HTMLSelectElement).value; localStorage.setItem('kc-demo-template', templateId); go(r.view === 'card' ? `#/card/${encodeURIComponent(sampleId(templateFor(templateId)))}` : location.hash || '#/cards'); void show(); }}>
          ${demoTemplates.map((t) => html`<option value=${t.id} ?selected=${t.id === templateId}>${t.title[locale]}</option>`)}
        </select>
      </label>
      <label>${s(locale, 'backend')}
        <select id="backend" @change=${async (e: Event) => { backend = (e.target as HTMLSelectElement).value as Backend; chooseBackend(backend); await connect(); void show(); }}>
          <option value="idb" ?selected=${backend === 'idb'}>${s(locale, 'idb')}</option>
          <option value="rest" ?selected=${backend === 'rest'}>${s(locale, 'rest')}</option>
        </select>
      </label>
      ${user
        ? html`<span class="user">${s(locale, 'user')}: <b id="user-name">${user}</b> <button type="button" id="sign-out" @click=${signOut}>${s(locale, 'signOut')}</button></span>`
        : html`<form class="user" id="sign-in" @submit=${signIn}><label>${s(locale, 'user')} ${backend === 'rest' && users.length
            ? html`<select name="user" id="user-switch">${users.map((u) => html`<option value=${u.name}>${u.name} (${u.roles.join(', ')})</option>`)}</select>`
            : html`<input name="user" required autocomplete="username" />`}</label> <button>${s(locale, 'signIn')}</button></form>`}
      <div class="lang" role="group" aria-label="Язык / Language">
        ${(['ru', 'en'] as const).map((l) => html`<button type="button" data-locale=${l} aria-pressed=${String(l === locale)} @click=${() => setLocale(l)}>${l.toUpperCase()}</button>`)}
      </div>
    </div>
  </header>`;
}

/** Sign-out clears this user's drafts and unsent saves from the device (after a warning if any wait). */
async function signOut() {
  const pending = await pendingLocalData({ user });
  if (pending.queued && !confirm(s(locale, 'signOutPending', { n: pending.queued, user }))) return;
  const cleared = await clearLocalData({ user });
  notice = s(locale, 'signedOut', { ...cleared, user });
  user = '';
  setSignedInUser('');
  await connect();
  void show();
}

async function signIn(e: SubmitEvent) {
  e.preventDefault();
  const name = String(new FormData(e.target as HTMLFormElement).get('user') ?? '').trim();
  if (!name) return;
  user = name;
  notice = '';
  setSignedInUser(name);
  await connect();
  void show();
}

function setLocale(l: Locale) {
  locale = l;
  localStorage.setItem('kc-demo-locale', l);
  document.documentElement.lang = l;
  void show();
}

async function cardsView() {
  const t = templateFor(templateId);
  const { columns, filters } = listConfig(t);
  return html`<section class="panel">
    <div class="row"><h2>${t.title[locale]}</h2>
      <button type="button" class="primary" @click=${() => go(`#/card/${encodeURIComponent(`${t.id}-${Date.now().toString(36)}`)}?t=${t.id}`)}>${s(locale, 'newCard')}</button></div>
    <kc-card-list .storage=${storage} schema-id=${t.id} .columns=${columns} .filters=${filters} locale=${locale}
      @kc-open=${(e: CustomEvent<{ id: string }>) => go(`#/card/${encodeURIComponent(e.detail.id)}`)}></kc-card-list>
  </section>`;
}

/** Which template a record belongs to, and the schema version to show it in (the latest). */
async function schemaFor(id: string, hint?: string): Promise<{ t: CardTemplate<unknown>; version: SchemaVersion; savedWith?: number }> {
  let t = templateFor(hint ?? templateId);
  let savedWith: number | undefined;
  try {
    const record = await storage!.get(id);
    t = templateFor(record.schemaId);
    savedWith = record.schemaVersion;
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  return { t, version: await latestSchema(storage!, t), savedWith };
}

async function cardView(id: string, hint?: string) {
  const { t, version, savedWith } = await schemaFor(id, hint);
  if (t.id !== templateId) {
    templateId = t.id;
    localStorage.setItem('kc-demo-template', t.id);
  }
  // A template ships its schema's validator precompiled: while the stored schema is the shipped
  // one, the card uses it and loads no ajv compiler (a schema edited in the builder compiles).
  const validator: PrecompiledValidator | undefined = t.loadValidator && deepEqual(version.schema, t.schema) ? await t.loadValidator() : undefined;
  const options = {
    title: (d: JsonValue | undefined) => recordFields(t, d).title,
    indexed: (d: JsonValue | undefined) => recordFields(t, d).indexed,
    author: user,
    // A card saved under an older version of its type opens in the latest one (renamed fields moved).
    migrate: async (data: JsonValue, savedWith: number) => {
      const { migrateRecord } = await import('@kartochka/builder/model');
      return migrateRecord(data, savedWith, version.version, await storage!.listSchemaVersions(t.id));
    },
  };
  const setMode = (mode: 'edit' | 'view' | 'blank') => {
    const card = document.querySelector<KcCard>('kc-card')!;
    card.mode = mode;
    return card.updateComplete;
  };
  const print = async (mode: 'view' | 'blank') => {
    await setMode(mode);
    window.print();
  };
  return html`<section class="panel">
    <div class="row">
      <a href="#/cards">${s(locale, 'backToList')}</a>
      <div class="modes" role="group">
        <button type="button" @click=${() => setMode('edit')}>${s(locale, 'edit')}</button>
        <button type="button" @click=${() => setMode('view')}>${s(locale, 'view')}</button>
        <button type="button" @click=${() => print('view')}>${s(locale, 'printFilled')}</button>
        <button type="button" @click=${() => print('blank')}>${s(locale, 'printBlank')}</button>
      </div>
    </div>
    ${savedWith !== undefined && savedWith < version.version ? html`<p class="note">${s(locale, 'olderVersion', { from: savedWith, to: version.version })}</p>` : nothing}
    <kc-card-summary .pointers=${t.listing.summary} locale=${locale}></kc-card-summary>
    <kc-card
      locale=${locale}
      .schema=${version.schema as JsonSchema}
      .validator=${validator}
      .layout=${version.layout as LayoutDocument | undefined}
      .messages=${version.messages as MessageCatalogue | undefined}
      .storage=${storage}
      .roles=${rolesOf(backend, user)}
      record-id=${id}
      schema-id=${t.id}
      schema-version=${version.version}
      .storageOptions=${options}
      @kc-storage-status=${bindSummary}
    ></kc-card>
  </section>
  <section class="panel">
    <h2>${s(locale, 'history')}</h2>
    <kc-history .storage=${storage} record-id=${id} .schema=${version.schema as JsonSchema} .messages=${version.messages as MessageCatalogue | undefined} locale=${locale}></kc-history>
  </section>`;
}

/** The summary header follows the card's form engine (a new one comes with each schema). */
function bindSummary() {
  const card = document.querySelector<KcCard>('kc-card');
  const summary = document.querySelector<KcCardSummary>('kc-card-summary');
  if (card && summary) {
    if (summary.controller !== card.controller) summary.controller = card.controller;
    summary.refresh();
  }
}

async function remindersView() {
  const t = templateFor(templateId);
  const version = await latestSchema(storage!, t);
  return html`<section class="panel">
    <h2>${s(locale, 'reminders')} — ${t.title[locale]}</h2>
    <kc-reminders .storage=${storage} .schema=${version.schema as JsonSchema} schema-id=${t.id} days="90" locale=${locale}
      @kc-open=${(e: CustomEvent<{ id: string }>) => go(`#/card/${encodeURIComponent(e.detail.id)}`)}></kc-reminders>
  </section>`;
}

async function builderView() {
  await import('@kartochka/builder');
  const t = templateFor(templateId);
  return html`<section class="panel wide">
    <kc-builder .storage=${storage} schema-id=${t.id} locale=${locale}
      @kc-publish=${(e: CustomEvent<{ version: SchemaVersion }>) => go(`#/card/${encodeURIComponent(sampleId(t))}?published=${e.detail.version.version}`)}></kc-builder>
  </section>`;
}

let renderSeq = 0;
async function show() {
  const seq = ++renderSeq;
  const r = route();
  document.documentElement.lang = locale;
  document.title = s(locale, 'appTitle');
  let body: unknown = nothing;
  if (!user) body = html`<p class="note" role="status">${notice ? html`${notice}<br />` : nothing}${s(locale, 'signInPrompt')}</p>`;
  else if (storageError || !storage) body = html`<p class="error" role="alert">${storageError}</p>`;
  else {
    try {
      if (r.view === 'cards') body = await cardsView();
      else if (r.view === 'card') body = await cardView(r.id, r.template);
      else if (r.view === 'reminders') body = await remindersView();
      else body = await builderView();
    } catch (e) {
      body = html`<p class="error" role="alert">${(e as Error).message}</p>`;
      console.error(e);
    }
  }
  if (seq !== renderSeq) return;
  render(html`${header(r)}<main>${body}</main>`, root);
  shownView = r.view;
  if (r.view === 'card') {
    await customElements.whenDefined('kc-card');
    await document.querySelector<KcCard>('kc-card')?.updateComplete;
    bindSummary();
  }
}

/** The view on screen now: leaving the builder with unpublished changes asks first. */
let shownView: Route['view'] | undefined;
function mayLeaveBuilder(): boolean {
  const builder = document.querySelector<HTMLElement & { hasUnpublishedChanges?: boolean }>('kc-builder');
  // The builder keeps a draft as well; this is the "are you sure" of the issue's «Карточки» click.
  return shownView !== 'builder' || !builder?.hasUnpublishedChanges || confirm(s(locale, 'leaveBuilder'));
}

window.addEventListener('hashchange', () => {
  if (route().view !== 'builder' && !mayLeaveBuilder()) {
    // Stay: put the address back without another hashchange.
    history.replaceState(null, '', '#/builder');
    return;
  }
  void show();
});
/** The REST server's users with their roles (npm start); empty: free sign-in. */
const users: DemoUser[] = await loadDemoUsers();
await connect();
await show();
