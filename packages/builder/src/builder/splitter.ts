/**
 * The handle between the canvas and the settings panel: drag it, or focus it and use the arrow
 * keys (Home/End for the narrowest and widest), to make the settings wider — rules, options and
 * formulas need room. A WAI-ARIA window splitter (`role="separator"` with a value).
 */
import { html, type TemplateResult } from 'lit';

/** The settings panel's width bounds and keyboard step, in CSS pixels. */
export const INSPECTOR_WIDTH = { min: 280, max: 720, step: 20, initial: 380 } as const;

export const clampInspectorWidth = (w: number): number => Math.round(Math.min(INSPECTOR_WIDTH.max, Math.max(INSPECTOR_WIDTH.min, w)));

/** The handle; `set` gets each new width (already clamped). */
export function inspectorSplitter(width: number, label: string, set: (width: number) => void): TemplateResult {
  const keys = (e: KeyboardEvent) => {
    // The panel is on the right: moving the handle left widens it.
    const next: Record<string, number> = {
      ArrowLeft: width + INSPECTOR_WIDTH.step,
      ArrowRight: width - INSPECTOR_WIDTH.step,
      Home: INSPECTOR_WIDTH.min,
      End: INSPECTOR_WIDTH.max,
    };
    if (!(e.key in next)) return;
    e.preventDefault();
    set(clampInspectorWidth(next[e.key]!));
  };
  const drag = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const handle = e.currentTarget as HTMLElement;
    const startX = e.clientX;
    const start = width;
    handle.setPointerCapture?.(e.pointerId);
    const move = (m: PointerEvent) => set(clampInspectorWidth(start + (startX - m.clientX)));
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
    e.preventDefault();
  };
  return html`<div
    class="kcb-splitter"
    role="separator"
    tabindex="0"
    aria-orientation="vertical"
    aria-label=${label}
    aria-valuemin=${INSPECTOR_WIDTH.min}
    aria-valuemax=${INSPECTOR_WIDTH.max}
    aria-valuenow=${width}
    @keydown=${keys}
    @pointerdown=${drag}
  ></div>`;
}
