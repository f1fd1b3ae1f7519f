/**
 * The command's messages in English, Russian and German: the `cli` domain of the message registry.
 * The language is `--lang`, else the environment's (`LC_ALL`, `LC_MESSAGES`, `LANG`: `ru_RU.UTF-8`
 * → `ru`), else English.
 */
import { registerTranslation, translate, type Locale, type MessageParams } from '@kartochka/i18n';

const en = {
  usage:
    "Usage: kartochka <command> [options]\n\nCommands:\n  types <schema.json>             TypeScript types for the card's data\n  lint <schema.json> [layout.json] check the schema, the layout, rules and formulas\n  migrate <records.json> --versions <versions.json> [--to N]\n                                  bring exported records to a newer schema version\n  precompile <schema.json>        a standalone validator module (for a strict CSP)\n\nOptions: --out <file> (write there instead of stdout), --lang <en|ru|de>, --help\nRun `kartochka <command> --help` for one command.",
  typesHelp:
    'Usage: kartochka types <schema.json> [--name TypeName] [--out file.ts]\n\nWrites TypeScript types for the data of a card with this schema (json-schema-to-typescript).\nThe type is named after --name, else the schema file (b2b-client-card.json → B2bClientCard).',
  lintHelp:
    'Usage: kartochka lint <schema.json> [layout.json] [--json]\n\nChecks the schema against its JSON Schema draft, the rules and formulas in it (unknown fields,\ncycles, broken expressions) and, given one, the layout against the schema — the same checks as\nthe card and the builder. Prints one line per problem: where (a JSON Pointer) and what.\nExit code 0: no problems; 1: problems found; 2: the command could not run.',
  migrateHelp:
    "Usage: kartochka migrate <records.json> --versions <versions.json> [--to N] [--out file.json]\n\nCarries exported records (a JSON array of {id, schemaId, schemaVersion, data}) to schema version N\n(default: the newest in versions.json, a JSON array of published versions as storage lists them),\napplying each version's stored migration steps (renames, type conversions) as the builder does.",
  precompileHelp:
    "Usage: kartochka precompile <schema.json> [--out validator.js] [--formats-module specifier]\n\nWrites an ES module exporting a validator compiled ahead of time with ajv's standalone mode: give\nit to <kc-card .validator> on pages whose Content-Security-Policy forbids 'unsafe-eval'.",
  unknownCommand: 'Unknown command "{command}". Run `kartochka --help`.',
  missingArgument: 'Missing {what}. Run `kartochka {command} --help`.',
  badOption: '{detail}. Run `kartochka {command} --help`.',
  cannotRead: 'Cannot read {file}: {detail}',
  notJson: '{file} is not valid JSON: {detail}',
  notObject: '{file} must hold a JSON object (a JSON Schema).',
  notArray: '{file} must hold a JSON array.',
  wrote: 'Wrote {file}.',
  noProblems: 'No problems in {files}.',
  problems: '{n} problem(s) found.',
  schemaProblem: 'schema',
  layoutProblem: 'layout',
  ruleProblem: 'rule',
  compileProblem: 'The schema cannot be compiled: {detail}',
  badVersion: '--to must be a published version (1–{max}), not "{to}".',
  recordNewer: 'Record "{id}" has schema version {version}, newer than {to}; left as it is.',
  migrated: '{n} record(s) migrated to version {to}; {kept} already there.',
};

export type CliStrings = Record<keyof typeof en, string>;

const ru: CliStrings = {
  usage:
    'Использование: kartochka <команда> [параметры]\n\nКоманды:\n  types <schema.json>             типы TypeScript для данных карточки\n  lint <schema.json> [layout.json] проверить схему, макет, правила и формулы\n  migrate <records.json> --versions <versions.json> [--to N]\n                                  перевести выгруженные записи на новую версию схемы\n  precompile <schema.json>        готовый модуль-валидатор (для строгой CSP)\n\nПараметры: --out <файл> (записать в файл, а не в stdout), --lang <en|ru|de>, --help\nСправка по команде: `kartochka <команда> --help`.',
  typesHelp:
    'Использование: kartochka types <schema.json> [--name ИмяТипа] [--out file.ts]\n\nПишет типы TypeScript для данных карточки с этой схемой (json-schema-to-typescript).\nИмя типа — из --name, иначе из имени файла схемы (b2b-client-card.json → B2bClientCard).',
  lintHelp:
    'Использование: kartochka lint <schema.json> [layout.json] [--json]\n\nПроверяет схему по её черновику JSON Schema, правила и формулы в ней (неизвестные поля, циклы,\nошибки в выражениях) и, если дан, макет относительно схемы — те же проверки, что в карточке и\nконструкторе. Печатает по строке на проблему: где (JSON Pointer) и что.\nКод выхода 0 — проблем нет; 1 — найдены проблемы; 2 — команда не смогла выполниться.',
  migrateHelp:
    'Использование: kartochka migrate <records.json> --versions <versions.json> [--to N] [--out file.json]\n\nПереводит выгруженные записи (JSON-массив {id, schemaId, schemaVersion, data}) на версию схемы N\n(по умолчанию — новейшую в versions.json, JSON-массиве опубликованных версий из хранилища),\nприменяя сохранённые шаги миграции каждой версии (переименования, смены типа), как конструктор.',
  precompileHelp:
    "Использование: kartochka precompile <schema.json> [--out validator.js] [--formats-module спецификатор]\n\nПишет ES-модуль с валидатором, заранее скомпилированным в режиме standalone ajv: передайте его в\n<kc-card .validator> на страницах, где Content-Security-Policy запрещает 'unsafe-eval'.",
  unknownCommand: 'Неизвестная команда «{command}». Запустите `kartochka --help`.',
  missingArgument: 'Не указан {what}. Запустите `kartochka {command} --help`.',
  badOption: '{detail}. Запустите `kartochka {command} --help`.',
  cannotRead: 'Не удалось прочитать {file}: {detail}',
  notJson: '{file} — не корректный JSON: {detail}',
  notObject: 'В {file} должен быть JSON-объект (JSON Schema).',
  notArray: 'В {file} должен быть JSON-массив.',
  wrote: 'Записано в {file}.',
  noProblems: 'В {files} проблем нет.',
  problems: 'Найдено проблем: {n}.',
  schemaProblem: 'схема',
  layoutProblem: 'макет',
  ruleProblem: 'правило',
  compileProblem: 'Схему не удаётся скомпилировать: {detail}',
  badVersion: '--to должен быть опубликованной версией (1–{max}), а не «{to}».',
  recordNewer: 'У записи «{id}» версия схемы {version}, новее {to}; оставлена как есть.',
  migrated: 'Переведено на версию {to} записей: {n}; уже на ней: {kept}.',
};

