/// <reference types="vite/client" />
/**
 * The demo: the card list, a card (B2B by default, with its sample data, in Russian), its history,
 * the reminders, and the builder — stored in IndexedDB or on the REST server.
 */
// Only the elements the demo shows (docs/elements.md, "Entry points"): the card with its standard
// widgets (others load when a schema needs them), the list, history, reminders and summary.
import '@kartochka/elements/card';
import '@kartochka/elements/list';
import '@kartochka/elements/duplicates';
import '@kartochka/elements/history';
import '@kartochka/elements/reminders';
import '@kartochka/elements/summary';
import '@kartochka/elements/persistence';
import '@kartochka/elements/themes/dark.css';
import { html, render, nothing } from 'lit';
import type { KcCard, KcCardSummary } from '@kartochka/elements';
import {
  ForbiddenError,
  NotFoundError,
  StorageError,
  formatStorageMessage,
  type CardRecord,
  type StorageAdapter,
  type SchemaVersion,
} from '@kartochka/storage';
import {
  cardIndexed,
  cardTitle,
  deepEqual,
  type JsonValue,
  type LayoutDocument,
  type Locale,
  type MessageCatalogue,
  type JsonSchema,
  type PrecompiledValidator,
} from '@kartochka/core';
import {
  chooseBackend,
  chosenBackend,
  loadDemoUsers,
  openBackend,
  rolesOf,
  seed,
  setSignedInUser,
  signedInUser,
  type Backend,
  type DemoUser,
} from './backend.js';
import { clearLocalData, pendingLocalData } from '@kartochka/elements/persistence';
import { demoTemplates, sampleId } from './templates.js';
import {
  activeCardTypes,
  archiveCardType,
  cardTypeFor,
  cardTypes,
  createCardType,
  duplicateCardType,
  latestTypeSchema,
  listConfig,
  loadCardTypes,
  renameCardType,
  settingsFor,
  templateOfType,
  type CardType,
} from './card-types.js';
import { s } from './strings.js';
import { exportBar, importView } from './import-view.js';

const root = document.querySelector<HTMLElement>('#app')!;
/** index.html paints a skeleton before this module runs; the first render takes its place. */
let painted = false;
function paint(view: unknown): void {
  if (!painted) root.replaceChildren();
  painted = true;
  render(view, root);
}
let locale: Locale = localStorage.getItem('kc-demo-locale') === 'en' ? 'en' : 'ru';
let templateId = localStorage.getItem('kc-demo-template') ?? demoTemplates[0].id;
let backend: Backend = chosenBackend();
let storage: StorageAdapter | undefined;
let storageError = '';
let user = signedInUser();
let notice = '';
/** Phones: the header's settings (type, storage, user, theme, language) fold behind one button. */
let settingsOpen = false;

/**
 * Light or dark: the visitor's choice (the header's toggle, kept in localStorage), else the system's
 * (prefers-color-scheme, followed live). <html data-kc-theme="dark"> takes the elements' page theme
 * (@kartochka/elements/themes/dark.css), so the list, history and reminders follow as well as the card.
 */
type Theme = 'light' | 'dark';
const systemDark = matchMedia('(prefers-color-scheme: dark)');
const chosenTheme = (): Theme | undefined => (localStorage.getItem('kc-demo-theme') as Theme | null) ?? undefined;
let theme: Theme = chosenTheme() ?? (systemDark.matches ? 'dark' : 'light');
document.documentElement.dataset.kcTheme = theme;
systemDark.addEventListener('change', () => {
  if (!chosenTheme()) setTheme(systemDark.matches ? 'dark' : 'light', false);
});
function setTheme(t: Theme, remember = true) {
  theme = t;
  if (remember) localStorage.setItem('kc-demo-theme', t);
  document.documentElement.dataset.kcTheme = t;
  void show();
}

type Route =
  | { view: 'cards' }
  | { view: 'import' }
  | { view: 'types' }
  | { view: 'card'; id: string; template?: string }
  | { view: 'reminders' }
  | { view: 'builder' };

function route(): Route {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'cards') return { view: 'cards' };
  if (parts[0] === 'import') return { view: 'import' };
  if (parts[0] === 'reminders') return { view: 'reminders' };
  if (parts[0] === 'types') return { view: 'types' };
  if (parts[0] === 'builder') return { view: 'builder' };
  if (parts[0] === 'card' && parts[1])
    return { view: 'card', id: decodeURIComponent(parts[1]), template: new URLSearchParams(query).get('t') ?? undefined };
  return home(templateId);
}

