/**
 * `@kartochka/elements/persistence`: makes `<kc-card storage record-id>` load and save itself —
 * drafts, the offline outbox, three-way merge of conflicts — and gives apps the sign-out API.
 * Importing it plugs persistence into `<kc-card>` (and defines `<kc-storage-panel>`); a page that
 * only renders cards need not load it. The package root imports it too, for compatibility.
 */
import { KcCard } from '../card/card.js';
import { actionBar } from '../card/action-bar.js';
import { CardPersistence } from './card-persistence.js';
import './storage-panel.js';

KcCard.persistence ??= (card) => new CardPersistence(card);
// The bar with Save and Cancel at the card's bottom: only a card that stores itself has one.
KcCard.actionBar ??= actionBar;

export {
  CardPersistence,
  CardDetachedError,
  type PersistenceHost,
  type PersistenceOptions,
  type PersistenceStatus,
} from './card-persistence.js';
export { KcStoragePanel } from './storage-panel.js';
export {
  MemoryDraftStore,
  draftKey,
  scopeKey,
  type ClearedLocalData,
  type Draft,
  type DraftStore,
  type HeldSave,
  type LocalScope,
  type OutboxEntry,
} from './draft-store.js';
export { LocalCardDb, LOCAL_DB_NAME, openDraftStore } from './local-db.js';
export { clearLocalData, pendingLocalData, type LocalDataOptions } from './sign-out.js';
export { mergeThreeWay, resolveConflicts, type FieldConflict } from './merge.js';
export { withUploadedFiles } from './files.js';
