// axe-core over <kc-builder> in English (the suite: test-support/builder-a11y.ts).
import { builderA11ySuite } from './test-support/builder-a11y.js';

builderA11ySuite('en');
