/**
 * The builder's own events as typed classes, and their place in the global event map, so
 * `builder.addEventListener('kc-publish', (e) => e.detail.version)` type-checks.
 */
import type { SchemaVersion } from '@kartochka/storage';
import type { BuilderDocument } from '../model/index.js';

/** Detail of `kc-publish`: the version just stored. */
export interface KcPublishDetail {
  version: SchemaVersion;
}

/** `kc-publish`: a new schema version was published (bubbles, composed). */
export class KcPublishEvent extends CustomEvent<KcPublishDetail> {
  constructor(detail: KcPublishDetail) {
    super('kc-publish', { detail, bubbles: true, composed: true });
  }
}

/** `kc-builder-change`: the edited document changed (on `<kc-builder>` itself; it does not bubble). */
export class KcBuilderChangeEvent extends CustomEvent<{ document: BuilderDocument }> {
  constructor(detail: { document: BuilderDocument }) {
    super('kc-builder-change', { detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kc-publish': KcPublishEvent;
    'kc-builder-change': KcBuilderChangeEvent;
  }
}
