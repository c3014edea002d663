/**
 * No built page over ~100 KB compressed (issue 9: only the indexes grow with the site, and they
 * are split into pages). The real site is small; the same check, run on a build of the benchmark
 * corpus at 5,000 actions, is what proves the page sizes chosen in src/catalogue/paginate.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { DIST, builtPages } from '../site.ts';

export const MAX_COMPRESSED = 100 * 1024;

/** Pages whose gzip size exceeds `max`, with their size. */
export function oversized(pages: Iterable<[string, string | Buffer]>, max = MAX_COMPRESSED): string[] {
  const out: string[] = [];
  for (const [page, source] of pages) {
    const size = gzipSync(source, { level: 9 }).length;
    if (size > max) out.push(`${page} : ${Math.round(size / 1024)} Ko compressés`);
  }
  return out;
}

test('no built page exceeds 100 KB compressed', () => {
  const pages = builtPages();
  // The site's own pages alone (home, lists, sixteen themes, error pages) are over 30.
  assert.ok(pages.length > 30);
  assert.deepEqual(oversized(pages.map((p) => [p, readFileSync(join(DIST, p))])), []);
});

test('the size check does fail on a page over the limit, and only on it', () => {
  // Text that does not compress: 200 KB of hashes (deterministic), more than 100 KB once compressed.
  const letters = Array.from({ length: (200 * 1024) / 44 }, (_, i) => createHash('sha256').update(String(i)).digest('base64')).join('');
  const big = `<!doctype html><p>${letters}</p>`;
  const small = `<!doctype html><p>${'a'.repeat(500 * 1024)}</p>`;
  const found = oversized([
    ['grande.html', big],
    ['repetitive.html', small],
  ]);
  assert.equal(found.length, 1);
  assert.match(found[0]!, /^grande\.html : \d+ Ko compressés$/);
});
