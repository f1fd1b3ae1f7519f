/**
 * The rules every backend shares for card types (`listSchemas`, `putSchemaInfo`), user settings
 * and reindexing on publish — so memory, IndexedDB and the server's stores answer alike.
 */
import { cardSettingsOf, reindexedFields } from '@kartochka/core/card';
import { ValidationError } from './errors.js';
import { INTERNAL_SCHEMA_PREFIX, type CardRecord, type SchemaInfo, type SchemaSummary, type SchemaVersion } from './types.js';

/** True for the library's own schema ids, which `listSchemas` leaves out. */
export const isInternalSchema = (schemaId: string): boolean => schemaId.startsWith(INTERNAL_SCHEMA_PREFIX);

/**
 * The card type older builders kept their drafts as (`kc-builder-draft:<schemaId>:<user>`). Every
 * backend moves such cards into settings when it upgrades (key {@link LEGACY_DRAFT_KEY_PREFIX} +
 * the rest of the id, value the card's data), deleting the cards and their history; the server
 * keeps the setting for the card's author.
 */
export const LEGACY_DRAFT_SCHEMA = 'kc-builder-draft';
/** The setting key prefix of builder drafts (`builder-draft:<schemaId>:<user>`; the builder's draft.ts writes them). */
export const LEGACY_DRAFT_KEY_PREFIX = 'builder-draft:';

/** The setting key a legacy draft card moves to. */
export const legacyDraftKey = (cardId: string): string => LEGACY_DRAFT_KEY_PREFIX + cardId.slice(LEGACY_DRAFT_SCHEMA.length + 1);

/** Refuses what `putSchemaInfo` must not store (a misuse: a typed message naming the key). */
export function checkSchemaInfo(schemaId: string, info: SchemaInfo): SchemaInfo {
  const bad = (path: string, message: string) => new ValidationError(schemaId, [{ path, keyword: 'type', message, source: 'app' }]);
  if (typeof info !== 'object' || info === null || Array.isArray(info)) throw bad('', 'putSchemaInfo(): info must be an object.');
  const out: SchemaInfo = {};
  if (info.title !== undefined) {
    const t = info.title;
    if (typeof t !== 'object' || t === null || Array.isArray(t) || !Object.values(t).every((v) => typeof v === 'string')) {
      throw bad('/title', 'putSchemaInfo(): title must map languages to strings ({"ru": "…", "en": "…"}).');
    }
    out.title = { ...t };
  }
  if (info.archived !== undefined) {
    if (typeof info.archived !== 'boolean') throw bad('/archived', 'putSchemaInfo(): archived must be true or false.');
    out.archived = info.archived;
  }
  if (info.template !== undefined) {
    if (typeof info.template !== 'string') throw bad('/template', 'putSchemaInfo(): template must be a string.');
    out.template = info.template;
  }
  return out;
}

/** `stored` with `change` merged in (keys `change` leaves out stay). */
export const mergeSchemaInfo = (stored: SchemaInfo | undefined, change: SchemaInfo): SchemaInfo => ({ ...stored, ...change });

/** A type's summary from its latest version (if any) and its info (if any). */
export function schemaSummary(
  schemaId: string,
  latest: Pick<SchemaVersion, 'version' | 'publishedAt'> | undefined,
  info: SchemaInfo | undefined,
): SchemaSummary {
  const out: SchemaSummary = { schemaId, latestVersion: latest?.version ?? 0, archived: info?.archived ?? false };
  if (latest) out.publishedAt = latest.publishedAt;
  if (info?.title) out.title = info.title;
  if (info?.template !== undefined) out.template = info.template;
  return out;
}

/** Summaries of every id in `ids` (published or with info), internal ones out, ordered by id. */
export function catalogue(
  ids: Iterable<string>,
  latest: (id: string) => Pick<SchemaVersion, 'version' | 'publishedAt'> | undefined,
  info: (id: string) => SchemaInfo | undefined,
): SchemaSummary[] {
  return [...new Set(ids)]
    .filter((id) => !isInternalSchema(id))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((id) => schemaSummary(id, latest(id), info(id)));
}

/** A setting key: any non-empty string up to 200 characters. */
export function checkSettingKey(key: string): void {
  if (typeof key !== 'string' || key === '' || key.length > 200) {
    throw new ValidationError(String(key), [
      { path: '', keyword: 'settingKey', message: 'A setting key is a non-empty string of at most 200 characters.', source: 'app' },
    ]);
  }
}

/**
 * A card re-derived under `latest` (title and indexed values, from its data carried through the
 * stored migrations), or `undefined` when nothing changes. Revision, times and data stay: this is
 * derived data catching up with the type, not an edit.
 */
export function reindexed<T extends CardRecord>(card: T, latest: SchemaVersion, versions: readonly SchemaVersion[]): T | undefined {
  const fields = reindexedFields(card, latest, versions);
  return fields && { ...card, title: fields.title, indexed: fields.indexed };
}

/** True when publishing `version` may change stored cards' title and indexed values (it has card settings). */
export const reindexes = (version: Pick<SchemaVersion, 'schema'>): boolean => cardSettingsOf(version.schema) !== undefined;
