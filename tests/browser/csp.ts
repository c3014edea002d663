/**
 * Content-Security-Policy violations in a page. The browser tests are served by nginx with the
 * guide's configuration (scripts/tooling/nginx-preview.ts), so every page they visit is under the strict
 * policy of docs/deploiement/nginx.conf; Chromium reports each refusal (an inline script or style,
 * a source from elsewhere, WebAssembly compiled without 'wasm-unsafe-eval'…) as a console error,
 * which this collects; and the refusals a script catches and hides (a library probing
 * `Function('')` to know whether it may evaluate code), which the browser does not log but
 * reports to the page as a `securitypolicyviolation` event (and Lighthouse counts against it):
 * a script the tests add to every page logs those too. (Listening through a DevTools session of
 * our own instead would undo Playwright's emulation of print media.)
 */
import type { ConsoleMessage, Page } from '@playwright/test';

/** Pages that already log their violation events (a page reused from test to test gets it once). */
const logging = new WeakSet<Page>();

/** Starts collecting the page's CSP violations; `stop()` ends it and returns them. */
export async function watchCsp(page: Page): Promise<{ violations: string[]; stop: () => string[] }> {
  const violations: string[] = [];
  const listen = (message: ConsoleMessage) => {
    // Pagefind's web worker logs nothing here when it is refused (Playwright does not pass on a
    // worker's own errors), and search then goes on in the page: the warning Pagefind gives when
    // it falls back is taken for what it is, the worker failing.
    if (/Content Security Policy|falling back to main thread/i.test(message.text())) violations.push(`${page.url()} : ${message.text()}`);
  };
  page.on('console', listen);
  if (!logging.has(page)) {
    logging.add(page);
    // Run by Playwright before the page's own scripts, outside its policy.
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Content Security Policy : ${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
      ),
    );
  }
  return {
    violations,
    stop: () => {
      page.off('console', listen);
      return violations;
    },
  };
}

/**
 * Adds `css` to the page as the tests' own style sheet. Playwright's addStyleTag writes a <style>
 * element, which the site's policy refuses (style-src 'self'); a constructed style sheet is the
 * page's script setting styles, which the policy allows.
 */
export async function addStyleSheet(page: Page, css: string): Promise<void> {
  await page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
}
