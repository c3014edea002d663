import { defineConfig } from '@playwright/test';
import { chromiumPath } from './scripts/tooling/chromium.ts';

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
    // The already built dist/, under the base it was built with, served as the deployment guide
    // says: a real nginx with docs/deploiement/nginx.conf, its strict Content-Security-Policy and
    // its other headers (scripts/tooling/ensure-nginx.sh installs nginx; --essais also serves axe-core).
    command: `node scripts/tooling/nginx-preview.ts --port ${port} --essais`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    timeout: 60_000,
  },
});
