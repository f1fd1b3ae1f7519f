/** Layout problems in Russian and English. */
import type { Locale } from '../types.js';

type Params = Record<string, unknown>;

const texts: Record<string, Record<Locale, (p: Params) => string>> = {
  pointer: {
    en: (p) => `"${p.pointer}" is not a JSON Pointer: it must start with "/" and escape "~" as "~0" and "/" as "~1".`,
    ru: (p) => `«${p.pointer}» — не JSON Pointer: он начинается с «/», а «~» и «/» в именах записываются как «~0» и «~1».`,
  },
  root: {
    en: () => 'A layout cannot place the whole card as one field; name a property, e.g. "/general".',
    ru: () => 'Макет не может разместить всю карточку одним полем; укажите свойство, например «/general».',
  },
  unknownField: {
    en: (p) => `The schema has no field "${p.pointer}".`,
    ru: (p) => `В схеме нет поля «${p.pointer}».`,
  },
  insideArray: {
    en: (p) => `"${p.pointer}" lies inside a list; place the list itself, and give its rows' widgets in "widgets".`,
    ru: (p) => `«${p.pointer}» находится внутри списка; разместите сам список, а виджеты его строк задайте в «widgets».`,
  },
  duplicateField: {
    en: (p) => `"${p.pointer}" is already placed at ${p.first}${p.other !== p.pointer ? ` (as part of "${p.other}")` : ''}; a field appears once.`,
    ru: (p) => `«${p.pointer}» уже размещено в ${p.first}${p.other !== p.pointer ? ` (в составе «${p.other}»)` : ''}; поле можно разместить один раз.`,
  },
  duplicateId: {
    en: (p) => `The id "${p.id}" is used twice (first at ${p.first}).`,
    ru: (p) => `Идентификатор «${p.id}» использован дважды (впервые в ${p.first}).`,
  },
  notAGroup: {
    en: (p) => `A section's pointer must name an object with fields; "${p.pointer}" does not.`,
    ru: (p) => `Указатель раздела должен вести на объект с полями; «${p.pointer}» — не такой.`,
  },
  unknownTemplate: {
    en: (p) => `"widgets" names "${p.pointer}", which the schema does not describe.`,
    ru: (p) => `В «widgets» указано «${p.pointer}», которого нет в схеме.`,
  },
  expression: {
    en: (p) => `Rule: ${p.detail}`,
    ru: (p) => `Правило: ${p.detail}`,
  },
  schema: {
    en: (p) => `The layout does not match its schema: ${p.detail}`,
    ru: (p) => `Макет не соответствует своей схеме: ${p.detail}`,
  },
};

export type LayoutKeyword = keyof typeof texts;

/** The message for a layout problem in `locale`. */
export function layoutMessage(keyword: string, params: Params, locale: Locale): string {
  const t = texts[keyword] ?? texts.schema;
  return (t[locale] ?? t.en)(params);
}
