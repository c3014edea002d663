/**
 * The follow-up export as built (dist/donnees/suivi.json and .csv, issue 10) against the content
 * read from disk: one row per action and round of its document, each status the one the action's
 * file gives for that round (nothing carried over), the withdrawals where the files put them, the
 * JSON and the CSV the same row for row, every address leading to a built page, and the rounds of
 * `donnees/actions.json` the same as the follow-up's. Run after `npm run build`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { STATUSES } from '../../src/model/statuses.ts';
import { FOLLOW_UP_FIELDS, ROUND_FIELDS, type ActionRecord, type FollowUpRecord } from '../../src/open-data/export.ts';
import { parseCsv } from '../csv.ts';
import { paths } from '../../src/lib/paths.ts';
import { evidenceTarget, type Evidence } from '../../src/model/evidence.ts';
import { CONTENT_ROOT, DIST, ON_FIXTURE } from '../site.ts';

const { entries, problems } = validateAll(readContent(CONTENT_ROOT).files);
const json = JSON.parse(readFileSync(join(DIST, paths.followUpJson()), 'utf8')) as FollowUpRecord[];
const csv = readFileSync(join(DIST, paths.followUpCsv()), 'utf8');
/** A round's evidence as the export says it: each title, then where it leads. */
const evidenceCell = (evidence: Evidence[] = []) => evidence.map((e) => `${e.title} (${evidenceTarget(e).address})`).join(' ; ');
const conventions = new Map(entries.conventions.map((c) => [c.id, c.data]));
/** The action files, by the address of their page: the rows name their action by its `url`. */
const actionByUrl = new Map(entries.actions.map((a) => [paths.action(a.id), a]));

test('the content is valid', () => {
  assert.deepEqual(problems, []);
});

test('one row per action and round of its document, actions of documents without rounds giving none', () => {
  const expected = entries.actions.reduce((n, a) => n + (conventions.get(a.data.convention)!.rounds?.length ?? 0), 0);
  assert.ok(expected > 0, 'au moins un document a des bilans');
  assert.equal(json.length, expected);
  for (const [id, c] of conventions) {
    const actions = entries.actions.filter((a) => a.data.convention === id).length;
    assert.equal(json.filter((r) => r.convention === id).length, actions * (c.rounds?.length ?? 0), id);
  }
  // Each action, each round of its document, exactly once.
  const keys = json.map((r) => `${r.url} ${r.round}`);
  assert.equal(new Set(keys).size, keys.length, 'ligne en double');
});

test("every row says what the action's file says for that round: status, comment, evidence, withdrawal", () => {
  for (const [i, r] of json.entries()) {
    const where = `donnees/suivi.json, enregistrement ${i + 1} (${r.url}, ${r.round})`;
    const action = actionByUrl.get(r.url);
    assert.ok(action, `${where} : aucune action à cette adresse`);
    const convention = conventions.get(action.data.convention)!;
    assert.equal(r.convention, action.data.convention, where);
    assert.equal(r.conventionShortTitle, convention.shortTitle, where);
    assert.equal(r.number, action.data.number ?? '', where);
    const round = convention.rounds?.find((x) => x.id === r.round);
    assert.ok(round, `${where} : bilan inconnu du document`);
    assert.deepEqual([r.roundLabel, r.roundDate, r.roundPeriod], [round.label, round.date ?? '', round.period ?? ''], where);
    const given = action.data.statuses?.find((s) => s.round === r.round);
    const scale = given && convention.statusScale?.find((s) => s.code === given.status);
    assert.deepEqual(
      [r.indicator, r.status, r.statusLabel, r.comment, r.evidence],
      [
        given?.status ?? '',
        scale?.status ?? '',
        scale ? STATUSES[scale.status].label : '',
        given?.comment ?? '',
        evidenceCell(given?.evidence),
      ],
      where,
    );
    const withdrawn = action.data.withdrawn?.round === r.round;
    assert.deepEqual(
      [r.withdrawn, r.mergedInto, r.withdrawnNote],
      [
        withdrawn ? 'oui' : 'non',
        withdrawn ? (action.data.withdrawn?.mergedInto ?? '') : '',
        withdrawn ? (action.data.withdrawn?.note ?? '') : '',
      ],
      where,
    );
  }
  // Known rows of the fixture site: a status at each of three rounds, a merged action.
  if (!ON_FIXTURE) return;
  const row = (action: string, round: string) => json.find((r) => r.url === `plan-essai/actions/${action}/` && r.round === round);
  assert.deepEqual(
    ['b2024', 'b2025', 'b2026'].map((round) => row('action-1', round)?.statusLabel),
    ['En cours', 'Réalisé', 'Réalisé'],
  );
  assert.deepEqual([row('action-4', 'b2026')?.withdrawn, row('action-4', 'b2026')?.mergedInto], ['oui', '2']);
});

test('the JSON and the CSV hold the same rows, with the CSV conventions of actions.csv', () => {
  assert.ok(csv.startsWith(`${FOLLOW_UP_FIELDS.join(',')}\r\n`), 'en-tête sans BOM');
  assert.ok(csv.endsWith('\r\n'));
  const [header, ...rows] = parseCsv(csv);
  assert.deepEqual(header, FOLLOW_UP_FIELDS);
  assert.equal(rows.length, json.length);
  json.forEach((r, i) => {
    assert.deepEqual(Object.keys(r), FOLLOW_UP_FIELDS, `enregistrement ${i + 1}`);
    assert.deepEqual(rows[i], Object.values(r), `ligne ${i + 2}`);
  });
});

test('every address of the follow-up leads to a built page: the action, and the page of its round', () => {
  const missing = new Set<string>();
  for (const r of json) {
    for (const url of [r.url, r.roundUrl]) if (!existsSync(join(DIST, url, 'index.html'))) missing.add(url);
  }
  assert.deepEqual([...missing], []);
});

test("each record of actions.json carries its rounds, the follow-up's round fields, row for row", () => {
  const actions = JSON.parse(readFileSync(join(DIST, paths.exportJson()), 'utf8')) as ActionRecord[];
  assert.deepEqual(
    actions.flatMap((a) => a.rounds),
    json.map((r) => Object.fromEntries(ROUND_FIELDS.map((f) => [f, r[f]]))),
  );
  for (const a of actions) assert.equal(a.rounds.length, conventions.get(a.convention)!.rounds?.length ?? 0, a.url);
});
