/**
 * JSON Pointers (RFC 6901) are the only way Kartochka names a place in the data: in the model, in
 * errors, in events, in the DOM (`path` attributes) and in storage. Keeping them exact (never
 * converting to lossy dot paths) is what lets keys such as `a/b`, `~1` or `__proto__` round-trip.
 */
import type { JsonValue } from './types.js';

/** Escapes one reference token: `~` → `~0`, then `/` → `~1` (this order, per RFC 6901 §4). */
export function escapeToken(token: string | number): string {
  const s = String(token);
  // The fast check skips two regex replacements for the usual plain keys (storage's diff runs this
  // on every key of every save).
  return s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s;
}

/** Unescapes one reference token (`~1` → `/` first, then `~0` → `~`). */
export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Splits a pointer into its unescaped tokens. `''` is the whole document. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (pointer[0] !== '/') {
    throw new SyntaxError(`Invalid JSON Pointer "${pointer}": it must be empty or start with "/".`);
  }
  return pointer.slice(1).split('/').map(unescapeToken);
}

/** Joins unescaped tokens into a pointer. */
export function compilePointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => '/' + escapeToken(t)).join('');
}

/** Appends tokens to a pointer. */
export function joinPointer(pointer: string, ...tokens: (string | number)[]): string {
  return pointer + compilePointer(tokens);
}

/** The parent pointer, or `undefined` for the root. */
export function parentPointer(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

/** The last token, unescaped (`''` for the root). */
export function lastToken(pointer: string): string {
  return unescapeToken(pointer.slice(pointer.lastIndexOf('/') + 1));
}

/** True when `pointer` equals `ancestor` or lies below it. */
export function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || (pointer.startsWith(ancestor) && pointer[ancestor.length] === '/');
}

/**
 * The relative JSON Pointer (draft-bhutton-relative-json-pointer) that reads `target` from `base`;
 * both may be templates. A `*` the two share (the same row) is climbed over, since at run time it
 * is the base's own index; a `*` below the shared part would name every row, so there is no such
 * pointer and the result is `undefined`. `relativePointer('/rows/*\/b', '/rows/*\/a')` is `1/a`.
 */
export function relativePointer(base: string, target: string): string | undefined {
  const b = base === '' ? [] : base.slice(1).split('/');
  const t = target === '' ? [] : target.slice(1).split('/');
  let common = 0;
  while (common < b.length && common < t.length && b[common] === t[common]) common++;
  const rest = t.slice(common);
  if (rest.includes('*')) return undefined;
  return `${b.length - common}${rest.map((x) => '/' + x).join('')}`;
}

/** The template of a concrete pointer: array indices become `*` (`/rows/0/a` → `/rows/*\/a`); object keys that look like indices are taken for indices. */
export function templateOf(pointer: string): string {
  return pointer.replace(/\/(0|[1-9]\d*)(?=\/|$)/g, '/*');
}

/** `pointer` and each of its ancestors, nearest first, the root (`''`) last. */
function* selfAndAncestors(pointer: string): Generator<string> {
  yield pointer;
  for (let i = pointer.lastIndexOf('/'); i >= 0; i = pointer.lastIndexOf('/', i - 1)) {
    yield pointer.slice(0, i);
    if (i === 0) break;
  }
}

/**
 * A set of pointers that answers "which member covers this pointer" and "which member lies within
 * it" in time proportional to the pointer's depth, not to the set's size. Layouts place thousands
 * of fields; checking each against every placed one with `isWithin` was quadratic.
 */
export class PointerIndex<T> {
  #members = new Map<string, T>();
  /** Every ancestor of a member, with the first member found below it. */
  #below = new Map<string, string>();

  get size(): number {
    return this.#members.size;
  }

