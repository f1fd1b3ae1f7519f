/**
 * The words of the formula syntax (./formula-text.ts): every operator of the rules engine under a
 * Russian and an English function name, so `parse(print(x))` gives back `x` for each of them. The
 * common ones also have an infix form (`+ - * / = <> < <= > >=`, `И`/`AND`, `ИЛИ`/`OR`, `НЕ`/`NOT`);
 * the function name is what the printer falls back to when the infix form can't say it (for
 * example `<` with three arguments). Names are looked up without case, and `Ё` reads as `Е`.
 */
import { arityOf } from './walk.js';

export interface FormulaFunction {
  /** The JSON Logic operator. */
  readonly op: string;
  readonly ru: string;
  readonly en: string;
}

/** In the order docs/builder.md lists them. */
export const FORMULA_FUNCTIONS: readonly FormulaFunction[] = [
  { op: 'if', ru: 'ЕСЛИ', en: 'IF' },
  { op: 'and', ru: 'И', en: 'AND' },
  { op: 'or', ru: 'ИЛИ', en: 'OR' },
  { op: '!', ru: 'НЕ', en: 'NOT' },
  { op: '!!', ru: 'БУЛЕВО', en: 'BOOL' },
  { op: '==', ru: 'РАВНО', en: 'EQ' },
  { op: '!=', ru: 'НЕ_РАВНО', en: 'NE' },
  { op: '===', ru: 'ТОЧНО', en: 'EXACT' },
  { op: '!==', ru: 'НЕ_ТОЧНО', en: 'NOT_EXACT' },
  { op: '<', ru: 'МЕНЬШЕ', en: 'LT' },
  { op: '<=', ru: 'МЕНЬШЕ_ИЛИ_РАВНО', en: 'LTE' },
  { op: '>', ru: 'БОЛЬШЕ', en: 'GT' },
  { op: '>=', ru: 'БОЛЬШЕ_ИЛИ_РАВНО', en: 'GTE' },
  { op: '+', ru: 'СЛОЖИТЬ', en: 'ADD' },
  { op: '-', ru: 'ВЫЧЕСТЬ', en: 'SUBTRACT' },
  { op: '*', ru: 'УМНОЖИТЬ', en: 'MULTIPLY' },
  { op: '/', ru: 'РАЗДЕЛИТЬ', en: 'DIVIDE' },
  { op: '%', ru: 'ОСТАТ', en: 'MOD' },
  { op: 'min', ru: 'МИН', en: 'MIN' },
  { op: 'max', ru: 'МАКС', en: 'MAX' },
  { op: 'round', ru: 'ОКРУГЛ', en: 'ROUND' },
  { op: 'sum', ru: 'СУММ', en: 'SUM' },
  { op: 'count', ru: 'СЧЁТ', en: 'COUNT' },
  { op: 'cat', ru: 'СЦЕП', en: 'CONCAT' },
  { op: 'substr', ru: 'ПОДСТРОКА', en: 'SUBSTR' },
  { op: 'in', ru: 'ВХОДИТ', en: 'IN' },
  { op: 'empty', ru: 'ЕПУСТО', en: 'ISBLANK' },
  { op: 'merge', ru: 'ОБЪЕДИНИТЬ', en: 'MERGE' },
  { op: 'today', ru: 'СЕГОДНЯ', en: 'TODAY' },
  { op: 'daysBetween', ru: 'ДНЕЙ_МЕЖДУ', en: 'DAYS_BETWEEN' },
  { op: 'addDays', ru: 'ДОБАВИТЬ_ДНИ', en: 'ADD_DAYS' },
  { op: 'map', ru: 'ПРЕОБРАЗОВАТЬ', en: 'MAP' },
  { op: 'filter', ru: 'ФИЛЬТР', en: 'FILTER' },
  { op: 'all', ru: 'ВСЕ', en: 'ALL' },
  { op: 'some', ru: 'ЛЮБОЙ', en: 'SOME' },
  { op: 'none', ru: 'НИ_ОДИН', en: 'NONE' },
  { op: 'reduce', ru: 'СВЕРНУТЬ', en: 'REDUCE' },
  { op: 'var', ru: 'ПОЛЕ', en: 'FIELD' },
  { op: 'missing', ru: 'НЕ_ЗАПОЛНЕНО', en: 'MISSING' },
  { op: 'missing_some', ru: 'НЕ_ЗАПОЛНЕНО_ИЗ', en: 'MISSING_SOME' },
  { op: '?:', ru: 'ЕСЛИ_ИНАЧЕ', en: 'TERNARY' },
];

/** Constants: `ИСТИНА`/`TRUE`, `ЛОЖЬ`/`FALSE`, `ПУСТО`/`NULL`. */
export const FORMULA_CONSTANTS: readonly { readonly value: boolean | null; readonly ru: string; readonly en: string }[] = [
  { value: true, ru: 'ИСТИНА', en: 'TRUE' },
  { value: false, ru: 'ЛОЖЬ', en: 'FALSE' },
  { value: null, ru: 'ПУСТО', en: 'NULL' },
];

/** A name as looked up: upper case, `Ё` as `Е`. */
export const normalizeName = (name: string): string => name.toLocaleUpperCase('ru').replace(/Ё/g, 'Е');

const byName = new Map<string, FormulaFunction>();
for (const f of FORMULA_FUNCTIONS) {
  if (!arityOf(f.op)) throw new Error(`formula-functions: "${f.op}" is no operator of the rules engine`);
  byName.set(normalizeName(f.ru), f);
  byName.set(normalizeName(f.en), f);
}
const byOp = new Map(FORMULA_FUNCTIONS.map((f) => [f.op, f]));

/** The function of a name in either language. */
export const functionByName = (name: string): FormulaFunction | undefined => byName.get(normalizeName(name));
export const functionByOp = (op: string): FormulaFunction | undefined => byOp.get(op);

/** Names are Russian in Russian (and languages that fall back to it), English otherwise. */
export const usesRussianNames = (locale: string): boolean => /^(ru|be|uk|kk)\b/i.test(locale);

export const functionName = (f: FormulaFunction, locale: string): string => (usesRussianNames(locale) ? f.ru : f.en);

/** Every function name of both languages (for "did you mean"). */
export const allFunctionNames = (locale: string): string[] => FORMULA_FUNCTIONS.map((f) => functionName(f, locale));
