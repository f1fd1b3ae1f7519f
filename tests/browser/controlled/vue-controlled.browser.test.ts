// Controlled use from Vue 3: a real app binds the card's value to reactive state, v-model style
// (`.value` in, `@kc-change` out), and its handler also touches other reactive state (a keystroke
// counter shown on the page), so Vue re-renders and patches the card on every key. Before the fix
// that reverted or reset every keystroke.
import { expect, waitUntil } from '@open-wc/testing';
import { createApp, defineComponent, h, onUpdated, ref, type App } from 'vue';
import '@kartochka/elements';
import type { KcCard } from '@kartochka/elements';
import type { JsonValue } from '@kartochka/core';
import { cardReady, expectTypingKept, initial, input, schema, typeLikeAUser } from './controlled-support.js';

describe('controlled use from Vue 3', () => {
  let app: App | undefined;
  let host: HTMLElement | undefined;
  afterEach(() => {
    app?.unmount();
    host?.remove();
  });

  async function mount() {
    host = document.createElement('div');
    document.body.append(host);
    // unknown, not JsonValue: Vue's deep reactive types recurse without end on a recursive type.
    const data = ref<unknown>(structuredClone(initial));
    const keystrokes = ref(0);
    let renders = 0;
    const Root = defineComponent({
      setup() {
        onUpdated(() => renders++);
        return () =>
          h('div', [
            h('output', { id: 'keys' }, String(keystrokes.value)),
            // `^value` would set an attribute; a `.` prefix makes Vue set the DOM property.
            h('kc-card', {
              '.schema': schema,
              '.value': data.value as JsonValue,
              'onKc-change': (e: Event) => {
                data.value = (e.target as KcCard).value; // v-model's write-back
                keystrokes.value++;
              },
            }),
          ]);
      },
    });
    app = createApp(Root);
    app.mount(host);
    const card = await waitUntil(() => cardReady(host!), 'the card rendered', { timeout: 5000 }).then(() => cardReady(host!)!);
    return { card, data, keystrokes, rendered: () => renders };
  }

  it('typing goes on: text, caret and focus stay, errors show as you type, :state(dirty) holds', async () => {
    const { card, data, keystrokes, rendered } = await mount();
    const control = input(card, '/companyName');
    control.focus();
    await typeLikeAUser(card, '/companyName', 'Acme', rendered);
    expect(keystrokes.value).to.equal(4);
    expect(host!.querySelector('#keys')!.textContent).to.equal('4');
    await expectTypingKept(card, control, () => data.value);
  });

  it("v-model data changed by the app shows in the card, the user's edit stays", async () => {
    const { card, data, rendered } = await mount();
    await typeLikeAUser(card, '/companyName', 'Acme', rendered);
    data.value = { ...(data.value as Record<string, JsonValue>), city: 'Tomsk' };
    await waitUntil(() => input(card, '/city').value === 'Tomsk', 'the new city shows', { timeout: 5000 });
    expect(input(card, '/companyName').value).to.equal('Acme');
    expect(card.matches(':state(dirty)')).to.equal(true);
  });
});
