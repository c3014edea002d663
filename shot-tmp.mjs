import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const base = 'http://127.0.0.1:4400/intranet/handicap/';
const [path, file, width, full] = process.argv.slice(2);
const p = await b.newPage({ viewport: { width: Number(width ?? 1280), height: 900 } });
await p.goto(base + path);
await p.waitForTimeout(500);
await p.screenshot({ path: `/tmp/${file}.png`, fullPage: full === 'full' });
await b.close();
