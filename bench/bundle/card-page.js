// The bench's own card page in full (bench/pages/kartochka.js), for context beside the card
// entry's row: the card entry, the list and date widgets its schema uses (imported up front, as the
// page does) and its validator precompiled. The page shows the default layout as plain sections
// (`sections="plain"`), so it fetches no layout validator. No goal.
import '@kartochka/elements/card';
import '@kartochka/elements/array-field';
import '@kartochka/elements/date-field';
import validator from './generated/validator.js';

globalThis.kartochkaValidator = validator;
