/**
 * One registry of messages for every package. A translation is a set of catalogues by domain
 * (`validation`, `layout`, `storage`, `elements`, `persistence`, `builder`); each package registers
 * its own languages on import, and an app registers more — or overrides single strings — with
 * `registerTranslation`. A lookup walks the fallback chain: the locale, the fallbacks registered
 * for it (`kk` → `ru`), its base language (`de-AT` → `de`), then English, which every domain has
 * complete. So a partial catalogue never shows a key.
 */
import { formatMessage } from './format.js';

/** A language tag (BCP 47): `en`, `ru`, `de`, `kk`, `de-AT`… */
export type Locale = string;
export type MessageParams = Readonly<Record<string, unknown>>;
/** A message: a template with `{name}` placeholders, or a function for plurals and choices. */
export type Message = string | ((params: MessageParams, locale: Locale) => string);
export type Catalogue = Readonly<Record<string, Message>>;

/**
 * The domains the packages register, each typed by its English catalogue. Packages add theirs by
 * declaration merging, so `registerTranslation('de', { elements: { add: 'Hinzufügen' } })` checks
 * its keys.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TranslationDomains {}

export type Translation = { [D in keyof TranslationDomains]?: Partial<TranslationDomains[D]> } & {
  [domain: string]: Readonly<Record<string, Message | undefined>> | undefined;
};

export interface RegisterOptions {
  /** Where to look next for a string this locale lacks (before English): `kk` → `ru`. */
  fallback?: Locale | readonly Locale[];
  /**
   * Adds only the keys the locale does not have yet: how a catalogue loaded on demand
   * (registerTranslationLoader) goes in, so strings an app registered before it stay.
   */
  underneath?: boolean;
}

const catalogues = new Map<Locale, Map<string, Record<string, Message>>>();
const fallbacks = new Map<Locale, readonly Locale[]>();

const norm = (locale: Locale): Locale => locale.trim().toLowerCase();

/** Adds (or overrides) strings of `locale`; later registrations win key by key. */
export function registerTranslation(locale: Locale, translation: Translation, options: RegisterOptions = {}): void {
  const tag = norm(locale);
  let domains = catalogues.get(tag);
  if (!domains) catalogues.set(tag, (domains = new Map()));
  for (const [domain, catalogue] of Object.entries(translation)) {
    if (!catalogue) continue;
    const merged = { ...domains.get(domain) };
    for (const [key, message] of Object.entries(catalogue))
      if (message !== undefined && !(options.underneath && merged[key] !== undefined)) merged[key] = message;
    domains.set(domain, merged);
  }
  if (options.fallback !== undefined)
    fallbacks.set(tag, typeof options.fallback === 'string' ? [norm(options.fallback)] : options.fallback.map(norm));
}

/** The locales to try, in order: `de-AT` → `de-at`, `de`, `en`; `kk` (fallback `ru`) → `kk`, `ru`, `en`. */
export function fallbackChain(locale: Locale | undefined): Locale[] {
  const chain: Locale[] = [];
  const visit = (tag: Locale): void => {
    if (chain.includes(tag)) return;
    chain.push(tag);
    for (const f of fallbacks.get(tag) ?? []) visit(f);
    const base = tag.split('-')[0]!;
    if (base !== tag) visit(base);
  };
  if (locale) visit(norm(locale));
  visit('en');
  return chain;
}

/** Locales with at least one registered catalogue, in registration order. */
export function registeredLocales(): Locale[] {
  return [...catalogues.keys()];
}

/** Whether `locale` itself (not a fallback) has `key` in `domain`. */
export function hasMessage(domain: string, locale: Locale, key: string): boolean {
  return catalogues.get(norm(locale))?.get(domain)?.[key] !== undefined;
}

/**
 * The message `key` of `domain` in `locale` (or the first locale of its chain that has it), with
 * `{name}` placeholders filled from `params`; `undefined` when no locale has it.
 */
export function translate(domain: string, locale: Locale | undefined, key: string, params: MessageParams = {}): string | undefined {
  for (const tag of fallbackChain(locale)) {
    const message = catalogues.get(tag)?.get(domain)?.[key];
    if (message === undefined) continue;
    return typeof message === 'function' ? message(params, tag) : formatMessage(message, params);
  }
  return undefined;
}

/** A catalogue fetched on demand: a function that imports it (a chunk of its own in a bundled app). */
export type TranslationLoader = () => Promise<Translation>;

interface PendingLoad {
  readonly load: TranslationLoader;
  done?: Promise<void>;
  settled?: boolean;
}
const loaders = new Map<Locale, PendingLoad[]>();

/**
 * Registers a catalogue of `locale` that is loaded only when a card (or `loadTranslations`) needs
 * that language: a page in English never downloads the German strings. Packages register their
 * built-in languages beyond English and Russian this way, and an app can do the same for its own:
 * `registerTranslationLoader('kk', () => import('./kk.js').then((m) => m.kk), { fallback: 'ru' })`.
 * What the loader resolves with goes in underneath what is registered already, so an app's
 * overrides made before the load stay.
 */
export function registerTranslationLoader(
  locale: Locale,
  load: TranslationLoader,
  options: Omit<RegisterOptions, 'underneath'> = {},
): void {
  const tag = norm(locale);
  let list = loaders.get(tag);
  if (!list) loaders.set(tag, (list = []));
  list.push({ load });
  if (options.fallback !== undefined) registerTranslation(tag, {}, options);
}

/** Whether every loader registered for `locale`'s fallback chain has run (nothing to wait for). */
export function translationsLoaded(locale: Locale | undefined): boolean {
  return fallbackChain(locale).every((tag) => (loaders.get(tag) ?? []).every((l) => l.settled));
}

/**
 * Runs the loaders registered for `locale`'s fallback chain (each once) and resolves when their
 * catalogues are registered. A loader that fails is reported and retried on the next call; the
 * strings it would have given read through the fallback chain meanwhile.
 */
export function loadTranslations(locale: Locale | undefined): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const tag of fallbackChain(locale)) {
    for (const entry of loaders.get(tag) ?? []) {
      entry.done ??= entry.load().then(
        (translation) => {
          registerTranslation(tag, translation, { underneath: true });
          entry.settled = true;
        },
        (e: unknown) => {
          entry.done = undefined;
          console.error(`@kartochka/i18n: the "${tag}" catalogue could not be loaded`, e);
        },
      );
      if (!entry.settled) pending.push(entry.done);
    }
  }
  return Promise.all(pending).then(() => undefined);
}
