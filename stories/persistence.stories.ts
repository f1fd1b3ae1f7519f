import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { JsonSchemaObject } from '@kartochka/core';
import { MemoryAdapter, UnauthorizedError, UnavailableError, type StorageAdapter } from '@kartochka/storage';
import '@kartochka/elements';
import '@kartochka/elements/persistence';

// A card that saves itself (`storage` + `record-id`, with the opt-in persistence entry), over an
// in-memory store that can be made to answer like a server that is down or asks to sign in again.
const schema: JsonSchemaObject = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', title: 'Company name' }, city: { type: 'string', title: 'City' } },
};

type Answer = 'ok' | 'offline' | 'sign-in';

function store(answer: Answer): StorageAdapter {
  const inner = new MemoryAdapter({ id: `story-${answer}`, user: 'alice' });
  void inner.put({ id: 'c-1', schemaId: 'client', schemaVersion: 1, title: 'Acme', indexed: {}, data: { name: 'Acme', city: 'Kazan' } });
  return new Proxy(inner, {
    get(target, prop) {
      const v = Reflect.get(target, prop);
      if (prop === 'put' && answer !== 'ok') {
        return () =>
          Promise.reject(
            answer === 'offline' ? new UnavailableError('story', 'offline') : new UnauthorizedError('story', 401, 'token expired'),
          );
      }
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

interface Args {
  answer: Answer;
  locale: 'en' | 'ru';
  recordId: string;
}

const meta: Meta<Args> = {
  title: 'Card/Persistence',
  args: { answer: 'ok', locale: 'en', recordId: 'c-1' },
  argTypes: {
    answer: { control: 'inline-radio', options: ['ok', 'offline', 'sign-in'] },
    locale: { control: 'inline-radio', options: ['en', 'ru'] },
  },
  render: ({ answer, locale, recordId }) =>
    html`<kc-card .schema=${schema} .storage=${store(answer)} record-id=${recordId} schema-id="client" locale=${locale}
      .storageOptions=${{ localDbName: 'kc-storybook-local' }}></kc-card>
      <p>Edit and press Save (or Ctrl+S). Clear <code>recordId</code> to detach the card.</p>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Saves: Story = {};
export const Offline: Story = { args: { answer: 'offline' } };
export const SignInAgain: Story = { args: { answer: 'sign-in', locale: 'ru' } };
export const Detached: Story = { args: { recordId: '' } };

/**
 * A card longer than the screen: the action bar (Save, Cancel, the unsaved marker and the state)
 * sticks to the bottom edge while you scroll, and a toast above it says what a save came to.
 * docs/feedback-and-mobile.md.
 */
const longSchema: JsonSchemaObject = {
  type: 'object',
  required: ['f0'],
  properties: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, { type: 'string', title: `Field ${i + 1}` }])),
};
export const LongCardActionBar: Story = {
  render: ({ answer, locale }) => {
    const s = store(answer);
    // Offline the seed is refused too: the card then opens as a new one.
    s.put({ id: 'long-1', schemaId: 'client', schemaVersion: 1, title: 'Long', indexed: {}, data: { f0: 'Acme' } }).catch(() => undefined);
    return html`<kc-card .schema=${longSchema} .storage=${s} record-id="long-1" schema-id="client" locale=${locale}
      .storageOptions=${{ localDbName: 'kc-storybook-local' }}></kc-card>`;
  },
};