  set(pointer: string, value: T): void {
    if (!this.#members.has(pointer)) {
      for (const a of selfAndAncestors(pointer)) if (a !== pointer && !this.#below.has(a)) this.#below.set(a, pointer);
    }
    this.#members.set(pointer, value);
  }

  /** The member equal to `pointer` or above it (nearest first), as `[pointer, value]`. */
  covering(pointer: string): [string, T] | undefined {
    for (const a of selfAndAncestors(pointer)) if (this.#members.has(a)) return [a, this.#members.get(a) as T];
    return undefined;
  }

  /** A member equal to `pointer` or below it, as `[pointer, value]`. */
  within(pointer: string): [string, T] | undefined {
    const p = this.#members.has(pointer) ? pointer : this.#below.get(pointer);
    return p === undefined ? undefined : [p, this.#members.get(p) as T];
  }

  /** A member that covers `pointer` or lies within it (the two ways placements clash). */
  overlapping(pointer: string): [string, T] | undefined {
    return this.covering(pointer) ?? this.within(pointer);
  }
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function isContainer(v: unknown): v is Record<string, JsonValue> | JsonValue[] {
  return typeof v === 'object' && v !== null;
}

/**
 * Reads the value at `pointer`, or `undefined` when any step is missing. Only own properties are
 * followed, so `/__proto__` or `/constructor` never reach Object.prototype.
 */
export function getAt(doc: unknown, pointer: string): JsonValue | undefined {
  let cur: unknown = doc;
  for (const token of parsePointer(pointer)) {
    if (!isContainer(cur)) return undefined;
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      cur = cur[Number(token)];
    } else {
      if (!hasOwn(cur, token)) return undefined;
      cur = (cur as Record<string, unknown>)[token];
    }
  }
  return cur as JsonValue | undefined;
}

/** One concrete place of a pointer template (`/rows/*\/price` → `/rows/0/price`). */
export interface TemplateMatch {
  readonly pointer: string;
  /** The indices that stand for the template's `*`s, in order. */
  readonly indices: readonly number[];
  /** The data there (`undefined` when absent). */
  readonly value: JsonValue | undefined;
}

/**
 * Every concrete place of a pointer template in `data`: each `*` becomes every index of the array
 * found there (none when there is no array). With `present: true` only places that exist are
 * returned; without it a missing key is still followed (a field not filled in yet has a place).
 * Only own properties and array indices are followed, as in {@link getAt}.
 */
export function expandTemplate(data: unknown, template: string, options: { present?: boolean } = {}): TemplateMatch[] {
  let places: TemplateMatch[] = [{ pointer: '', indices: [], value: data as JsonValue }];
  for (const token of parsePointer(template)) {
    const next: TemplateMatch[] = [];
    for (const p of places) {
      const v = p.value;
      if (token === '*') {
        if (Array.isArray(v)) v.forEach((item, i) => next.push({ pointer: `${p.pointer}/${i}`, indices: [...p.indices, i], value: item }));
        continue;
      }
      const found = Array.isArray(v) ? /^(0|[1-9]\d*)$/.test(token) && Number(token) < v.length : isContainer(v) && hasOwn(v, token);
      if (!found && options.present) continue;
      const value = found ? (v as Record<string, JsonValue>)[token] : undefined;
      next.push({ pointer: `${p.pointer}/${escapeToken(token)}`, indices: p.indices, value });
    }
    places = next;
  }
  return places;
}

/** Copies a plain object so that a `__proto__` key stays data (an own property), never a prototype. */
function copyObject(src: Record<string, JsonValue>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const k of Object.keys(src)) defineData(out, k, src[k]);
  return out;
}

function defineData(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Returns a new document with `value` at `pointer` (structural sharing: only the containers on the
 * path are copied; untouched siblings, including keys no schema describes, keep their order).
 * Missing containers are created: an array when the next token is an index, else an object.
 * `value === undefined` removes the property (or the array element).
 */
export function setAt<T>(doc: T, pointer: string, value: JsonValue | undefined): T {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value as T;
  const step = (cur: unknown, i: number): unknown => {
    const token = tokens[i];
    const last = i === tokens.length - 1;
    const nextIsIndex = !last && /^(0|[1-9]\d*|-)$/.test(tokens[i + 1]);
    if (Array.isArray(cur)) {
      const copy = cur.slice();
      const index = token === '-' ? copy.length : Number(token);
      if (!Number.isInteger(index) || index < 0) {
        throw new RangeError(`Invalid array index "${token}" in JSON Pointer "${pointer}".`);
      }
      if (last) {
        if (value === undefined) copy.splice(index, 1);
        else copy[index] = value;
      } else {
        copy[index] = step(copy[index], i + 1) as JsonValue;
      }
      return copy;
    }
    const obj = isContainer(cur) ? copyObject(cur as Record<string, JsonValue>) : {};
    if (last) {
      if (value === undefined) delete (obj as Record<string, unknown>)[token];
      else defineData(obj, token, value);
    } else {
      const child = hasOwn(obj, token) ? obj[token] : nextIsIndex ? [] : {};
      defineData(obj, token, step(child, i + 1));
    }
    return obj;
  };
  return step(doc, 0) as T;
}
