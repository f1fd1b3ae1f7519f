/** German validation messages (the `validation` domain); `en` is the reference for the keys. */
import type { Locale } from '../types.js';
import type { MessageParams } from '@kartochka/i18n';
import { plural } from './plural.js';
import { dateWords } from './date-words.js';
import { requisiteFormatName, requisiteMessage } from './requisite-words.js';

type Msg = (p: MessageParams, locale: Locale) => string;

const chars = (n: number) => plural('de', n, { one: 'Zeichen', other: 'Zeichen' });
const items = (n: number) => plural('de', n, { one: 'Eintrag', other: 'Einträge' });

const FORMAT_NAMES: Record<string, string> = {
  email: 'eine E-Mail-Adresse',
  uri: 'eine Webadresse (URL)',
  url: 'eine Webadresse (URL)',
  date: 'ein Datum',
  'date-time': 'Datum und Uhrzeit',
  time: 'eine Uhrzeit',
  phone: 'eine Telefonnummer',
  tel: 'eine Telefonnummer',
  uuid: 'eine UUID',
  ipv4: 'eine IPv4-Adresse',
  hostname: 'ein Hostname',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'Text',
  number: 'eine Zahl',
  integer: 'eine ganze Zahl',
  boolean: 'Ja oder Nein',
  object: 'eine Gruppe von Feldern',
  array: 'eine Liste',
  null: 'leer',
};

const typeName = (t: unknown) =>
  String(t)
    .split(',')
    .map((x) => TYPE_NAMES[x] ?? x)
    .join(' oder ');

export const de: Record<string, Msg> = {
  required: () => 'Dieses Feld ist erforderlich.',
  dependentRequired: () => 'Dieses Feld ist erforderlich.',
  type: (p) => `Muss ${typeName(p.type)} sein.`,
  minLength: (p) => `Mindestens ${p.limit} ${chars(Number(p.limit))} lang.`,
  maxLength: (p) => `Höchstens ${p.limit} ${chars(Number(p.limit))} lang.`,
  minimum: (p) => `Muss ${p.limit} oder mehr sein.`,
  maximum: (p) => `Muss ${p.limit} oder weniger sein.`,
  exclusiveMinimum: (p) => `Muss größer als ${p.limit} sein.`,
  exclusiveMaximum: (p) => `Muss kleiner als ${p.limit} sein.`,
  multipleOf: (p) => `Muss ein Vielfaches von ${p.multipleOf} sein.`,
  pattern: () => 'Hat das falsche Format.',
  format: (p) =>
    requisiteMessage('de', p) ??
    `Muss ${FORMAT_NAMES[String(p.format)] ?? requisiteFormatName('de', p.format) ?? `im Format „${p.format}“`} sein.`,
  enum: () => 'Wählen Sie einen der aufgeführten Werte.',
  const: () => 'Dieser Wert ist hier nicht erlaubt.',
  minItems: (p) => `Fügen Sie mindestens ${p.limit} ${items(Number(p.limit))} hinzu.`,
  maxItems: (p) => `Höchstens ${p.limit} ${items(Number(p.limit))} erlaubt.`,
  uniqueItems: () => 'Einträge dürfen sich nicht wiederholen.',
  oneOf: () => 'Passt zu keiner (oder zu mehr als einer) der erlaubten Varianten.',
  anyOf: () => 'Passt zu keiner der erlaubten Varianten.',
  not: () => 'Dieser Wert ist hier nicht erlaubt.',
  additionalProperties: (p) => `Unbekanntes Feld „${p.additionalProperty}“.`,
  'x-access': (p) => (p.access === 'read' ? 'Sie dürfen dieses Feld nicht ausfüllen.' : 'Sie dürfen dieses Feld nicht ändern.'),
  fallback: (p) => `Ist nicht gültig (${p.keyword}).`,
  maxBodySize: (p) => `Die Anfrage ist größer als das Limit des Servers von ${p.limit} Bytes.`,
  maxDepth: (p) => `Die Daten sind tiefer verschachtelt als das Limit des Servers von ${p.limit} Ebenen.`,
  maxSchemaSize: (p) => `Das Schema ist ${p.actual} Bytes groß; das Limit ist ${p.limit}.`,
  maxSchemaExpansion: (p) => `Das Schema entfaltet sich (über $ref) zu mehr als ${p.limit} Teilschemata; vereinfachen Sie seine Verweise.`,
  maxCompileTime: (p) => `Das Kompilieren des Schemas dauerte ${p.actual} ms; das Limit ist ${p.limit} ms.`,
  maxSchemaVersions: (p) => `Schema „${p.schemaId}“ hat bereits ${p.limit} Versionen, das Limit.`,
  unsupportedMediaType: () => 'Senden Sie den Inhalt als JSON, mit Content-Type: application/json.',
  hostNotAllowed: (p) => `Der Host „${p.host}“ wird hier nicht bedient.`,
  rateLimited: (p) => `Zu viele Anfragen; versuchen Sie es in ${p.retryAfter} s erneut.`,
  tooManyFailedSignIns: (p) => `Zu viele fehlgeschlagene Anmeldungen von dieser Adresse; versuchen Sie es in ${p.retryAfter} s erneut.`,
  tooManyStreams: (p) => `Zu viele offene Ereignisströme (Limit ${p.limit}); schließen Sie einen und versuchen Sie es erneut.`,
  invalidId: () => 'Die ID muss 1–200 Zeichen lang sein, ohne Steuerzeichen oder Schrägstriche.',
  fileTooLarge: (p) => `Die Datei ist größer als das Limit dieses Feldes, ${p.limit} Bytes.`,
  fileType: (p) => `Dateien vom Typ „${p.type || 'unbekannt'}“ werden hier nicht angenommen (erlaubt: ${p.accept}).`,
  fileContent: (p) => `Der Inhalt der Datei passt nicht zu ihrem Typ „${p.type}“.`,
  checksum: () => 'Die Datei ist beschädigt angekommen (die SHA-256-Prüfsumme stimmt nicht); laden Sie sie erneut hoch.',
  uploadStalled: (p) => `Der Upload hat länger als ${p.limit} s nichts gesendet und wurde abgebrochen; laden Sie die Datei erneut hoch.`,
  notAFileField: (p) => `„${p.field}“ ist kein Dateifeld des Kartentyps „${p.schemaId}“.`,
  fileRef: () => 'Diese Datei wurde nicht für diese Karte hochgeladen; hängen Sie sie erneut an.',
  schemaVersionNotLatest: (p) =>
    p.current == null
      ? `Speichern Sie mit der neuesten Version des Schemas „${p.schemaId}“ (${p.latest}).`
      : `Speichern Sie mit der neuesten Version des Schemas „${p.schemaId}“ (${p.latest}) oder der eigenen Version der Karte (${p.current}).`,
  formatMinimum: (p, l) => `Nicht früher als ${dateWords(p.limit, l)}.`,
  formatMaximum: (p, l) => `Nicht später als ${dateWords(p.limit, l)}.`,
  formatExclusiveMinimum: (p, l) => `Später als ${dateWords(p.limit, l)}.`,
  formatExclusiveMaximum: (p, l) => `Früher als ${dateWords(p.limit, l)}.`,
  schemaNotPublished: (p) =>
    `Der Kartentyp „${p.schemaId}“ ist auf dem Server nicht veröffentlicht; ein Administrator muss ihn veröffentlichen, bevor solche Karten gespeichert werden können.`,
};
