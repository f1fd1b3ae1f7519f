// A page that embeds cards: `import '@kartochka/elements/card'` (the card and the standard
// widgets; other widgets load on demand and are not counted here) and its card's schema
// validator precompiled at build time (generated/validator.js, written by bundle.mjs from the
// bench's 50-field card), handed to <kc-card validator>.
import '@kartochka/elements/card';
import validator from './generated/validator.js';

globalThis.kartochkaValidator = validator;
