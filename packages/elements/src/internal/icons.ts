/**
 * Icons from Lucide (ISC, lucide-icons/lucide). Each module that draws one imports it by its own
 * path (`lucide/dist/esm/icons/calendar.mjs`), so a page ships only the icons of the modules it
 * loads (~0.2 kB each; a lazily loaded widget's icons come with it), never the 1,700-icon index.
 * They are drawn here as Lit SVG templates from Lucide's node lists (no markup strings, nothing
 * for a strict CSP to refuse).
 */
import { svg, html, nothing, type TemplateResult, type SVGTemplateResult } from 'lit';
/** Lucide's shape of an icon: its SVG children as `[tag, attributes]`. */
export type IconNode = readonly (readonly [string, Readonly<Record<string, string | number | undefined>>])[];

const a = (v: string | number | undefined) => (v === undefined ? nothing : String(v));

function child([tag, at]: IconNode[number]): SVGTemplateResult | typeof nothing {
  switch (tag) {
    case 'path':
      return svg`<path d=${a(at.d)} />`;
    case 'circle':
      return svg`<circle cx=${a(at.cx)} cy=${a(at.cy)} r=${a(at.r)} />`;
    case 'rect':
      return svg`<rect x=${a(at.x)} y=${a(at.y)} width=${a(at.width)} height=${a(at.height)} rx=${a(at.rx)} ry=${a(at.ry)} />`;
    case 'line':
      return svg`<line x1=${a(at.x1)} y1=${a(at.y1)} x2=${a(at.x2)} y2=${a(at.y2)} />`;
    case 'polyline':
      return svg`<polyline points=${a(at.points)} />`;
    case 'polygon':
      return svg`<polygon points=${a(at.points)} />`;
    case 'ellipse':
      return svg`<ellipse cx=${a(at.cx)} cy=${a(at.cy)} rx=${a(at.rx)} ry=${a(at.ry)} />`;
    default:
      return nothing;
  }
}

/** An icon, decorative (`aria-hidden`): the button or text beside it carries the name. */
export function icon(node: IconNode): TemplateResult {
  return html`<svg class="kc-icon" part="icon" viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${node.map(child)}</svg>`;
}
