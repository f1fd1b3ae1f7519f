/**
 * Which icon stands for each field type (and for sections and groups) in the palette, on the canvas
 * and in the inspector's header. The icons themselves live in `@kartochka/elements/icons` (one home
 * for Lucide in Kartochka); they are decorative, always beside the type's name in words.
 */
import type { TemplateResult } from 'lit';
import * as I from '@kartochka/elements/icons';
import type { FieldType } from '../model/index.js';

const ICONS: Record<FieldType | 'section' | 'group', I.IconNode> = {
  text: I.textIcon,
  longText: I.longTextIcon,
  number: I.numberIcon,
  integer: I.integerIcon,
  money: I.moneyIcon,
  percent: I.percentIcon,
  date: I.dateIcon,
  dateTime: I.dateTimeIcon,
  time: I.timeIcon,
  email: I.emailIcon,
  phone: I.phoneIcon,
  url: I.linkIcon,
  select: I.selectIcon,
  radio: I.radioIcon,
  multiSelect: I.multiSelectIcon,
  tags: I.tagsIcon,
  checkbox: I.checkboxIcon,
  switch: I.switchIcon,
  rating: I.ratingIcon,
  file: I.fileIcon,
  computed: I.computedIcon,
  repeating: I.repeatingIcon,
  object: I.objectIcon,
  other: I.jsonIcon,
  section: I.sectionIcon,
  group: I.groupIcon,
};

/** The icon of a field type, a section or a group (`aria-hidden`). */
export function typeIcon(type: FieldType | 'section' | 'group'): TemplateResult {
  return I.icon(ICONS[type] ?? I.jsonIcon);
}
