/** How a field looks on the canvas: a quiet sketch of its widget, so the card reads as it will render. */
import { html, nothing, type TemplateResult } from 'lit';
import type { JsonValue, Locale } from '@kartochka/core';
import { formulaText, optionsOf, type BuilderDocument, type FieldInfo } from '../model/index.js';
import { s, type BuilderStringKey } from './strings.js';

const DATE_HINT: Record<Locale, string> = { ru: 'дд.мм.гггг', en: 'yyyy-mm-dd' };

export function fieldLook(doc: BuilderDocument, f: FieldInfo, locale: Locale): TemplateResult | typeof nothing {
  const fake = (text: string) => html`<div class="kcb-fake" aria-hidden="true">${text}</div>`;
  const opts = () =>
    optionsOf(doc, f.id)
      .map((o) => o.labels[locale] ?? o.labels.ru ?? o.labels.en ?? o.value)
      .join(' · ');
  switch (f.type) {
    case 'text':
    case 'email':
    case 'phone':
    case 'url':
      return fake(f.type === 'email' ? '@' : f.type === 'phone' ? '+7 …' : f.type === 'url' ? 'https://' : '…');
    case 'longText':
      return html`<div class="kcb-fake" style="min-height:40px" aria-hidden="true">…</div>`;
    case 'number':
    case 'integer':
      return fake(f.type === 'integer' ? '0' : '0,0');
    case 'percent':
      return fake('0 %');
    case 'money':
      return fake('0,00 ₽');
    case 'date':
      return fake(DATE_HINT[locale]);
    case 'dateTime':
      return fake(`${DATE_HINT[locale]} 00:00`);
    case 'time':
      return fake('00:00');
    case 'select':
      return fake(`▾ ${opts()}`);
    case 'radio':
      return fake(`◯ ${opts().split(' · ').join('  ◯ ')}`);
    case 'multiSelect':
      return fake(`☐ ${opts().split(' · ').join('  ☐ ')}`);
    case 'tags':
      return fake('#…');
    case 'checkbox':
      return fake('☐');
    case 'switch':
      return fake('◐');
    case 'rating':
      return fake('☆'.repeat(Math.min(10, Math.max(1, Number(f.schema.maximum ?? 5) - Number(f.schema.minimum ?? 1) + 1))));
    case 'file':
      return fake('📎');
    case 'computed': {
      const expr = f.schema['x-formula'] as JsonValue | undefined;
      // In words, as the inspector shows it; JSON only for what words can't say.
      const text = expr === null || expr === undefined ? '…' : (formulaText(doc, expr, locale) ?? JSON.stringify(expr));
      return fake('= ' + (text.length > 80 ? text.slice(0, 79) + '…' : text));
    }
    default:
      return nothing;
  }
}

/** Small markers under a field: rules, reminder. */
/** The field's rules and reminder as words (Показ по условию, Напоминание), never the keyword. */
export function fieldBadges(doc: BuilderDocument, f: FieldInfo, locale: Locale): TemplateResult | typeof nothing {
  const rules = Object.keys((f.schema['x-rules'] as object | undefined) ?? {});
  const word = (r: string) =>
    ['visible', 'required', 'readOnly'].includes(r) ? s(locale, `badgeRule_${r}` as BuilderStringKey) : s(locale, 'badgeRule');
  const badges = [...rules.map((r) => `⚙ ${word(r)}`), ...(f.schema['x-reminder'] ? [`⏰ ${s(locale, 'badgeReminder')}`] : [])];
  return badges.length
    ? html`<div class="kcb-badges" aria-hidden="true">${badges.map((b) => html`<span class="kcb-badge">${b}</span>`)}</div>`
    : nothing;
}
