/**
 * Content-Security-Policy violations in a page. The browser tests are served by nginx with the
 * guide's configuration (scripts/tooling/nginx-preview.ts), so every page they visit is under the strict
 * policy of docs/deploiement/nginx.conf; Chromium reports each refusal (an inline script or style,
 * a source from elsewhere, WebAssembly compiled without 'wasm-unsafe-eval'…) as a console error,
 * which this collects; and, through the DevTools protocol, the refusals a script catches and hides
 * (a library probing `Function('')` to know whether it may evaluate code), which Chromium reports
 * as issues only, and which Lighthouse counts against the page.
 */
import type { CDPSession, ConsoleMessage, Page } from '@playwright/test';

/** Starts collecting the page's CSP violations; `stop()` ends it and returns them. */
export async function watchCsp(page: Page): Promise<{ violations: string[]; stop: () => Promise<string[]> }> {
  const violations: string[] = [];
  const listen = (message: ConsoleMessage) => {
    // Pagefind's web worker logs nothing here when it is refused (Playwright does not pass on a
    // worker's own errors), and search then goes on in the page: the warning Pagefind gives when
    // it falls back is taken for what it is, the worker failing.
    if (/Content Security Policy|falling back to main thread/i.test(message.text())) violations.push(`${page.url()} : ${message.text()}`);
  };
  page.on('console', listen);
  const devtools: CDPSession = await page.context().newCDPSession(page);
  devtools.on('Audits.issueAdded', ({ issue }) => {
    const details = issue.details.contentSecurityPolicyIssueDetails;
    if (issue.code !== 'ContentSecurityPolicyIssue' || !details) return;
    const where = details.blockedURL ?? details.sourceCodeLocation?.url ?? '';
    violations.push(`${page.url()} : ${details.violatedDirective} (${details.contentSecurityPolicyViolationType}) ${where}`);
  });
  await devtools.send('Audits.enable');
  return {
    violations,
    stop: async () => {
      page.off('console', listen);
      await devtools.detach().catch(() => undefined);
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
