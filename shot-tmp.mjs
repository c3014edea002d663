import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const base = 'http://127.0.0.1:4400/intranet/handicap/';
async function shot(path, file, { width = 1280, scheme = 'light', focusSkip = false, full = false } = {}) {
  const ctx = await b.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
  const p = await ctx.newPage();
  await p.goto(base + path);
  if (focusSkip) await p.keyboard.press('Tab');
  await p.screenshot({ path: `/tmp/${file}.png`, fullPage: full });
  const sw = await p.evaluate(() => document.documentElement.scrollWidth);
  console.log(file, 'scrollWidth', sw);
  await ctx.close();
}
await shot('', 'home-320', { width: 320, full: true });
await shot('inserm-fiphfp-2023-2026/axe-1/', 'axis-dark', { scheme: 'dark' });
await shot('inserm-fiphfp-2023-2026/actions/action-12/', 'action-skip', { focusSkip: true });
await shot('inserm-fiphfp-2023-2026/', 'conv-320-dark', { width: 320, scheme: 'dark' });
await b.close();
