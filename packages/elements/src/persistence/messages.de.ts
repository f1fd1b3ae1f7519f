/** Strings of saving, drafts, the outbox and conflicts in German; `en` in messages.ts is the reference. */
import type { PersistenceStrings } from './messages.js';

export const de: PersistenceStrings = {
  loading: 'Karte wird geladen…',
  loaded: 'Geladen (Revision {n}).',
  newCard: 'Neue Karte: noch nicht gespeichert.',
  saving: 'Wird gespeichert…',
  saved: 'Gespeichert (Revision {n}).',
  invalid: 'Nicht gespeichert: Korrigieren Sie die rot markierten Felder.',
  serverInvalid: 'Der Server hat die Karte nicht angenommen: siehe die rot markierten Felder.',
  serverRejected: 'Der Server hat die Karte nicht angenommen: {msg}',
  queued:
    'Keine Verbindung: Das Speichern wartet auf diesem Gerät ({n} ausstehend) und wird gesendet, sobald der Server wieder erreichbar ist.',
  rateLimited: 'Der Server bittet um eine Pause: Die Speicherung wartet auf diesem Gerät ({n} wartend) und wird in {s} s gesendet.',
  flushed: 'Wartende Speicherungen wurden gesendet.',
  draftAvailable: 'Es gibt ungespeicherte Änderungen vom {when}.',
  restore: 'Wiederherstellen',
  discard: 'Verwerfen',
  draftRestored: 'Ungespeicherte Änderungen wiederhergestellt. Speichern Sie, um sie zu behalten.',
  conflict:
    'Jemand anderes hat diese Karte inzwischen gespeichert (Revision {n}). Wählen Sie Feld für Feld, welcher Wert bleiben soll; speichern Sie dann.',
  merged:
    'Jemand anderes hat diese Karte inzwischen gespeichert (Revision {n}). Dessen Änderungen an anderen Feldern ({fields}) wurden mit Ihren zusammengeführt. Prüfen Sie und speichern Sie erneut.',
  here: 'Hier',
  onServer: 'Auf dem Server',
  applyChoices: 'Übernehmen und speichern',
  keepMine: 'Alle meine behalten',
  takeTheirs: 'Alle anderen übernehmen',
  field: 'Feld',
  empty: '(leer)',
  quota:
    'Auf dem Gerät ist kein Speicherplatz mehr frei: Die Karte wurde nicht gespeichert. Geben Sie Speicher frei und versuchen Sie es erneut; Ihre Änderungen sind weiter auf dem Bildschirm.',
  failed: 'Speichern fehlgeschlagen: {msg}',
  notFound: 'Diese Karte existiert auf dem Server nicht mehr.',
  save: 'Speichern',
  actionBar: 'Karte speichern',
  unsaved: 'Ungespeicherte Änderungen',
  allSaved: 'Alle Änderungen gespeichert',
  barQueued: 'Wartet auf Senden',
  barProblem: 'Nicht gespeichert',
  showProblem: 'Anzeigen',
  cancel: 'Abbrechen',
  cancelHint: 'Ungespeicherte Änderungen verwerfen und die Karte wie zuletzt gespeichert zeigen',
  refreshed:
    'Diese Karte wurde anderswo geändert (in einem anderen Tab oder von jemand anderem); die neue Version wird angezeigt (Revision {n}).',
  changedElsewhere:
    'Diese Karte wurde gerade anderswo geändert (in einem anderen Tab oder von jemand anderem; Revision {n}). Ihre Änderungen bleiben erhalten; beim Speichern sehen Sie, was sich unterscheidet.',
  unauthorized:
    'Der Server bittet Sie, sich erneut anzumelden ({user}). Was Sie inzwischen speichern, bleibt auf diesem Gerät und wird gesendet, sobald Sie als {user} angemeldet sind.',
  detached: 'Diese Karte ist mit keinem Speicher verbunden (kein Speicher oder keine Datensatz-ID): Sie kann nicht gespeichert werden.',
  queuedConflict:
    'Ihre auf diesem Gerät wartende Speicherung ({when}) traf auf eine neuere Version auf dem Server (Revision {n}). Wählen Sie Feld für Feld, welcher Wert bleiben soll; speichern Sie dann.',
  queuedRejected:
    'Ihre auf diesem Gerät wartende Speicherung ({when}) wurde vom Server abgelehnt: {msg}. Korrigieren Sie die Karte und speichern Sie erneut.',
  heldElsewhere:
    'Eine auf diesem Gerät wartende Speicherung von „{title}“ traf auf eine neuere Version oder wurde abgelehnt. Öffnen Sie diese Karte, um zu wählen, was bleiben soll.',
  draftsOff:
    'Entwürfe sind aus: Dieser Browser erlaubt hier keinen lokalen Speicher, daher bleiben ungespeicherte Änderungen und wartende Speicherungen nur bis zum Schließen der Seite erhalten.',
  duplicate: 'Nicht gespeichert: Eine andere Karte hat denselben Wert in einem Feld, das eindeutig sein muss.',
  duplicateField: 'Eine andere Karte hat diesen Wert bereits.',
  duplicateFound: 'Eine Karte mit demselben Wert ({fields}) gibt es bereits:',
  duplicateOpen: '„{title}“ öffnen',
};
