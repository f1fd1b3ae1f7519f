import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts', '../packages/*/src/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(config) {
    // Stories use the packages' sources, like the tests and the demo.
    config.resolve ??= {};
    config.resolve.conditions = ['@kartochka/source', 'module', 'browser', 'development|production'];
    return config;
  },
};
export default config;
