import { css, html, nothing, type TemplateResult } from 'lit';
import emptyIcon from 'lucide/dist/esm/icons/inbox.mjs';
import { icon } from './icons.js';

/** The look of an empty state: an icon and a line of muted text in a dashed frame. */
export const emptyStyles = css`
  .empty {
    display: flex;
    align-items: center;
    gap: var(--_space);
    color: var(--_muted);
    margin: var(--_space) 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px dashed var(--_border-subtle);
    border-radius: var(--_radius);
  }
  .empty svg {
    inline-size: 1.4em;
    block-size: 1.4em;
    flex: none;
  }
`;

/**
 * An empty list, history or group: says so in words with an icon (`part="empty"`), so it reads as
 * "nothing yet", not as something that failed to load. `role` is for a status message.
 */
export function emptyState(text: string, role?: 'status'): TemplateResult {
  return html`<p class="empty" part="empty status" role=${role ?? nothing}>${icon(emptyIcon)}<span>${text}</span></p>`;
}
