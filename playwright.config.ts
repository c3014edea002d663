import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumPath } from './scripts/tooling/chromium.ts';
import { FIXTURE, origin, SITE, type Served } from './tests/browser/served.ts';
import { BASE } from './tests/site.ts';

/**
 * One built folder served as the deployment guide says: a real nginx with docs/deploiement/nginx.conf,
 * its strict Content-Security-Policy and its other headers (scripts/tooling/ensure-nginx.sh installs
 * nginx; --essais also serves axe-core), under the base the site was built with.
 */
const nginx = (served: Served) => ({
  command: `node scripts/tooling/nginx-preview.ts --port ${served.port} --dossier ${served.dist} --essais`,
  url: `${origin(served)}${BASE}`,
  reuseExistingServer: false,
  gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
  timeout: 60_000,
});

// Each project needs its folder built; nginx would only say that it is empty.
for (const [served, command] of [
  [SITE, 'npm run build'],
  [FIXTURE, 'node tests/fixture-site.ts'],
] as const) {
  if (!existsSync(join(served.dist, 'index.html'))) {
    console.error(`Aucun site construit dans ${served.dist} : lancez d’abord « BASE_PATH=${BASE} ${command} ».`);
    process.exit(1);
  }
}

export default defineConfig({
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
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
  // The site-wide checks on the site built from content/, whatever it holds; the per-template
  // matrix on the fixture site (tests/browser/served.ts).
  projects: [
    { name: SITE.project, testDir: 'tests/browser/site', use: { baseURL: origin(SITE) } },
    { name: FIXTURE.project, testDir: 'tests/browser/fixture', use: { baseURL: origin(FIXTURE) } },
  ],
  webServer: [nginx(SITE), nginx(FIXTURE)],
});
