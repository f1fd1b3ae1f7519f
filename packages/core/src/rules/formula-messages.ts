/**
 * Errors of the formula syntax in English, Russian and German: the `formula` domain of the message
 * registry (@kartochka/i18n), so an app's `registerTranslation` reaches them too.
 */
import { registerTranslation, translate, type MessageParams } from '@kartochka/i18n';

type Msg = (p: MessageParams) => string;
const maybe = (p: MessageParams, text: (s: unknown) => string): string => (p.suggestion ? text(p.suggestion) : '');

const en = {
  unknownField: (p) => `There is no field "[${p.name}]".${maybe(p, (s) => ` Did you mean "[${s}]"?`)}`,
  bareName: (p) =>
    `"${p.name}" is neither a function nor a value; write field names in square brackets${p.suggestion ? `: "[${p.suggestion}]"` : ', for example "[Amount]"'}.`,
  unknownFunction: (p) => `There is no function "${p.name}".${maybe(p, (s) => ` Did you mean "${s}"?`)}`,
  unexpectedToken: (p) => `"${p.token}" was not expected here.`,
  unexpectedEnd: () => 'The formula ends too early: a value is missing.',
  unclosed: (p) => `"${p.open}" is not closed: add "${p.close}".`,
  argumentCount: (p) => `${p.name} takes ${p.want} argument(s), not ${p.got}.`,
  fieldArgument: (p) => `${p.name} needs a field in square brackets here, such as "[Amount]".`,
  tooDeep: (p) => `The formula is nested deeper than ${p.max} levels.`,
  tooLong: (p) => `The formula is longer than ${p.max} characters.`,
  unprintable: () => 'This formula can only be shown as JSON Logic.',
} satisfies Record<string, Msg>;

export type FormulaErrorCode = keyof typeof en;
export type FormulaMessages = Record<FormulaErrorCode, Msg>;

const ru: FormulaMessages = {
  unknownField: (p) => `Нет поля «[${p.name}]».${maybe(p, (s) => ` Может быть, «[${s}]»?`)}`,
  bareName: (p) =>
    `«${p.name}» — не функция и не значение; названия полей пишутся в квадратных скобках${p.suggestion ? `: «[${p.suggestion}]»` : ', например «[Сумма]»'}.`,
  unknownFunction: (p) => `Нет функции «${p.name}».${maybe(p, (s) => ` Может быть, «${s}»?`)}`,
  unexpectedToken: (p) => `Здесь не ожидалось «${p.token}».`,
  unexpectedEnd: () => 'Формула обрывается: не хватает значения.',
  unclosed: (p) => `«${p.open}» не закрыта: добавьте «${p.close}».`,
  argumentCount: (p) => `${p.name}: нужно аргументов — ${p.want}, а указано ${p.got}.`,
  fieldArgument: (p) => `${p.name}: здесь нужно поле в квадратных скобках, например «[Сумма]».`,
  tooDeep: (p) => `Формула вложена глубже ${p.max} уровней.`,
  tooLong: (p) => `Формула длиннее ${p.max} символов.`,
  unprintable: () => 'Эту формулу можно показать только как JSON Logic.',
};

const de: FormulaMessages = {
  unknownField: (p) => `Es gibt kein Feld „[${p.name}]“.${maybe(p, (s) => ` Meinten Sie „[${s}]“?`)}`,
  bareName: (p) =>
    `„${p.name}“ ist weder eine Funktion noch ein Wert; Feldnamen stehen in eckigen Klammern${p.suggestion ? `: „[${p.suggestion}]“` : ', zum Beispiel „[Betrag]“'}.`,
  unknownFunction: (p) => `Es gibt keine Funktion „${p.name}“.${maybe(p, (s) => ` Meinten Sie „${s}“?`)}`,
  unexpectedToken: (p) => `„${p.token}“ ist hier nicht erwartet.`,
  unexpectedEnd: () => 'Die Formel endet zu früh: Ein Wert fehlt.',
  unclosed: (p) => `„${p.open}“ ist nicht geschlossen: Fügen Sie „${p.close}“ hinzu.`,
  argumentCount: (p) => `${p.name} nimmt ${p.want} Argument(e), nicht ${p.got}.`,
  fieldArgument: (p) => `${p.name} braucht hier ein Feld in eckigen Klammern, etwa „[Betrag]“.`,
  tooDeep: (p) => `Die Formel ist tiefer als ${p.max} Ebenen verschachtelt.`,
  tooLong: (p) => `Die Formel ist länger als ${p.max} Zeichen.`,
  unprintable: () => 'Diese Formel lässt sich nur als JSON Logic zeigen.',
};

declare module '@kartochka/i18n' {
  interface TranslationDomains {
    formula: FormulaMessages;
  }
}

/** The built-in catalogues (the registry holds them, and whatever an app registers). */
export const formulaMessages: Record<'en' | 'ru' | 'de', FormulaMessages> = { en, ru, de };
for (const [locale, messages] of Object.entries(formulaMessages)) registerTranslation(locale, { formula: messages });

/** The message of a formula error in `locale`. */
export function formulaMessage(code: FormulaErrorCode, params: MessageParams, locale: string): string {
  return translate('formula', locale, code, params) ?? code;
}
