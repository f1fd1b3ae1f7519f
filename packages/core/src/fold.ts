/**
 * How Kartochka compares text people type, in one place: a search in any store, a select's filter,
 * a unique key, the duplicates review and the import's header matching all fold alike.
 */

/**
 * Lower-cases for search and title sorting, and folds ё into е: Russian text is written both ways
 * ("Ёлка", "Елка"), a search for either must find both, and dictionaries order ё with е (not
 * after я, where its code point is). Locale-independent so every backend agrees. Stored derived
 * titles were re-folded by an upgrade step when ё folding was added (IndexedDB step 2 → 3, SQLite
 * migration 2). `@kartochka/storage/data` and `/backend` export it as well.
 */
export function foldCase(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е');
}

/** Text as compared for unique keys and same-name duplicates: `foldCase`, trimmed, runs of spaces as one. */
export function foldUniqueText(s: string): string {
  return foldCase(s.trim().replace(/\s+/g, ' '));
}
