/**
 * Feedback where the user is, for a card that stores itself: a bar that sticks to the bottom of the
 * viewport while the card is longer than the screen (Save, Cancel, the unsaved marker, the state in
 * a few words) and a toast beside it for what a save came to (saved, queued, a conflict, a refusal).
 * The full message stays in the storage panel's live region at the top of the card; the toast
 * repeats it visually near the button the user pressed, so it is hidden from screen readers (they
 * hear the live region once, not twice).
 *
 * Only a card that stores itself shows them, and that needs `@kartochka/elements/persistence`: that
 * entry plugs this module into the card (`KcCard.actionBar`), so the card entry does not carry it.
 */
import { html, nothing, css, type CSSResult, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Locale } from '@kartochka/core';
import type { CardPersistence, PersistenceStatus } from '../persistence/card-persistence.js';

/** Statuses a toast reports: the outcome of a save, a queued send, a merge or a conflict. */
const TOAST: ReadonlySet<PersistenceStatus> = new Set<PersistenceStatus>([
  'saved',
  'queued',
  'rate-limited',
  'flushed',
  'conflict',
  'merged',
  'invalid',
  'server-invalid',
  'server-rejected',
  'quota',
  'failed',
  'unauthorized',
  'queued-conflict',
  'queued-rejected',
  'refreshed',
  'changed-elsewhere',
]);
const QUEUED: ReadonlySet<PersistenceStatus> = new Set<PersistenceStatus>(['queued', 'rate-limited', 'unauthorized']);
/** How long a toast stays (a new status replaces it at once). */
export const TOAST_MS = 5000;

export interface Toast {
  text: string;
  tone: 'success' | 'info' | 'error';
  /** The persistence change it reports: a new one restarts the toast. */
  id: number;
}

/** Follows a card's persistence and shows one toast per status worth telling, for a few seconds. */
export class ToastController implements ReactiveController {
  toast?: Toast;
  #seen = 0;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Called before each render of the host: a status change since the last one may start a toast. */
  follow(p: CardPersistence | undefined, locale: Locale): void {
    if (!p || p.changes === this.#seen) return;
    this.#seen = p.changes;
    if (!TOAST.has(p.status)) return;
    this.toast = {
      text: p.message(locale),
      tone: p.isError ? 'error' : p.status === 'saved' || p.status === 'flushed' ? 'success' : 'info',
      id: p.changes,
    };
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.toast = undefined;
      this.host.requestUpdate();
    }, TOAST_MS);
  }

  dismiss(): void {
    clearTimeout(this.#timer);
    this.toast = undefined;
    this.host.requestUpdate();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.toast = undefined;
  }
}

/** The bar's state in a few words (the panel at the top has the full sentence). */
function stateText(p: CardPersistence, unsaved: boolean, l: Locale): string {
  if (p.status === 'saving' || p.status === 'loading') return p.message(l);
  if (p.isError) return p.text('barProblem', l);
  if (QUEUED.has(p.status)) return p.text('barQueued', l);
  if (unsaved) return p.text('unsaved', l);
  return p.status === 'new' ? p.message(l) : p.text('allSaved', l);
}

export interface ActionBarOptions {
  locale: Locale;
  unsaved: boolean;
  toast?: Toast;
  save: () => void;
  /** Scrolls to the storage panel, where the full message and any conflict table are. */
  showProblem: () => void;
}

