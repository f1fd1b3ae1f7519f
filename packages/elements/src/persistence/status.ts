/** The statuses of a card's persistence, and which message and tone each shows. */
import type { PersistenceStrings } from './messages.js';

export type PersistenceStatus =
  | 'idle'
  | 'loading'
  | 'loaded'
  | 'new'
  | 'saving'
  | 'saved'
  | 'invalid'
  | 'server-invalid'
  /** The server refused the card as a whole (e.g. its type is not published): the reason is in the message. */
  | 'server-rejected'
  /** Another card of the type holds one of this card's unique keys (`x-unique`): nothing was stored. */
  | 'duplicate'
  | 'queued'
  /** The server asked to slow down (429): the save is queued and goes out after its `Retry-After`. */
  | 'rate-limited'
  | 'flushed'
  | 'draft-available'
  | 'draft-restored'
  | 'conflict'
  | 'merged'
  | 'quota'
  | 'failed'
  | 'not-found'
  | 'refreshed'
  | 'changed-elsewhere'
  /** The server refused the credentials: sign in again; the save waits, queued for the same user. */
  | 'unauthorized'
  /** `storage` or `record-id` was cleared: nothing is loaded or saved. */
  | 'detached'
  /** A save queued earlier for this card met a newer version: choose field by field. */
  | 'queued-conflict'
  /** A save queued earlier for this card was refused by the server. */
  | 'queued-rejected'
  /** A queued save of another card met a conflict or a refusal: open that card to resolve it. */
  | 'held-elsewhere';

export const STATUS_MESSAGE: Partial<Record<PersistenceStatus, keyof PersistenceStrings>> = {
  loading: 'loading',
  loaded: 'loaded',
  new: 'newCard',
  saving: 'saving',
  saved: 'saved',
  invalid: 'invalid',
  'server-invalid': 'serverInvalid',
  'server-rejected': 'serverRejected',
  duplicate: 'duplicate',
  queued: 'queued',
  'rate-limited': 'rateLimited',
  flushed: 'flushed',
  'draft-available': 'draftAvailable',
  'draft-restored': 'draftRestored',
  conflict: 'conflict',
  merged: 'merged',
  quota: 'quota',
  failed: 'failed',
  'not-found': 'notFound',
  refreshed: 'refreshed',
  'changed-elsewhere': 'changedElsewhere',
  unauthorized: 'unauthorized',
  detached: 'detached',
  'queued-conflict': 'queuedConflict',
  'queued-rejected': 'queuedRejected',
  'held-elsewhere': 'heldElsewhere',
};

export const ERROR_STATUSES = new Set<PersistenceStatus>([
  'invalid',
  'server-invalid',
  'server-rejected',
  'duplicate',
  'conflict',
  'quota',
  'failed',
  'not-found',
  'unauthorized',
  'queued-conflict',
  'queued-rejected',
  'held-elsewhere',
]);