/** Where a type opens: a ready template's sample card, else the list of its cards. */
function home(typeId: string): Route {
  const tpl = templateOfType(cardTypeFor(typeId));
  return tpl ? { view: 'card', id: sampleId(tpl) } : { view: 'cards' };
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
      ${link('types', '#/types', s(locale, 'cardTypes'))}
      ${link('builder', '#/builder', s(locale, 'builder'))}
    </nav>
    <button type="button" id="settings-toggle" class="settings-toggle" aria-expanded=${String(settingsOpen || !user)} aria-controls="demo-settings"
      @click=${(e: Event) => {
        // At once, not after the view re-renders (show() waits for the view's data first).
        settingsOpen = !(settingsOpen || !user);
        (e.currentTarget as HTMLElement).setAttribute('aria-expanded', String(settingsOpen));
        document.querySelector('#demo-settings')?.toggleAttribute('data-open', settingsOpen);
      }}>${s(locale, 'settings')}</button>
    <div class="controls" id="demo-settings" ?data-open=${settingsOpen || !user}>
      <label>${s(locale, 'template')}
        <select id="template" @change=${(e: Event) => {
          chooseType((e.target as HTMLSelectElement).value);
          const h = home(templateId);
          go(r.view === 'card' ? (h.view === 'card' ? `#/card/${encodeURIComponent(h.id)}` : '#/cards') : location.hash || '#/cards');
          void show();
        }}>
          ${[...activeCardTypes(), ...cardTypes().filter((t) => t.archived && t.id === templateId)].map((t) => html`<option value=${t.id} ?selected=${t.id === templateId}>${t.title[locale]}</option>`)}
        </select>
      </label>
      <label>${s(locale, 'backend')}
        <select id="backend" @change=${async (e: Event) => {
          backend = (e.target as HTMLSelectElement).value as Backend;
          chooseBackend(backend);
          await connect();
          void show();
        }}>
          <option value="idb" ?selected=${backend === 'idb'}>${s(locale, 'idb')}</option>
          <option value="rest" ?selected=${backend === 'rest'}>${s(locale, 'rest')}</option>
        </select>
      </label>
      ${
        user
          ? html`<span class="user">${s(locale, 'user')}: <b id="user-name">${user}</b> <button type="button" id="sign-out" @click=${signOut}>${s(locale, 'signOut')}</button></span>`
          : html`<form class="user" id="sign-in" @submit=${signIn}><label>${s(locale, 'user')} ${
              backend === 'rest' && users.length
                ? html`<select name="user" id="user-switch">${users.map((u) => html`<option value=${u.name}>${u.name} (${u.roles.join(', ')})</option>`)}</select>`
                : html`<input name="user" required autocomplete="username" />`
            }</label> <button>${s(locale, 'signIn')}</button></form>`
      }
      <button type="button" id="theme" class="theme" aria-pressed=${String(theme === 'dark')} @click=${() => setTheme(theme === 'dark' ? 'light' : 'dark')}>${s(locale, 'darkTheme')}</button>
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

function chooseType(id: string) {
  templateId = id;
  localStorage.setItem('kc-demo-template', id);
}

const notPublished = (type: CardType) =>
  html`<section class="panel"><h2>${type.title[locale]}</h2><p class="note" role="status" data-not-published>${s(locale, 'typeNotPublished')} <a href="#/builder">${s(locale, 'builder')}</a></p></section>`;

async function cardsView() {
  const type = cardTypeFor(templateId);
  const version = await latestTypeSchema(storage!, type);
  if (!version) return notPublished(type);
  const { columns, filters, ranges: rangeFields } = listConfig(settingsFor(type, version), version);
  const schema = version.schema as JsonSchema;
  const messages = version.messages as MessageCatalogue | undefined;
  // Views may add any column of the type's list settings, ranges on its numbers and dates; bulk
  // change offers its choice fields (docs/list-views.md).
  const available = [...columns, { field: 'createdAt', label: { ru: 'Создана', en: 'Created' } }];
  const bulkFields = filters.map((f) => ({ pointer: f.field, label: f.label, options: f.options }));
  const exporter = async (records: CardRecord[]) => {
    const { exportCards, downloadBlob } = await import('@kartochka/elements/import');
    downloadBlob(
      await exportCards(records, { format: 'csv', schema, messages, locale }),
      `${type.title[locale]}-${new Date().toISOString().slice(0, 10)}.csv`,
    );
  };
  return html`<section class="panel">
    <div class="row"><h2>${type.title[locale]}</h2>
      ${
        type.archived
          ? nothing
          : html`<button type="button" class="primary" @click=${() => go(`#/card/${encodeURIComponent(`${type.id}-${Date.now().toString(36)}`)}?t=${type.id}`)}>${s(locale, 'newCard')}</button>
        <button type="button" name="import" @click=${() => go('#/import')}>${s(locale, 'importCards')}</button>`
      }</div>
    <kc-card-list id="card-list" .storage=${storage} schema-id=${type.id} .columns=${columns} .filters=${filters} locale=${locale}
      saved-views selectable .available=${available} .rangeFields=${rangeFields} .bulkFields=${bulkFields} .schema=${schema} .messages=${messages}
      .exporter=${exporter} user=${user}
      @kc-open=${(e: CustomEvent<{ id: string }>) => go(`#/card/${encodeURIComponent(e.detail.id)}`)}></kc-card-list>
    ${exportBar({ storage: storage!, version, locale, name: type.title[locale] })}
    <details class="duplicates" id="duplicates">
      <summary>${s(locale, 'duplicates')}</summary>
      <kc-duplicates .storage=${storage} schema-id=${type.id} .schema=${schema} .messages=${messages} locale=${locale} user=${user}
        @kc-open=${(e: CustomEvent<{ id: string }>) => go(`#/card/${encodeURIComponent(e.detail.id)}`)}></kc-duplicates>
    </details>
  </section>`;
}

/** Which type a record belongs to, and the schema version to show it in (the latest). */
async function schemaFor(id: string, hint?: string): Promise<{ type: CardType; version: SchemaVersion; savedWith?: number }> {
  let type = cardTypeFor(hint ?? templateId);
  let savedWith: number | undefined;
  try {
    const record = await storage!.get(id);
    type = cardTypeFor(record.schemaId);
    savedWith = record.schemaVersion;
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  const version = await latestTypeSchema(storage!, type);
  if (!version) throw new Error(s(locale, 'typeNotPublished'));
  return { type, version, savedWith };
}

async function cardView(id: string, hint?: string) {
  const { type, version, savedWith } = await schemaFor(id, hint);
  if (type.id !== templateId) chooseType(type.id);
  const t = templateOfType(type);
  const settings = settingsFor(type, version);
  // A template ships its schema's validator precompiled: while the stored schema is the shipped
  // one, the card uses it and loads no ajv compiler (a schema edited in the builder compiles).
  const validator: PrecompiledValidator | undefined =
    t?.loadValidator && deepEqual(version.schema, t.schema) ? await t.loadValidator() : undefined;
  const options = {
    // Title and indexed values as the type's settings say (x-card): the list shows and searches them.
    title: (d: JsonValue | undefined) => cardTitle(settings, d),
    indexed: (d: JsonValue | undefined) => cardIndexed(settings, d),
    author: user,
    // The duplicate warning's link (x-unique) opens the other card here.
    recordHref: (other: string) => `#/card/${encodeURIComponent(other)}`,
    // A card saved under an older version of its type opens in the latest one (renamed fields moved).
    migrate: async (data: JsonValue, savedWith: number) => {
      const { migrateRecord } = await import('@kartochka/builder/model');
      return migrateRecord(data, savedWith, version.version, await storage!.listSchemaVersions(type.id));
    },
  };
  // The mode on now is the pressed button (aria-pressed): Edit or View; printing is an action.
  const setMode = (mode: 'edit' | 'view' | 'blank') => {
    const card = document.querySelector<KcCard>('kc-card')!;
    card.mode = mode;
    for (const b of document.querySelectorAll<HTMLButtonElement>('.modes [data-mode]'))
      b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
    return card.updateComplete;
  };
  const print = async (mode: 'view' | 'blank') => {
    const card = document.querySelector<KcCard>('kc-card')!;
    const was = card.mode;
    await setMode(mode);
    window.print();
    // Back to the mode the user had: printing is not a mode of its own.
    await setMode(was === 'blank' ? 'edit' : was);
  };
  return html`<section class="panel">
    <div class="row">
      <a href="#/cards">${s(locale, 'backToList')}</a>
      <div class="modes" role="group" aria-label=${s(locale, 'modes')}>
        <button type="button" data-mode="edit" aria-pressed="true" @click=${() => setMode('edit')}>${s(locale, 'edit')}</button>
        <button type="button" data-mode="view" aria-pressed="false" @click=${() => setMode('view')}>${s(locale, 'view')}</button>
        <button type="button" @click=${() => print('view')}>${s(locale, 'printFilled')}</button>
        <button type="button" @click=${() => print('blank')}>${s(locale, 'printBlank')}</button>
      </div>
    </div>
    ${savedWith !== undefined && savedWith < version.version ? html`<p class="note">${s(locale, 'olderVersion', { from: savedWith, to: version.version })}</p>` : nothing}
    <kc-card-summary .pointers=${settings.summary} locale=${locale}></kc-card-summary>
    <kc-card
      locale=${locale}
      theme=${theme}
      .schema=${version.schema as JsonSchema}
      .validator=${validator}
      .layout=${version.layout as LayoutDocument | undefined}
      .messages=${version.messages as MessageCatalogue | undefined}
      .storage=${storage}
      .roles=${rolesOf(backend, user)}
      record-id=${id}
      schema-id=${type.id}
      schema-version=${version.version}
      .storageOptions=${options}
      @kc-storage-status=${bindSummary}
    ></kc-card>
  </section>
  <section class="panel">
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
  const type = cardTypeFor(templateId);
  const version = await latestTypeSchema(storage!, type);
  if (!version) return notPublished(type);
  return html`<section class="panel">
    <h2>${s(locale, 'reminders')} — ${type.title[locale]}</h2>
    <kc-reminders .storage=${storage} .schema=${version.schema as JsonSchema} schema-id=${type.id} days="90" locale=${locale}
      @kc-open=${(e: CustomEvent<{ id: string }>) => go(`#/card/${encodeURIComponent(e.detail.id)}`)}></kc-reminders>
  </section>`;
}

async function builderView() {
  await import('@kartochka/builder');
  const type = cardTypeFor(templateId);
  const after = () => {
    const h = home(type.id);
    return h.view === 'card' ? `#/card/${encodeURIComponent(h.id)}` : '#/cards';
  };
  return html`<section class="panel wide">
    <h2>${type.title[locale]}</h2>
    <kc-builder .storage=${storage} schema-id=${type.id} locale=${locale}
      @kc-publish=${(e: CustomEvent<{ version: SchemaVersion }>) => go(`${after()}?published=${e.detail.version.version}`)}></kc-builder>
  </section>`;
}