export function renderActionBar(p: CardPersistence, o: ActionBarOptions): TemplateResult {
  const l = o.locale;
  const busy = p.status === 'saving' || p.status === 'loading';
  return html`<div class="action-bar" part="action-bar" role="group" aria-label=${p.text('actionBar', l)} lang=${l} ?data-unsaved=${o.unsaved}>
      <span class="state" part="state" data-status=${p.status}>${o.unsaved ? html`<span class="dot" part="unsaved" aria-hidden="true"></span>` : nothing}${stateText(p, o.unsaved, l)}</span>
      ${p.isError || p.conflicts.length ? html`<button type="button" class="ghost" part="show-problem" @click=${o.showProblem}>${p.text('showProblem', l)}</button>` : nothing}
      <button type="button" part="cancel-button" title=${p.text('cancelHint', l)} ?disabled=${!o.unsaved || busy} @click=${() => void p.revert()}>${p.text('cancel', l)}</button>
      <button type="button" class="primary" part="save-button" aria-keyshortcuts="Control+S" ?disabled=${busy} @click=${o.save}>${p.text('save', l)}</button>
    </div>
    ${
      o.toast
        ? html`<div class="toast ${o.toast.tone}" part="toast" data-tone=${o.toast.tone} aria-hidden="true">${o.toast.text}</div>`
        : nothing
    }`;
}

/** The bar sticks to the viewport's bottom edge while the card runs past it; the toast floats above. */
export const actionBarStyles = css`
  .action-bar {
    position: sticky;
    inset-block-end: 0;
    z-index: 2;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-block-start: calc(var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    background: var(--_bg);
    border: 1px solid var(--kc-color-border-subtle, #d5d9e2);
    border-radius: var(--_radius) var(--_radius) 0 0;
    box-shadow: 0 -2px 8px rgb(0 0 0 / 0.08);
  }
  .action-bar .state { flex: 1 1 10rem; min-inline-size: 0; color: var(--_muted); display: flex; align-items: center; gap: 0.5em; }
  .action-bar[data-unsaved] .state { color: var(--_fg); font-weight: 600; }
  .dot { inline-size: 0.6em; block-size: 0.6em; border-radius: 50%; background: var(--_accent); flex: none; }
  .action-bar button {
    font: inherit;
    min-block-size: 2.75rem; /* a tap target of 44 px, on every screen */
    color: var(--_accent);
    background: var(--_bg);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    padding: 0 calc(var(--_space) * 2);
    cursor: pointer;
    touch-action: manipulation;
  }
  .action-bar button.primary { color: var(--_on-accent, var(--_bg)); background: var(--_accent); font-weight: 600; }
  .action-bar button.ghost { border-color: transparent; text-decoration: underline; }
  .action-bar button:disabled { opacity: 0.5; cursor: default; }
  .action-bar button:focus-visible { outline: 2px solid var(--_focus, var(--_accent)); outline-offset: 2px; }
  .toast {
    position: fixed;
    z-index: 3;
    inset-inline: 0;
    inset-block-end: calc(var(--_space) * 10);
    margin-inline: auto;
    inline-size: fit-content;
    max-inline-size: min(32rem, calc(100vw - 2rem));
    box-sizing: border-box;
    padding: var(--_space) calc(var(--_space) * 2);
    border-radius: var(--_radius);
    color: #fff;
    background: #1d2330;
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
    animation: kc-toast-in 0.15s ease-out;
  }
  .toast.success { background: #1e6b3a; }
  .toast.error { background: #8c1d18; }
  @keyframes kc-toast-in { from { opacity: 0; transform: translateY(0.5rem); } }
  @media (prefers-reduced-motion: reduce) { .toast { animation: none; } }
  @media (max-width: 30rem) {
    .action-bar { padding-inline: var(--_space); }
    .action-bar .state { flex-basis: 100%; }
    .action-bar button { flex: 1 1 auto; }
  }
  @media print { .action-bar, .toast { display: none; } }
`;

/**
 * What the card uses of the bar, plugged in by `@kartochka/elements/persistence` with persistence
 * itself. `render` gives a Lit template, typed `unknown` to keep lit-html's types out of the card's .d.ts.
 */
export interface ActionBar {
  render(p: CardPersistence, o: ActionBarOptions): unknown;
  readonly styles: CSSResult;
  readonly Toasts: new (host: ReactiveControllerHost) => ToastController;
}

export const actionBar: ActionBar = { render: renderActionBar, styles: actionBarStyles, Toasts: ToastController };
