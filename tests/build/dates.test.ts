/**
 * "Publié le … — Mis à jour le …" on every built page (src/components/PageDates.astro): a
 * document's own dates on every page in its folder (document, sections, axes, actions, procedures,
 * print version, review rounds), the site's on the others, read from the content, never from git;
 * the document page lists its full history, newest first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { buildCatalogue } from '../../src/catalogue/catalogue.ts';
import { CONTENT_ROOT, DIST, builtPages } from '../site.ts';

const catalogue = buildCatalogue(validateAll(readContent(CONTENT_ROOT).files).entries);
const pages = builtPages();

/** The machine-readable dates of the page's dates line, in order, or undefined without one. */
function datesLine(source: string): string[] | undefined {
  const line = source.match(/<p class="dates-page"[^>]*>([\s\S]*?)<\/p>/)?.[1];
  return line === undefined ? undefined : [...line.matchAll(/<time datetime="([^"]+)">/g)].map((m) => m[1]!);
}

test('the dates line reads each date from its <time datetime>', () => {
  assert.deepEqual(
    datesLine(
      '<p class="dates-page">Publié le <time datetime="2026-11-23">23 novembre 2026</time> — Mis à jour le <time datetime="2026-11-29">x</time></p>',
    ),
    ['2026-11-23', '2026-11-29'],
  );
  assert.equal(datesLine('<p>Publié le 23 novembre 2026</p>'), undefined);
});

test('every page shows its dates: its document’s in a document’s folder, the site’s elsewhere', () => {
  const all = catalogue.conventions;
  const site = [
    all.map((c) => c.data.published).sort()[0]!,
    all
      .flatMap((c) => [c.data.published, ...(c.data.updates ?? []).map((u) => u.date)])
      .sort()
      .at(-1)!,
  ];
  const byFolder = new Map(all.map((c) => [c.id, c]));
  let documentPages = 0;
  for (const page of pages) {
    const source = readFileSync(join(DIST, page), 'utf8');
    const convention = byFolder.get(page.split('/')[0]!);
    const updates = (convention?.data.updates ?? []).map((u) => u.date).sort();
    const expected = convention ? [convention.data.published, ...updates.slice(-1)] : site[1] === site[0] ? [site[0]] : site;
    assert.deepEqual(datesLine(source), expected, page);
    // Words as well as machine dates.
    assert.match(source, /<p class="dates-page"[^>]*>Publié le <time/, page);
    if (expected.length > 1) assert.match(source, /<\/time> — Mis à jour le <time/, page);
    if (convention) documentPages++;
  }
  // Each document's page and print version, each action, axis, section and procedure: all were seen.
  const expected =
    all.length * 2 + catalogue.actions.length + all.flatMap((c) => c.axes).length + catalogue.sections.length + catalogue.procedures.length;
  assert.ok(documentPages >= expected, `${documentPages} pages de documents, ${expected} attendues au moins`);
});

test('the document page lists every update with its note, newest first, then the publication', () => {
  for (const c of catalogue.conventions) {
    const source = readFileSync(join(DIST, c.path, 'index.html'), 'utf8');
    const list = source.match(/<ol class="historique"[^>]*>([\s\S]*?)<\/ol>/)?.[1];
    assert.ok(list, c.id);
    const lines = [...list.matchAll(/<li[^>]*><time datetime="([^"]+)">[^<]*<\/time> : ([^<]*)<\/li>/g)].map((m) => `${m[1]} ${m[2]}`);
    const updates = (c.data.updates ?? []).map((u) => `${u.date} ${u.note.replaceAll("'", '&#39;')}`).reverse();
    assert.deepEqual(lines, [...updates, `${c.data.published} Première publication.`], c.id);
  }
});

test('a replaced document says so on each of its pages, the newer one links back; their indexed pages carry the filter', () => {
  const byFolder = new Map(catalogue.conventions.map((c) => [c.id, c]));
  let indexed = 0;
  for (const page of pages) {
    const source = readFileSync(join(DIST, page), 'utf8');
    const convention = byFolder.get(page.split('/')[0]!);
    const replacedBy = convention?.data.replacedBy;
    const replaces = convention?.data.replaces;
    assert.equal(source.includes('Ce document a été remplacé</strong> par'), replacedBy !== undefined, page);
    if (replacedBy) assert.match(source, new RegExp(`a été remplacé</strong> par <a href="[^"]*/${replacedBy}/"`), page);
    assert.equal(source.includes('Ce document remplace <a'), replaces !== undefined, page);
    if (convention && source.includes('data-pagefind-body')) {
      assert.ok(source.includes(`data-pagefind-filter="etat:${replacedBy ? 'Remplacé' : 'Non remplacé'}"`), page);
      indexed++;
    } else assert.ok(!source.includes('data-pagefind-filter="etat:'), page);
  }
  assert.ok(indexed > 0);
});
