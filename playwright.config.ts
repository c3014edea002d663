import { defineConfig } from '@playwright/test';
import { chromiumPath } from './tests/browser/chromium.ts';

// The port is shared with tests/browser/axe.ts through the environment.
const port = Number((process.env.PREVIEW_PORT ??= '4322'));
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');

export default defineConfig({
  testDir: 'tests/browser',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: chromiumPath(),
      // No background traffic: on closed networks Chromium's own requests fail noisily.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // Serves the already built dist/ under the same base it was built with.
    command: `npm run preview -- --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
