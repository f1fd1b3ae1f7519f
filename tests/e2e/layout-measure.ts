/**
 * What a page measures of its own layout, for the phone and desktop e2e tests: how wide the page
 * is, which visible elements stick out past the screen, and which controls are smaller than a
 * 44 px tap target. Shadow roots are walked. A string, evaluated in the page as it is (the test's
 * compiler would add helpers the page does not have).
 */
export interface LayoutReport {
  scrollWidth: number;
  innerWidth: number;
  /** How many visible controls were measured. */
  interactive: number;
  /** Controls under 44×44 px, described (tag, part, text, size). */
  small: string[];
  /** Visible elements whose right edge is past the screen. */
  wide: string[];
}

export const MEASURE_LAYOUT = `(() => {
  const width = document.documentElement.clientWidth;
  const all = [];
  const walk = (root) => { for (const el of root.querySelectorAll('*')) { all.push(el); if (el.shadowRoot) walk(el.shadowRoot); } };
  walk(document);
  const shown = (el) => { const b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const interactive = all.filter((el) => el.matches('button, a[href], input:not([type=hidden]), select, textarea, [role=tab], summary') && shown(el));
  const describe = (el) => { const b = el.getBoundingClientRect(); return el.tagName.toLowerCase() + (el.getAttribute('part') ? '[part=' + el.getAttribute('part') + ']' : '') + ' "' + (el.textContent || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 24) + '" ' + Math.round(b.width) + 'x' + Math.round(b.height); };
  // A check box or radio is tapped through its label too: the larger of the two is the target.
  const target = (el) => {
    const b = el.getBoundingClientRect();
    const label = el.labels && el.labels[0];
    if (!label || !/^(checkbox|radio)$/.test(el.type)) return b;
    const l = label.getBoundingClientRect();
    return l.width * l.height > b.width * b.height ? l : b;
  };
  const small = interactive.filter((el) => { const b = target(el); return b.height < 43.5 || b.width < 43.5; });
  const wide = all.filter((el) => shown(el) && el.getBoundingClientRect().right > width + 1);
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth, interactive: interactive.length, small: small.map(describe), wide: wide.map((el) => describe(el) + ' right=' + Math.round(el.getBoundingClientRect().right)) };
})()`;
