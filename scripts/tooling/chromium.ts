/**
 * Which Chromium the browser tests drive: CHROMIUM_PATH, Playwright's own, or the system's. Of the
 * system's, Chromium's headless shell comes first (Debian's `chromium-headless-shell`, the build
 * Playwright itself uses for headless runs): with no window system to drive it does the same
 * rendering for less work, and the tests check every page. The full browser, run headless, will do.
 */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';

/** The headless shell's binary where Debian puts it (its command in /usr/bin is a shell wrapper). */
const DEBIAN_HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';

export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(chromium.executablePath())) return undefined; // Playwright's own browser
  if (existsSync(DEBIAN_HEADLESS_SHELL)) return DEBIAN_HEADLESS_SHELL;
  for (const name of ['chromium-headless-shell', 'chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execSync(`command -v ${name}`, { encoding: 'utf8' }).trim();
    } catch {
      // not this one
    }
  }
  throw new Error('Aucun Chromium trouvé : lancez « npm test », qui en installe un, ou définissez CHROMIUM_PATH.');
}
