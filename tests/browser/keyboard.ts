/**
 * A keyboard walk through a page (RGAA 12.8, 12.13, 10.7): Tab from the top must reach every
 * focusable element once, in document order, without being trapped, and each element must be
 * visible and look different when focused. "Different" is measured: the focused and unfocused
 * renderings of the element's area are compared pixel by pixel.
 *
 * Long repetitive pages (the plan du site, the indexes: hundreds of links of one kind) are walked
 * with Tab on their first and last stops, where the header, menu, footer and the first and last
 * items of the list are; the stops in between share the markup and styles of those. They are
 * still checked, in one pass inside the page: each takes the focus and is then visible, and no
 * positive tabindex anywhere changes the order from that of the document.
 *
 * The two renderings of each stop are taken straight through the DevTools protocol, PNG encoded
 * for speed (still lossless): Playwright's own screenshot checks fonts, scroll and animations
 * first, and cost twice as much at two screenshots a stop. Nothing on the site moves (see
 * tests/browser/fixture/display.spec.ts, "reduced motion"), and the caret is hidden once for the walk.
 */
import type { CDPSession, Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { addStyleSheet } from './csp.ts';

/**
 * Marks every element a Tab key press should reach; returns their names, and for those outside
 * <main> (the page's frame) their markup, as it is before the walk marks them.
 */
async function markFocusables(page: Page): Promise<{ names: string[]; frame: (string | null)[] }> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex], details > summary:first-of-type';
    // Rendered at all (not hidden, not inside a closed <details>), whether or not on screen.
    const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true });
    const list = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && visible(el),
    );
    // Radio buttons of one group are a single tab stop: keep the checked one, or the first.
    const seen = new Set<string>();
    const stops = list.filter((el) => {
      if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
      const group = el.name;
      const checked = document.querySelector<HTMLInputElement>(`input[type=radio][name="${group}"]:checked`);
      if (seen.has(group)) return false;
      if (checked ? el === checked : true) {
        seen.add(group);
        return true;
      }
      return false;
    });
    const frame = stops.map((el) => (el.closest('main') ? null : el.outerHTML));
    stops.forEach((el, i) => el.setAttribute('data-clavier', String(i)));
    const names = stops.map(
      (el) =>
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} « ${(el.textContent || el.getAttribute('aria-label') || (el as HTMLInputElement).value || '').trim().slice(0, 50)} »`,
    );
    return { names, frame };
  });
}

function changedPixels(a: Buffer, b: Buffer): number {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  if (x.width !== y.width || x.height !== y.height) return Number.POSITIVE_INFINITY;
  let changed = 0;
  for (let i = 0; i < x.data.length; i += 4) {
    if (x.data[i] !== y.data[i] || x.data[i + 1] !== y.data[i + 1] || x.data[i + 2] !== y.data[i + 2]) changed++;
  }
  return changed;
}

export interface Walk {
  /** Elements a keyboard should reach, in order. */
  expected: string[];
  /** What went wrong, one line each. */
  problems: string[];
}

export interface WalkOptions {
  /**
   * On a page with more stops than twice this number, only this many stops at the start and at
   * the end are walked with Tab; the ones in between are checked in one pass. Default: every stop.
   */
  edges?: number;
  /**
   * The page's frame (header, menu, footer: stops outside <main>) is the same markup and the same
   * style sheet on every page. With this option, a frame stop whose markup was already compared
   * pixel by pixel in this browser, in the same theme and width, is still reached with Tab and
   * checked visible, but not compared again (the comparison is most of a walk's cost). A stop
   * that differs in any way (the menu's current entry, aria-current) is compared.
   */
  skipSeenFrame?: boolean;
}

/** Frame stops already compared pixel by pixel, by theme, width and markup (see `skipSeenFrame`). */
const seenFrame = new Set<string>();

/** Stops `from` to `to` (excluded): each takes the focus and is then in view and drawn. */
async function checkMiddle(page: Page, from: number, to: number, expected: string[]): Promise<string[]> {
  const found = await page.evaluate(
    ({ from, to }) => {
      const problems: { index: number; why: string }[] = [];
      for (let i = from; i < to; i++) {
        const el = document.querySelector<HTMLElement>(`[data-clavier="${i}"]`)!;
        el.focus();
        if (document.activeElement !== el) {
          problems.push({ index: i, why: 'ne prend pas le focus' });
          continue;
        }
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const inView = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
        if (!inView || style.visibility === 'hidden' || Number(style.opacity) === 0)
          problems.push({ index: i, why: 'reçoit le focus sans être visible' });
      }
      // A positive tabindex would take its element out of the document's order.
      for (const el of document.querySelectorAll<HTMLElement>('[tabindex]')) {
        if (el.tabIndex > 0)
          problems.push({ index: Number(el.getAttribute('data-clavier') ?? -1), why: `tabindex positif (${el.tabIndex}) : ordre changé` });
      }
      return problems;
    },
    { from, to },
  );
  return found.map(({ index, why }) => `${expected[index] ?? 'élément'} : ${why}`);
}

/** One protocol session per page. */
const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** The pixels of `clip` (viewport coordinates) as the page shows them now, as a PNG. */
async function capture(page: Page, clip: { x: number; y: number; width: number; height: number }, scroll: { x: number; y: number }) {
  if (!sessions.has(page)) sessions.set(page, page.context().newCDPSession(page));
  const session = await sessions.get(page)!;
  const { data } = await session.send('Page.captureScreenshot', {
    format: 'png',
    optimizeForSpeed: true,
    clip: { ...clip, x: clip.x + scroll.x, y: clip.y + scroll.y, scale: 1 },
  });
  return Buffer.from(data, 'base64');
}

/** Walks the page with Tab from the top; the page must be loaded at the wanted size and theme. */
export async function keyboardWalk(
  page: Page,
  { edges = Number.POSITIVE_INFINITY, skipSeenFrame = false }: WalkOptions = {},
): Promise<Walk> {
  const { names: expected, frame } = await markFocusables(page);
  const rendering = await page.evaluate(
    () =>
      `${document.documentElement.getAttribute('data-theme') ?? ''}|${matchMedia('(prefers-color-scheme: dark)').matches}|${innerWidth}`,
  );
  const problems: string[] = [];
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  // A blinking caret in a focused field would pass for a focus indicator.
  await addStyleSheet(page, '* { caret-color: transparent !important; }');
  const viewport = page.viewportSize()!;
  for (let i = 0; i < expected.length; i++) {
    if (i === edges && expected.length - edges > i) {
      // The middle of a long page: checked in one pass, then the walk resumes with Tab from the
      // stop before the last ones, as a reader who got there would.
      const resume = expected.length - edges;
      problems.push(...(await checkMiddle(page, i, resume, expected)));
      await page.evaluate((n) => document.querySelector<HTMLElement>(`[data-clavier="${n}"]`)!.focus(), resume - 1);
      i = resume;
    }
    await page.keyboard.press('Tab');
    const state = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      // A link wrapping over two lines is outlined line by line: its longest line sets the bar.
      const line = [...el.getClientRects()].reduce((best, rect) => (rect.width + rect.height > best.width + best.height ? rect : best));
      // Only the edges inside the viewport can be seen (a tall scrolling region runs past it).
      const [vw, vh] = [innerWidth, innerHeight];
      const w = Math.max(0, Math.min(line.right, vw) - Math.max(line.left, 0));
      const h = Math.max(0, Math.min(line.bottom, vh) - Math.max(line.top, 0));
      const ring = (line.top >= 0 ? w : 0) + (line.bottom <= vh ? w : 0) + (line.left >= 0 ? h : 0) + (line.right <= vw ? h : 0);
      return {
        index: el.getAttribute('data-clavier'),
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        ring: Math.ceil(ring),
        hidden: style.visibility === 'hidden' || Number(style.opacity) === 0,
        scroll: { x: scrollX, y: scrollY },
      };
    });
    if (!state || state.index !== String(i)) {
      problems.push(
        `tabulation ${i + 1} : attendu ${expected[i]}, obtenu ${state ? (state.index === null ? 'un élément non prévu' : expected[Number(state.index)]) : 'rien (piège ou sortie de page)'}`,
      );
      break;
    }
    const inView =
      state.width > 0 &&
      state.height > 0 &&
      state.x + state.width > 0 &&
      state.y + state.height > 0 &&
      state.x < viewport.width &&
      state.y < viewport.height;
    if (!inView || state.hidden) {
      problems.push(`${expected[i]} : reçoit le focus sans être visible`);
      continue;
    }
    const frameKey = skipSeenFrame && frame[i] ? `${rendering}|${frame[i]}` : undefined;
    if (frameKey && seenFrame.has(frameKey)) continue;
    // The element's area plus room for an outline, inside the viewport.
    const x = Math.max(0, Math.floor(state.x) - 6);
    const y = Math.max(0, Math.floor(state.y) - 6);
    const clip = {
      x,
      y,
      width: Math.min(viewport.width - x, Math.ceil(state.width) + 12),
      height: Math.min(viewport.height - y, Math.ceil(state.height) + 12),
    };
    const focused = await capture(page, clip, state.scroll);
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    const unfocused = await capture(page, clip, state.scroll);
    await page.evaluate((n) => document.querySelector<HTMLElement>(`[data-clavier="${n}"]`)!.focus({ preventScroll: true }), i);
    // At least a one-pixel ring around the element must change.
    const needed = Math.min(state.ring, clip.width * clip.height);
    const changed = changedPixels(focused, unfocused);
    if (changed < needed) problems.push(`${expected[i]} : focus peu ou pas visible (${changed} pixels changent, ${needed} attendus)`);
    else if (frameKey) seenFrame.add(frameKey);
  }
  // After the last element, Tab leaves the page (to the browser's own controls) and Shift+Tab
  // comes back to it: nothing holds the focus.
  if (problems.length === 0 && expected.length > 0) {
    await page.keyboard.press('Tab');
    const after = await page.evaluate(() =>
      document.activeElement === document.body ? null : (document.activeElement?.getAttribute('data-clavier') ?? 'inconnu'),
    );
    if (after !== null)
      problems.push(
        `après le dernier élément, le focus reste dans la page (${after === 'inconnu' ? 'élément non prévu' : `revient sur ${expected[Number(after)]}`})`,
      );
    await page.keyboard.press('Shift+Tab');
    const back = await page.evaluate(() => document.activeElement?.getAttribute('data-clavier') ?? null);
    if (back !== String(expected.length - 1))
      problems.push(`Maj+Tab depuis la fin ne revient pas au dernier élément (${back === null ? 'rien' : expected[Number(back)]})`);
  }
  return { expected, problems };
}
