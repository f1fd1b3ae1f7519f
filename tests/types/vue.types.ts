/**
 * Type tests of @kartochka/vue's GlobalComponents (what vue-tsc and Volar check templates with):
 * props are the element's, events carry their classes, wrong values fail. Never run.
 */
import '@kartochka/vue';
import type { GlobalComponents } from 'vue';

type CardProps = InstanceType<GlobalComponents['kc-card']>['$props'];
type ListProps = InstanceType<GlobalComponents['kc-card-list']>['$props'];

export const card: CardProps = {
  locale: 'de',
  mode: 'view',
  modelValue: { companyName: 'Acme' },
  onKcChange: (e) => console.log(e.detail.path),
};
export const list: ListProps = { pageSize: 20, onKcOpen: (e) => console.log(e.detail.id) };
// @ts-expect-error: the card's mode is a closed set
export const badMode: CardProps = { mode: 'edits' };
// @ts-expect-error: kc-change's detail has no `foo`
export const badEvent: CardProps = { onKcChange: (e) => e.detail.foo };
