/** Which Chromium the browser tests drive: CHROMIUM_PATH, Playwright's own, or the system's. */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';

export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(chromium.executablePath())) return undefined; // Playwright's own browser
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execSync(`command -v ${name}`, { encoding: 'utf8' }).trim();
    } catch {
      // not this one
    }
  }
  throw new Error('Aucun Chromium trouvé : lancez « npm test », qui en installe un, ou définissez CHROMIUM_PATH.');
}
