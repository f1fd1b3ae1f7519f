// The bench's own card page in full (bench/pages/kartochka.js), for context beside the card
// entry's row: the card entry, the list and date widgets its schema uses (imported up front, as the
// page does), its validator precompiled, and the layout document's validator, which a card given a
// layout fetches before it builds its form (counted here as if loaded up front). No goal.
import '@kartochka/elements/card';
import '@kartochka/elements/array-field';
import '@kartochka/elements/date-field';
import { validateLayout } from '@kartochka/core';
import validator from './generated/validator.js';

globalThis.kartochkaValidator = validator;
globalThis.kartochkaValidateLayout = validateLayout;
