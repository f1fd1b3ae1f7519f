/** The paint-first hand-written baseline (baseline-form.js): the DOM first, ajv after the first frame. */
import { installBaseline } from './baseline-form.js';

installBaseline({ paintFirst: true });
