/**
 * Indicators and evidence in dist/ (issue 24), read from the catalogue so that it holds on any
 * site: each action's indicator has its table (a value and its source at each valued round, the
 * gap in words), where it stands in words and a chart hidden from assistive technologies; each
 * round's evidence is linked under it with a file's type and size; each document with indicators
 * has its Indicateurs page with how many met their target; each round page lists the indicators
 * valued there. On the fixture site, the cases the issue names are there to be checked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'hast';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { evidenceFilePath } from '../../src/model/evidence.ts';
import { buildCatalogue } from '../../src/catalogue/catalogue.ts';
import {
  documentIndicators,
  gapWords,
  hasFigures,
  indicatorMoves,
  standingWords,
  targetsMet,
  withUnit,
} from '../../src/catalogue/indicators.ts';
import { evidenceLink } from '../../src/catalogue/evidence-links.ts';
import { paths } from '../../src/lib/paths.ts';
import { BASE, CONTENT_ROOT, DIST, ON_FIXTURE, searchRecords } from '../site.ts';
import { selectAll } from '../hast.ts';

const { entries } = validateAll(readContent(CONTENT_ROOT).files);
const catalogue = buildCatalogue(entries);
const tree = (path: string): Root => fromHtml(readFileSync(join(DIST, path, 'index.html'), 'utf8'));
const attr = (name: string, value: string) => (e: { properties: Record<string, unknown> }) => e.properties[name] === value;
/** Text with its spaces made plain, as the assertions write them. */
const plain = (s: string) => s.replace(/\s+/g, ' ').trim();

const withIndicators = catalogue.actions.filter((a) => a.indicators.length > 0);

test(
  'fixture: an action follows an indicator with a baseline, a target and values at three rounds; evidence of each kind',
  { skip: !ON_FIXTURE },
  () => {
    assert.ok(withIndicators.some((a) => a.indicators.some((i) => i.baseline && i.target && i.values.length >= 3)));
    const evidence = catalogue.actions.flatMap((a) => a.history.flatMap((h) => h.evidence ?? []));
    assert.ok(
      evidence.some((e) => e.file) && evidence.some((e) => e.url?.startsWith('/')) && evidence.some((e) => e.url?.startsWith('http')),
    );
    assert.ok(
      catalogue.actions.some((a) => a.indicators.some((i) => i.values.length < a.convention.rounds.length)),
      'a round without value',
    );
  },
);

test('each indicator of an action: its table with each value and its source, the gap in words, a chart hidden from assistive technologies', () => {
  for (const action of withIndicators) {
    const page = tree(action.path);
    for (const indicator of action.indicators) {
      const where = `${action.path} ${indicator.id}`;
      const [table] = selectAll(page, (e) => e.tagName === 'table' && attr('dataIndicateur', indicator.id)(e));
      assert.ok(table, `${where} : tableau`);
      assert.ok(
        selectAll(
          page,
          (e) => e.tagName === 'h3' && plain(e.children.map((c) => ('value' in c ? c.value : '')).join('')) === indicator.label,
        ).length,
        `${where} : titre`,
      );
      for (const value of indicator.values) {
        const [row] = selectAll(table, attr('dataLigne', value.round.id));
        assert.ok(row, `${where} : ligne ${value.round.id}`);
        assert.ok(row.text.includes(withUnit(value.value, indicator.unit)), `${where} : valeur ${row.text}`);
        if (value.source) assert.ok(row.text.includes(value.source), `${where} : source ${row.text}`);
        const gap = gapWords(indicator, value.value);
        if (gap) assert.ok(row.text.includes(gap), `${where} : écart ${row.text}`);
      }
      for (const round of action.convention.rounds.filter((r) => !indicator.values.some((v) => v.round.id === r.id))) {
        assert.match(
          selectAll(table, attr('dataLigne', round.id))[0]!.text,
          /Aucune valeur relevée à ce bilan/,
          `${where} : ${round.id} sans valeur`,
        );
      }
      const [standing] = selectAll(page, attr('dataPosition', indicator.id));
      assert.ok(standing?.text.toLowerCase().includes(standingWords(indicator).toLowerCase()), `${where} : position`);
      const [chart] = selectAll(page, attr('dataGraphiqueIndicateur', indicator.id));
      if (!hasFigures(indicator)) {
        assert.equal(chart, undefined, `${where} : pas de graphique sans chiffre`);
        continue;
      }
      assert.equal(chart?.properties.ariaHidden, 'true', `${where} : graphique masqué`);
      assert.equal(selectAll(chart, (e) => e.tagName === 'svg')[0]?.properties.focusable, 'false', `${where} : svg non focalisable`);
    }
  }
});

