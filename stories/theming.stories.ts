/**
 * The design system (docs/theming.md): the same card in the light and the dark theme, themed on the
 * card (`theme`) or by the tokens on an ancestor (as the demo does on :root), and a page's own
 * token values (a brand colour, a denser control height).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Locale } from '@kartochka/core';
import '@kartochka/elements';
import { b2bClientCard, type CardTemplate } from '@kartochka/templates';

interface ThemeArgs {
  theme: 'light' | 'dark';
  locale: Locale;
  /** Extra token values set on the wrapper (`--kc-color-accent: …; …`). */
  tokens: string;
}

const t = b2bClientCard as CardTemplate<unknown>;

const meta: Meta<ThemeArgs> = {
  title: 'Theming',
  component: 'kc-card',
  args: { theme: 'light', locale: 'ru', tokens: '' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    locale: { control: 'inline-radio', options: ['ru', 'en'] },
  },
  render: (a) =>
    html`<div style="padding: 1rem; background: ${a.theme === 'dark' ? '#12161d' : '#f4f6fa'}; ${a.tokens}">
      <kc-card theme=${a.theme} .schema=${t.schema} .layout=${t.layout} .messages=${t.messages} .value=${structuredClone(t.sample)} locale=${a.locale}></kc-card>
    </div>`,
};
export default meta;

type Story = StoryObj<ThemeArgs>;

export const Light: Story = {};
export const Dark: Story = { args: { theme: 'dark' } };
export const DarkEnglish: Story = { args: { theme: 'dark', locale: 'en' } };
/** A page's own tokens: a green accent, square corners and 36 px controls. */
export const PageTokens: Story = {
  args: { tokens: '--kc-color-accent: #1b7a3d; --kc-color-accent-subtle: #e3f3e8; --kc-radius: 0; --kc-control-height: 2.25rem;' },
};
