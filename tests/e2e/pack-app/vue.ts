// The Vue flavour of the packed app: v-model on <kc-card>, isKartochkaElement from @kartochka/vue.
import { createApp, h, ref, withDirectives, vModelText } from 'vue';
import '@kartochka/elements';
import { isKartochkaElement } from '@kartochka/vue';
import { b2bClientCard } from '@kartochka/templates';

const client = ref<unknown>({ general: { companyName: 'Acme' } });
const lastPath = ref('');
const app = createApp({
  // A render function with v-model's own directive, so the app needs no template compiler.
  render: () => [
    withDirectives(
      h('kc-card', {
        schema: b2bClientCard.schema,
        locale: 'de',
        'onUpdate:modelValue': (v: unknown) => (client.value = v),
        onKcChange: (e: CustomEvent<{ path: string }>) => (lastPath.value = e.detail.path),
      }),
      [[vModelText, client.value]],
    ),
    h('output', { id: 'result' }, lastPath.value && `${lastPath.value}=${JSON.stringify(client.value)}`),
  ],
});
app.config.compilerOptions.isCustomElement = isKartochkaElement;
app.mount('#app');
