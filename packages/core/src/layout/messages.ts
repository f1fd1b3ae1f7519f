/**
 * Layout problems in English, Russian and German: the `layout` domain of the message registry
 * (@kartochka/i18n), so an app's `registerTranslation` reaches them too.
 */
import { registerTranslation, translate, type MessageParams } from '@kartochka/i18n';
import type { Locale } from '../types.js';

type Msg = (p: MessageParams) => string;

const en = {
  pointer: (p) => `"${p.pointer}" is not a JSON Pointer: it must start with "/" and escape "~" as "~0" and "/" as "~1".`,
  root: () => 'A layout cannot place the whole card as one field; name a property, e.g. "/general".',
  unknownField: (p) => `The schema has no field "${p.pointer}".`,
  insideArray: (p) => `"${p.pointer}" lies inside a list; place the list itself, and give its rows' widgets in "widgets".`,
  duplicateField: (p) =>
    `"${p.pointer}" is already placed at ${p.first}${p.other !== p.pointer ? ` (as part of "${p.other}")` : ''}; a field appears once.`,
  duplicateId: (p) => `The id "${p.id}" is used twice (first at ${p.first}).`,
  notAGroup: (p) => `A section's pointer must name an object with fields; "${p.pointer}" does not.`,
  unknownTemplate: (p) => `"widgets" names "${p.pointer}", which the schema does not describe.`,
  expression: (p) => `Rule: ${p.detail}`,
  schema: (p) => `The layout does not match its schema: ${p.detail}`,
} satisfies Record<string, Msg>;

export type LayoutKeyword = keyof typeof en;
export type LayoutMessages = Record<LayoutKeyword, Msg>;

const ru: LayoutMessages = {
  pointer: (p) => `«${p.pointer}» — не JSON Pointer: он начинается с «/», а «~» и «/» в именах записываются как «~0» и «~1».`,
  root: () => 'Макет не может разместить всю карточку одним полем; укажите свойство, например «/general».',
  unknownField: (p) => `В схеме нет поля «${p.pointer}».`,
  insideArray: (p) => `«${p.pointer}» находится внутри списка; разместите сам список, а виджеты его строк задайте в «widgets».`,
  duplicateField: (p) =>
    `«${p.pointer}» уже размещено в ${p.first}${p.other !== p.pointer ? ` (в составе «${p.other}»)` : ''}; поле можно разместить один раз.`,
  duplicateId: (p) => `Идентификатор «${p.id}» использован дважды (впервые в ${p.first}).`,
  notAGroup: (p) => `Указатель раздела должен вести на объект с полями; «${p.pointer}» — не такой.`,
  unknownTemplate: (p) => `В «widgets» указано «${p.pointer}», которого нет в схеме.`,
  expression: (p) => `Правило: ${p.detail}`,
  schema: (p) => `Макет не соответствует своей схеме: ${p.detail}`,
};

const de: LayoutMessages = {
  pointer: (p) => `„${p.pointer}“ ist kein JSON Pointer: Er muss mit „/“ beginnen und „~“ als „~0“ sowie „/“ als „~1“ schreiben.`,
  root: () => 'Ein Layout kann nicht die ganze Karte als ein Feld platzieren; nennen Sie eine Eigenschaft, z. B. „/general“.',
  unknownField: (p) => `Das Schema hat kein Feld „${p.pointer}“.`,
  insideArray: (p) =>
    `„${p.pointer}“ liegt in einer Liste; platzieren Sie die Liste selbst und geben Sie die Widgets ihrer Zeilen unter „widgets“ an.`,
  duplicateField: (p) =>
    `„${p.pointer}“ ist bereits bei ${p.first} platziert${p.other !== p.pointer ? ` (als Teil von „${p.other}“)` : ''}; ein Feld erscheint nur einmal.`,
  duplicateId: (p) => `Die ID „${p.id}“ wird zweimal verwendet (zuerst bei ${p.first}).`,
  notAGroup: (p) => `Der Pointer eines Abschnitts muss ein Objekt mit Feldern benennen; „${p.pointer}“ tut das nicht.`,
  unknownTemplate: (p) => `„widgets“ nennt „${p.pointer}“, das das Schema nicht beschreibt.`,
  expression: (p) => `Regel: ${p.detail}`,
  schema: (p) => `Das Layout passt nicht zu seinem Schema: ${p.detail}`,
};

declare module '@kartochka/i18n' {
  interface TranslationDomains {
    layout: LayoutMessages;
  }
}

/** The built-in catalogues (the registry holds them, and whatever an app registers). */
export const layoutMessages: Record<'en' | 'ru' | 'de', LayoutMessages> = { en, ru, de };
for (const [locale, messages] of Object.entries(layoutMessages)) registerTranslation(locale, { layout: messages });

/** The message for a layout problem in `locale`. */
export function layoutMessage(keyword: string, params: MessageParams, locale: Locale): string {
  return translate('layout', locale, keyword, params) ?? translate('layout', locale, 'schema', params)!;
}
