// A Vue 3 app with a Kartochka card bound by `v-model`: Vue sets the card's `value` property and
// reads it back on every `input` the card lets out of its shadow root, so `client` follows every
// keystroke. `isKartochkaElement` tells the template compiler the kc-* tags are custom elements.
// Run: `npx vite examples/vue --config examples/vue/vite.config.ts` (or see docs/frameworks.md).
import { createApp, ref } from 'vue';
import '@kartochka/elements';
import type { KcCard } from '@kartochka/elements';
import { isKartochkaElement } from '@kartochka/vue';
import type { JsonSchemaObject, JsonValue } from '@kartochka/core';

const schema: JsonSchemaObject = {
  type: 'object',
  required: ['companyName'],
  properties: {
    companyName: { type: 'string', title: 'Company name', minLength: 2 },
    email: { type: 'string', format: 'email', title: 'Email' },
    segment: { enum: ['dealer', 'corporate', 'chain'], title: 'Segment' },
  },
};

const app = createApp({
  setup() {
    // unknown, not JsonValue: Vue's deep reactive types recurse without end on a recursive type.
    const client = ref<unknown>({ companyName: 'Acme' });
    const locale = ref('en');
    const saved = ref('');
    const card = ref<KcCard | null>(null);
    const lastPath = ref('');
    const save = () => {
      const result = card.value!.validate();
      if (result.valid) saved.value = JSON.stringify(card.value!.value as JsonValue);
      else card.value!.focusFirstInvalid();
    };
    return { schema, client, locale, saved, card, lastPath, save };
  },
  template: `
    <main>
      <label>Language
        <select id="locale" v-model="locale">
          <option value="en">English</option>
          <option value="ru">Русский</option>
          <option value="de">Deutsch</option>
        </select>
      </label>
      <kc-card ref="card" v-model="client" :schema="schema" :locale="locale" @kc-change="(e) => (lastPath = e.detail.path)"></kc-card>
      <button id="save" @click="save">Save</button>
      <pre id="state">{{ JSON.stringify(client) }}</pre>
      <p id="last-path">{{ lastPath }}</p>
      <output id="saved">{{ saved }}</output>
    </main>`,
});
app.config.compilerOptions.isCustomElement = isKartochkaElement;
app.mount('#app');
