/**
 * `@kartochka/elements/icons`: the icons Kartochka draws outside its widgets, for sibling packages
 * (the builder's palette, canvas and inspector name each field type with one). One home: the same
 * `icon()` renderer the widgets use (`internal/icons.ts`), over Lucide's own node lists (ISC,
 * lucide-icons/lucide), imported by path so a bundle keeps only the icons it draws. Icons are
 * decorative (`aria-hidden`): always put the type's name in words beside one.
 *
 * Unstable: for Kartochka's own packages; names may change with the field types.
 * @module
 */
import type { IconNode } from '../internal/icons.js';
import textNode from 'lucide/dist/esm/icons/type.mjs';
import longTextNode from 'lucide/dist/esm/icons/text-align-start.mjs';
import numberNode from 'lucide/dist/esm/icons/decimals-arrow-right.mjs';
import integerNode from 'lucide/dist/esm/icons/hash.mjs';
import moneyNode from 'lucide/dist/esm/icons/banknote.mjs';
import percentNode from 'lucide/dist/esm/icons/percent.mjs';
import dateNode from 'lucide/dist/esm/icons/calendar.mjs';
import dateTimeNode from 'lucide/dist/esm/icons/calendar-clock.mjs';
import timeNode from 'lucide/dist/esm/icons/clock.mjs';
import emailNode from 'lucide/dist/esm/icons/mail.mjs';
import phoneNode from 'lucide/dist/esm/icons/phone.mjs';
import linkNode from 'lucide/dist/esm/icons/link.mjs';
import selectNode from 'lucide/dist/esm/icons/square-chevron-down.mjs';
import radioNode from 'lucide/dist/esm/icons/circle-dot.mjs';
import multiSelectNode from 'lucide/dist/esm/icons/list-checks.mjs';
import tagsNode from 'lucide/dist/esm/icons/tags.mjs';
import checkboxNode from 'lucide/dist/esm/icons/square-check.mjs';
import switchNode from 'lucide/dist/esm/icons/toggle-left.mjs';
import ratingNode from 'lucide/dist/esm/icons/star.mjs';
import fileNode from 'lucide/dist/esm/icons/paperclip.mjs';
import computedNode from 'lucide/dist/esm/icons/sigma.mjs';
import repeatingNode from 'lucide/dist/esm/icons/rows-3.mjs';
import objectNode from 'lucide/dist/esm/icons/box.mjs';
import jsonNode from 'lucide/dist/esm/icons/braces.mjs';
import sectionNode from 'lucide/dist/esm/icons/panels-top-left.mjs';
import groupNode from 'lucide/dist/esm/icons/group.mjs';

export { icon, type IconNode } from '../internal/icons.js';

/** A line of text (Lucide `type`). */
export const textIcon: IconNode = textNode;
/** Lines of text (Lucide `text-align-start`). */
export const longTextIcon: IconNode = longTextNode;
/** A number with decimals (Lucide `decimals-arrow-right`). */
export const numberIcon: IconNode = numberNode;
/** A whole number (Lucide `hash`). */
export const integerIcon: IconNode = integerNode;
/** An amount of money (Lucide `banknote`). */
export const moneyIcon: IconNode = moneyNode;
/** A percentage (Lucide `percent`). */
export const percentIcon: IconNode = percentNode;
/** A date (Lucide `calendar`). */
export const dateIcon: IconNode = dateNode;
/** A date and time (Lucide `calendar-clock`). */
export const dateTimeIcon: IconNode = dateTimeNode;
/** A time of day (Lucide `clock`). */
export const timeIcon: IconNode = timeNode;
/** An e-mail address (Lucide `mail`). */
export const emailIcon: IconNode = emailNode;
/** A phone number (Lucide `phone`). */
export const phoneIcon: IconNode = phoneNode;
/** A link (Lucide `link`). */
export const linkIcon: IconNode = linkNode;
/** One choice from a drop-down list (Lucide `square-chevron-down`). */
export const selectIcon: IconNode = selectNode;
/** One choice among radio buttons (Lucide `circle-dot`). */
export const radioIcon: IconNode = radioNode;
/** Several choices from a list (Lucide `list-checks`). */
export const multiSelectIcon: IconNode = multiSelectNode;
/** Free tags (Lucide `tags`). */
export const tagsIcon: IconNode = tagsNode;
/** A checkbox (Lucide `square-check`). */
export const checkboxIcon: IconNode = checkboxNode;
/** A switch (Lucide `toggle-left`). */
export const switchIcon: IconNode = switchNode;
/** A rating in stars (Lucide `star`). */
export const ratingIcon: IconNode = ratingNode;
/** An attached file (Lucide `paperclip`). */
export const fileIcon: IconNode = fileNode;
/** A value computed by a formula (Lucide `sigma`). */
export const computedIcon: IconNode = computedNode;
/** A repeating group of rows (Lucide `rows-3`). */
export const repeatingIcon: IconNode = repeatingNode;
/** A nested block of fields (Lucide `box`). */
export const objectIcon: IconNode = objectNode;
/** Raw JSON (Lucide `braces`). */
export const jsonIcon: IconNode = jsonNode;
/** A section (tab) of a card (Lucide `panels-top-left`). */
export const sectionIcon: IconNode = sectionNode;
/** A group of fields in a section (Lucide `group`). */
export const groupIcon: IconNode = groupNode;