/** Why the last change on the card types page was refused (a role that may not publish), in words. */
let typesProblem = '';

/** Runs a change of the card types; a refusal is shown on the page, never thrown at it. */
async function changeTypes(change: () => Promise<unknown>): Promise<boolean> {
  try {
    await change();
    typesProblem = '';
    return true;
  } catch (e) {
    typesProblem =
      e instanceof ForbiddenError
        ? s(locale, 'typeChangeForbidden')
        : e instanceof StorageError
          ? formatStorageMessage(e, locale)
          : (e as Error).message;
    return false;
  } finally {
    void show();
  }
}

/** Card types: create (blank or from a template or type), rename, duplicate, archive. */
function typesView() {
  const create = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const name = String(form.get('title') ?? '').trim();
    if (!name) return;
    const from = String(form.get('from') ?? '') || undefined;
    let type: CardType | undefined;
    if (!(await changeTypes(async () => (type = await createCardType(storage!, { ru: name, en: name }, from))))) return;
    chooseType(type!.id);
    go(from ? '#/cards' : '#/builder');
  };
  const rename = (t: CardType, e: Event) => {
    const name = (e.target as HTMLInputElement).value.trim();
    if (name) void changeTypes(() => renameCardType(storage!, t.id, { ...t.title, [locale]: name }));
  };
  const duplicate = (t: CardType) =>
    void changeTypes(() =>
      duplicateCardType(storage!, t.id, { ru: s('ru', 'copyOf', { name: t.title.ru }), en: s('en', 'copyOf', { name: t.title.en }) }),
    );
  const open = (t: CardType, hash: string) => {
    chooseType(t.id);
    go(hash);
  };
  return html`<section class="panel">
    <h2>${s(locale, 'cardTypes')}</h2>
    ${typesProblem ? html`<p class="error" role="alert" data-types-problem>${typesProblem}</p>` : nothing}
    <form id="new-type" class="row" @submit=${create}>
      <label>${s(locale, 'typeName')} <input name="title" required /></label>
      <label>${s(locale, 'typeFrom')}
        <select name="from">
          <option value="">${s(locale, 'typeBlank')}</option>
          ${activeCardTypes().map((t) => html`<option value=${t.id}>${t.title[locale]}</option>`)}
        </select>
      </label>
      <button class="primary">${s(locale, 'createType')}</button>
    </form>
    <table class="types">
      <thead><tr><th>${s(locale, 'typeName')}</th><th>${s(locale, 'typeActions')}</th></tr></thead>
      <tbody>
        ${cardTypes().map(
          (t) => html`<tr data-type=${t.id} ?data-archived=${!!t.archived}>
          <td><input name="rename" aria-label=${s(locale, 'renameType', { name: t.title[locale] })} .value=${t.title[locale]} @change=${(e: Event) => rename(t, e)} />
            ${t.archived ? html`<small>(${s(locale, 'archived')})</small>` : nothing}</td>
          <td>
            <button type="button" name="open" @click=${() => open(t, '#/cards')}>${s(locale, 'openType')}</button>
            <button type="button" name="edit" @click=${() => open(t, '#/builder')}>${s(locale, 'editType')}</button>
            <button type="button" name="duplicate" @click=${() => duplicate(t)}>${s(locale, 'duplicateType')}</button>
            <button type="button" name="archive" @click=${() => void changeTypes(() => archiveCardType(storage!, t.id, !t.archived))}>${s(locale, t.archived ? 'restoreType' : 'archiveType')}</button>
          </td>
        </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

