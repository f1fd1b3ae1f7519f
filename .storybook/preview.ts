import type { Preview } from '@storybook/web-components-vite';
import '@kartochka/elements';

const preview: Preview = {
  parameters: { layout: 'padded' },
};
export default preview;