test('each round’s evidence is linked under it, a file with its type and size in words (RGAA 13.3), under the base path', () => {
  const sizeOf = (file: string) => statSync(evidenceFilePath(CONTENT_ROOT, file)).size;
  let files = 0;
  for (const action of catalogue.actions) {
    const entries = action.history.filter((h) => h.evidence?.length);
    if (!entries.length) continue;
    const page = tree(action.path);
    for (const h of entries) {
      const [list] = selectAll(page, attr('dataJustificatifs', h.round.id));
      assert.ok(list, `${action.path} : justificatifs du bilan ${h.round.id}`);
      const links = selectAll(list, (e) => e.tagName === 'a').map((a) => [plain(a.text), String(a.properties.href)]);
      const expected = h.evidence!.map((e) => {
        const link = evidenceLink(e, sizeOf);
        if (e.file) files++;
        return [link.text, link.external ? link.address : encodeURI(`${BASE}${link.address}`)];
      });
      assert.deepEqual(links, expected, action.path);
    }
  }
  if (ON_FIXTURE) assert.ok(files > 0);
  if (ON_FIXTURE) {
    const page = readFileSync(join(DIST, paths.action('plan-essai/action-1'), 'index.html'), 'utf8');
    assert.match(page, /Tableau des recrutements 2025 \(PDF, \d+ (octets|ko)\)/, 'the format and size in words');
  }
});

test('each document with indicators has its Indicateurs page: every indicator, its standing, how many met their target; its page links it', () => {
  const documents = catalogue.conventions.filter((c) => documentIndicators(c).length > 0);
  if (ON_FIXTURE) assert.ok(documents.length > 0);
  for (const c of documents) {
    const page = tree(paths.indicators(c.id));
    const list = documentIndicators(c);
    const rows = selectAll(page, (e) => e.tagName === 'tr' && e.properties.dataIndicateur !== undefined);
    assert.deepEqual(
      rows.map((r) => r.properties.dataIndicateur),
      list.map((i) => i.indicator.id),
    );
    rows.forEach((row, n) => assert.ok(row.text.includes(standingWords(list[n]!.indicator)), `${c.id} : ${row.text}`));
    const met = targetsMet(list);
    assert.equal(
      selectAll(page, (e) => e.properties.dataCiblesAtteintes !== undefined)[0]?.properties.dataCiblesAtteintes,
      `${met.met}/${met.withTarget}`,
    );
    const links = selectAll(tree(c.path), (e) => e.tagName === 'a').map((a) => String(a.properties.href));
    assert.ok(links.includes(`${BASE}${paths.indicators(c.id)}`), `${c.path} : lien vers les indicateurs`);
  }
  if (ON_FIXTURE)
    assert.match(readFileSync(join(DIST, paths.indicators('plan-essai'), 'index.html'), 'utf8'), /\d indicateurs? sur \d (a|ont) atteint/);
});

test('each round page lists the indicators valued at that round, from the value before to this one, target met or not', () => {
  let moves = 0;
  for (const c of catalogue.conventions) {
    for (const round of c.rounds) {
      const expected = indicatorMoves(c, round);
      const page = tree(round.path);
      const rows = selectAll(page, (e) => e.tagName === 'tr' && e.properties.dataIndicateur !== undefined);
      assert.deepEqual(
        rows.map((r) => r.properties.dataIndicateur),
        expected.map((m) => m.indicator.id),
        round.path,
      );
      rows.forEach((row, n) => {
        const m = expected[n]!;
        assert.ok(row.text.includes(withUnit(m.to.value, m.indicator.unit)), row.text);
        if (m.from) assert.ok(row.text.includes(withUnit(m.from.value, m.indicator.unit)), row.text);
        if (m.met !== undefined) assert.match(row.text, m.met ? /Atteinte \(/ : /Non atteinte \(.*de la cible/);
      });
      moves += rows.length;
    }
  }
  if (ON_FIXTURE) assert.ok(moves > 0);
});

test('search: an action’s record holds its indicators’ labels and its evidence titles (issue 24, point 5)', () => {
  const records = new Map(searchRecords().map((r) => [r.url, r.content]));
  let checked = 0;
  for (const action of catalogue.actions) {
    const words = [...action.indicators.map((i) => i.label), ...action.history.flatMap((h) => (h.evidence ?? []).map((e) => e.title))];
    if (!words.length) continue;
    const content = records.get(`/${action.path}`) ?? '';
    for (const w of words) assert.ok(content.includes(w), `${action.path} : « ${w} » absent de l’index`);
    checked++;
  }
  if (ON_FIXTURE) assert.ok(checked > 0);
});
