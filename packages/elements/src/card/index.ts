/**
 * `@kartochka/elements/card`: `<kc-card>` and the standard widgets (text, email, phone, URL, time
 * and date-time fields, textarea, number, checkbox and switch, select, groups). Every other widget a
 * schema asks for (dates with their calendar, lists and tables, money, percent, rating, radio, multi-select, tags, file,
 * computed, raw JSON) is loaded by the card the first time a field needs it
 * (card/lazy-widgets.ts). Lists of cards, history, reminders and persistence are entry points
 * of their own (`/list`, `/history`, `/reminders`, `/persistence`); the package root defines all.
 */
import '../text-field/text-field.js';
import '../textarea/textarea.js';
import '../number-field/number-field.js';
import '../checkbox/checkbox.js';
import '../select/select.js';
import '../object-group/object-group.js';
import './lazy-widgets.js';

export { KcCard, type CardTheme } from './card.js';
export type { CardMode } from '../section/section.js';
export { KcChangeEvent, KcSubmitEvent, KcInvalidEvent, KcSaveEvent, type KcChangeDetail, type KcSaveDetail } from '../events/events.js';
