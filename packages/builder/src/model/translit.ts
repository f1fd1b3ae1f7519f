/**
 * Keys from titles: Russian is transliterated to Latin (a simplified ГОСТ 7.79-2000 / passport
 * scheme), words become camelCase, and the key is made unique among its siblings. Keys are data
 * paths, so they stay ASCII identifiers: `^[a-z][A-Za-z0-9]*$`.
 */
const MAP: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Ukrainian and Belarusian letters that turn up in company names.
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
};

/** Latin letters for Cyrillic ones; other characters are kept. */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const t = MAP[lower];
    if (t === undefined) out += ch;
    else out += ch !== lower && t ? t[0].toUpperCase() + t.slice(1) : t;
  }
  return out;
}

/** "Название организации" → "nazvanieOrganizatsii"; "E-mail 2" → "eMail2"; `fallback` when nothing is left. */
export function keyFromTitle(title: string, fallback = 'field'): string {
  const words = transliterate(title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  let key = words
    .map((w, i) => {
      const lower = w.toLowerCase();
      // Keep inner capitals of a word typed in camelCase ("companyName") but not of "ООО".
      const keepCase = /[a-z]/.test(w) && w !== w.toUpperCase();
      const base = keepCase ? w[0].toLowerCase() + w.slice(1) : lower;
      return i === 0 ? base : base[0].toUpperCase() + base.slice(1);
    })
    .join('');
  key = key.replace(/^[0-9]+/, '');
  if (!key) return fallback;
  return key.length > 48 ? key.slice(0, 48) : key;
}

/** `wanted`, or `wanted2`, `wanted3`… — the first not in `taken`. */
export function uniqueKey(wanted: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(wanted)) return wanted;
  const stem = wanted.replace(/[0-9]+$/, '') || wanted;
  for (let n = 2; ; n++) if (!set.has(stem + n)) return stem + n;
}

/** A short random id for `x-kc-id` (letters first, so it is also a valid layout id). */
export function newId(prefix = 'f'): string {
  const c = globalThis.crypto;
  const raw = c?.randomUUID ? c.randomUUID().replace(/-/g, '') : Math.random().toString(16).slice(2) + Date.now().toString(16);
  return prefix + raw.slice(0, 10);
}
