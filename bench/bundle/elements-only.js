// The smallest real use: `import '@kartochka/elements'` and <kc-card> in the HTML; core is in
// only as far as the elements use it.
import '@kartochka/elements';
