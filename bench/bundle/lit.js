// The parts of Lit that @kartochka/elements imports.
import * as lit from 'lit';
import * as decorators from 'lit/decorators.js';
import * as staticHtml from 'lit/static-html.js';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';

globalThis.lit = { lit, decorators, staticHtml, repeat, live, ifDefined };
