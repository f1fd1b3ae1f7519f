/**
 * The demo: one client card, validated as you type, saved to IndexedDB, shown again after a
 * reload, in Russian or English.
 */
import '@kartochka/elements';
import type { KcCard } from '@kartochka/elements';
import { IndexedDbAdapter, ConflictError, StorageError, type CardRecord } from '@kartochka/storage';
import type { JsonValue, Locale } from '@kartochka/core';
import { clientMessages, clientSchema } from './client-schema.js';

const RECORD_ID = 'demo-client';
const SCHEMA_ID = 'demo-client';

const ui = {
  ru: { title: 'Карточка клиента', save: 'Сохранить', saved: 'Сохранено в IndexedDB (версия {n}).', invalid: 'Не сохранено: исправьте ошибки в карточке.', conflict: 'Карточку изменили в другой вкладке (версия {n}). Ваши правки на экране; нажмите «Сохранить» ещё раз, чтобы записать их поверх.', failed: 'Не удалось сохранить: {msg}', loaded: 'Загружена сохранённая карточка (версия {n}).' },
  en: { title: 'Client card', save: 'Save', saved: 'Saved to IndexedDB (revision {n}).', invalid: 'Not saved: fix the errors in the card.', conflict: 'The card was changed in another tab (revision {n}). Your edits are still here; press Save again to write them over it.', failed: 'Could not save: {msg}', loaded: 'Loaded the saved card (revision {n}).' },
};

const card = document.querySelector<KcCard>('#card')!;
const saveButton = document.querySelector<HTMLButtonElement>('#save')!;
const status = document.querySelector<HTMLElement>('#status')!;
let locale: Locale = localStorage.getItem('kc-demo-locale') === 'en' ? 'en' : 'ru';
let revision = 0;

const say = (key: keyof (typeof ui)['en'], params: Record<string, string | number> = {}, isError = false) => {
  status.textContent = ui[locale][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
  status.classList.toggle('error', isError);
};

function applyLocale(next: Locale) {
  locale = next;
  localStorage.setItem('kc-demo-locale', next);
  document.documentElement.lang = next;
  card.locale = next;
  document.querySelector('#title')!.textContent = ui[next].title;
  saveButton.textContent = ui[next].save;
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-locale]')) {
    b.setAttribute('aria-pressed', String(b.dataset.locale === next));
  }
}

async function main() {
  card.messages = clientMessages;
  card.schema = clientSchema;
  applyLocale(locale);
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-locale]')) {
    b.addEventListener('click', () => applyLocale(b.dataset.locale as Locale));
  }

  const storage = await IndexedDbAdapter.open({ name: 'kartochka-demo' });
  try {
    const saved = await storage.get<JsonValue>(RECORD_ID);
    revision = saved.revision;
    card.value = saved.data;
    say('loaded', { n: revision });
  } catch (e) {
    if (!(e instanceof StorageError && e.code === 'not-found')) throw e;
    card.value = {};
  }

  saveButton.addEventListener('click', async () => {
    const result = card.validate();
    if (!result.valid) {
      card.focusFirstInvalid();
      return say('invalid', {}, true);
    }
    const data = card.value as Record<string, JsonValue>;
    try {
      const stored: CardRecord<JsonValue> = await storage.put(
        {
          id: RECORD_ID,
          schemaId: SCHEMA_ID,
          schemaVersion: 1,
          title: String(data.companyName ?? ''),
          data,
          indexed: { segment: (data.segment as string | undefined) ?? null },
        },
        { expectedRevision: revision },
      );
      revision = stored.revision;
      say('saved', { n: revision });
    } catch (e) {
      if (e instanceof ConflictError) {
        // Keep the user's edits on screen: saving again overwrites knowingly (the field-by-field
        // merge view comes with the storage issue).
        const current = e.current as CardRecord<JsonValue> | undefined;
        revision = current?.revision ?? revision;
        return say('conflict', { n: revision }, true);
      }
      say('failed', { msg: (e as Error).message }, true);
    }
  });
}

main().catch((e) => {
  status.textContent = String((e as Error).message ?? e);
  status.classList.add('error');
  console.error(e);
});
