/**
 * Reindexing: a stored card's `title` and `indexed` values are derived from its data by its type's
 * card settings (`x-card`). When a new version of the type moves a field (`segment` →
 * `/category/segment`) or changes which fields are columns and filters, cards saved earlier keep
 * the old names until something re-derives them; the storage adapters and the server do it when
 * a version is published, through this one function.
 */
import { cardRecordFields, cardSettingsOf, type IndexedValue } from './settings.js';
import { migrateRecord, type VersionedSchema } from './migrate.js';

/** What reindexing reads of a stored card. */
export interface IndexedCard {
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly title: string;
  readonly indexed: Readonly<Record<string, IndexedValue>>;
}

function sameIndexed(a: Readonly<Record<string, IndexedValue>>, b: Readonly<Record<string, IndexedValue>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/**
 * The `{title, indexed}` a stored card gets under `latest` (its data carried there through the
 * stored migrations of `versions`), or `undefined` when nothing changes — or when the type has no
 * card settings (then the app derives them its own way and they are left alone), or a version
 * between is missing.
 */
export function reindexedFields(
  card: IndexedCard,
  latest: VersionedSchema,
  versions: readonly VersionedSchema[],
): { title: string; indexed: Record<string, IndexedValue> } | undefined {
  const settings = cardSettingsOf(latest.schema);
  if (!settings) return undefined;
  let data = card.data;
  if (card.schemaVersion < latest.version) {
    try {
      data = migrateRecord(data, card.schemaVersion, latest.version, versions);
    } catch {
      return undefined;
    }
  }
  const next = cardRecordFields(settings, data);
  return next.title === card.title && sameIndexed(next.indexed, card.indexed) ? undefined : next;
}