const de: CliStrings = {
  usage:
    'Aufruf: kartochka <Befehl> [Optionen]\n\nBefehle:\n  types <schema.json>             TypeScript-Typen für die Daten der Karte\n  lint <schema.json> [layout.json] Schema, Layout, Regeln und Formeln prüfen\n  migrate <records.json> --versions <versions.json> [--to N]\n                                  exportierte Datensätze auf eine neuere Schemaversion bringen\n  precompile <schema.json>        ein eigenständiges Validator-Modul (für eine strenge CSP)\n\nOptionen: --out <Datei> (dorthin statt nach stdout schreiben), --lang <en|ru|de>, --help\nHilfe zu einem Befehl: `kartochka <Befehl> --help`.',
  typesHelp:
    'Aufruf: kartochka types <schema.json> [--name Typname] [--out datei.ts]\n\nSchreibt TypeScript-Typen für die Daten einer Karte mit diesem Schema (json-schema-to-typescript).\nDer Typ heißt nach --name, sonst nach der Schemadatei (b2b-client-card.json → B2bClientCard).',
  lintHelp:
    'Aufruf: kartochka lint <schema.json> [layout.json] [--json]\n\nPrüft das Schema gegen seinen JSON-Schema-Entwurf, die Regeln und Formeln darin (unbekannte Felder,\nZyklen, fehlerhafte Ausdrücke) und, falls angegeben, das Layout gegen das Schema — dieselben\nPrüfungen wie Karte und Baukasten. Gibt je Problem eine Zeile aus: wo (ein JSON Pointer) und was.\nExit-Code 0: keine Probleme; 1: Probleme gefunden; 2: der Befehl konnte nicht laufen.',
  migrateHelp:
    'Aufruf: kartochka migrate <records.json> --versions <versions.json> [--to N] [--out datei.json]\n\nBringt exportierte Datensätze (ein JSON-Array von {id, schemaId, schemaVersion, data}) auf die\nSchemaversion N (Standard: die neueste in versions.json, einem JSON-Array veröffentlichter Versionen)\nund wendet die gespeicherten Migrationsschritte jeder Version an (Umbenennungen, Typumwandlungen).',
  precompileHelp:
    "Aufruf: kartochka precompile <schema.json> [--out validator.js] [--formats-module Spezifizierer]\n\nSchreibt ein ES-Modul mit einem vorab im Standalone-Modus von ajv kompilierten Validator: Geben Sie\nihn <kc-card .validator> auf Seiten, deren Content-Security-Policy 'unsafe-eval' verbietet.",
  unknownCommand: 'Unbekannter Befehl „{command}“. Führen Sie `kartochka --help` aus.',
  missingArgument: '{what} fehlt. Führen Sie `kartochka {command} --help` aus.',
  badOption: '{detail}. Führen Sie `kartochka {command} --help` aus.',
  cannotRead: '{file} kann nicht gelesen werden: {detail}',
  notJson: '{file} ist kein gültiges JSON: {detail}',
  notObject: '{file} muss ein JSON-Objekt (ein JSON Schema) enthalten.',
  notArray: '{file} muss ein JSON-Array enthalten.',
  wrote: '{file} geschrieben.',
  noProblems: 'Keine Probleme in {files}.',
  problems: '{n} Problem(e) gefunden.',
  schemaProblem: 'Schema',
  layoutProblem: 'Layout',
  ruleProblem: 'Regel',
  compileProblem: 'Das Schema lässt sich nicht kompilieren: {detail}',
  badVersion: '--to muss eine veröffentlichte Version sein (1–{max}), nicht „{to}“.',
  recordNewer: 'Datensatz „{id}“ hat Schemaversion {version}, neuer als {to}; unverändert gelassen.',
  migrated: '{n} Datensatz/Datensätze auf Version {to} gebracht; {kept} waren schon dort.',
};

declare module '@kartochka/i18n' {
  interface TranslationDomains {
    cli: CliStrings;
  }
}

/** The built-in catalogues (the registry holds them, and whatever an app registers). */
export const cliStrings: Record<'en' | 'ru' | 'de', CliStrings> = { en, ru, de };
for (const [locale, strings] of Object.entries(cliStrings)) registerTranslation(locale, { cli: strings });

/** The language of the environment: `ru_RU.UTF-8` → `ru`; `C`/`POSIX`/unset → English. */
export function environmentLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const tag = raw.split(/[.@]/)[0]!.replace('_', '-');
  return tag && tag !== 'C' && tag !== 'POSIX' ? tag : 'en';
}

export function message(locale: Locale, key: keyof CliStrings, params: MessageParams = {}): string {
  return translate('cli', locale, key, params) ?? en[key];
}

/** A failure the user can fix (a file, an argument): printed as its message, exit code `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}