/**
 * What shows while a view loads (at once, within the first frame): the header and grey blocks in
 * the view's shape, busy for assistive technology. Without it a slow server left the page blank.
 */
function skeleton(r: Route) {
  const lines = r.view === 'card' ? 8 : r.view === 'builder' ? 6 : 5;
  return html`<section class="panel skeleton" aria-busy="true" data-skeleton=${r.view}>
    <p class="sr-only" role="status">${s(locale, 'loading')}</p>
    <div class="sk sk-title"></div>
    ${Array.from({ length: lines }, (_, i) => html`<div class="sk ${r.view === 'card' ? 'sk-field' : 'sk-row'}" style=${`--sk-w:${60 + ((i * 37) % 40)}%`}></div>`)}
  </section>`;
}

let renderSeq = 0;
async function show() {
  const seq = ++renderSeq;
  const r = route();
  document.documentElement.lang = locale;
  document.title = s(locale, 'appTitle');
  // A new view: its skeleton now; the same view again (a language switch) keeps what is on screen.
  if (user && storage && r.view !== shownView) {
    paint(html`${header(r)}<main>${skeleton(r)}</main>`);
    shownView = undefined;
  }
  let body: unknown = nothing;
  if (r.view !== 'types') typesProblem = '';
  if (!user) body = html`<p class="note" role="status">${notice ? html`${notice}<br />` : nothing}${s(locale, 'signInPrompt')}</p>`;
  else if (storageError || !storage) body = html`<p class="error" role="alert">${storageError}</p>`;
  else {
    try {
      // The card types as the storage adapter keeps them (the header's menu reads them too).
      await loadCardTypes(storage);
      if (r.view === 'cards') body = await cardsView();
      else if (r.view === 'import') {
        const type = cardTypeFor(templateId);
        const version = await latestTypeSchema(storage, type);
        body = version ? await importView({ storage, type, version, locale, user }) : notPublished(type);
      } else if (r.view === 'card') body = await cardView(r.id, r.template);
      else if (r.view === 'reminders') body = await remindersView();
      else if (r.view === 'types') body = typesView();
      else body = await builderView();
    } catch (e) {
      // A newer show() has started (a sign-in, a new route): this one's storage may have been
      // closed under it. Its failure is nobody's problem; the newer one paints.
      if (seq !== renderSeq) return;
      body = html`<p class="error" role="alert">${(e as Error).message}</p>`;
      console.error(e);
    }
  }
  if (seq !== renderSeq) return;
  paint(html`${header(r)}<main>${body}</main>`);
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
// Installable and usable offline: the built demo registers its service worker (the app shell,
// scripts/vite-app-shell.mjs); the dev server has none, so edits show at once there.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch((e: unknown) => console.warn('The offline app shell is not available:', e));
}
/** The REST server's users with their roles (npm start); empty: free sign-in. */
const users: DemoUser[] = await loadDemoUsers();
await connect();
await show();
