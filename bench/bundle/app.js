// What an app pays for Kartochka: both packages' whole public API kept (so nothing is
// tree-shaken away that an app might use) and every kc-* element defined.
import * as core from '@kartochka/core';
import * as elements from '@kartochka/elements';

globalThis.kartochka = { core, elements };
