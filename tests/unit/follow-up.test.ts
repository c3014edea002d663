/**
 * The follow-up export (src/open-data/export.ts, `donnees/suivi.*`, issue 10) on the fixture site, whose
 * plan has three review rounds with every kind of change: one row per action and round of its
 * document, an empty status where a round did not review the action, the merger at its round,
 * the same records in JSON and CSV, and the same round fields in `donnees/actions.json`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FOLLOW_UP_FIELDS, ROUND_FIELDS, followUpRecords, toRecord, type FollowUpRecord } from '../../src/open-data/export.ts';
import { followUpToCsv, parseCsv } from '../csv.ts';
import { paths } from '../../src/lib/paths.ts';
import { ACCORD, PLAN, catalogueFiles, fixtureCatalogue } from './catalogue-fixtures.ts';

const catalogue = fixtureCatalogue();
const rows = followUpRecords(catalogue.actions);
const row = (number: string, round: string) => rows.find((r) => r.convention === PLAN && r.number === number && r.round === round)!;

test('one row per action and round of its document; documents without rounds give none', () => {
  const plan = catalogue.conventions.find((c) => c.id === PLAN)!;
  assert.equal(plan.rounds.length, 3);
  assert.equal(
    rows.length,
    catalogue.actions.reduce((n, a) => n + a.convention.rounds.length, 0),
  );
  assert.equal(rows.length, plan.actions.length * 3);
  assert.equal(rows.length, 18);
  assert.ok(!rows.some((r) => r.convention === ACCORD), 'aucune ligne pour un document sans bilan');
  // Actions in site order, rounds oldest first; nothing carried over from one round to the next.
  assert.deepEqual(
    rows.map((r) => [r.label, r.round, r.indicator, r.withdrawn, r.mergedInto]),
    [
      ['Action n°1', 'b2024', 'EC', 'non', ''],
      ['Action n°1', 'b2025', 'R', 'non', ''],
      ['Action n°1', 'b2026', 'R', 'non', ''],
      ['Action n°2', 'b2024', 'NR', 'non', ''],
      ['Action n°2', 'b2025', '', 'non', ''],
      ['Action n°2', 'b2026', 'EC', 'non', ''],
      ['Action n°3', 'b2024', '', 'non', ''],
      ['Action n°3', 'b2025', 'EC', 'non', ''],
      ['Action n°3', 'b2026', 'EC', 'non', ''],
      ['Action n°4', 'b2024', 'NR', 'non', ''],
      ['Action n°4', 'b2025', 'NR', 'non', ''],
      ['Action n°4', 'b2026', '', 'oui', '2'],
      ['Action n°5', 'b2024', '', 'non', ''],
      ['Action n°5', 'b2025', '', 'non', ''],
      ['Action n°5', 'b2026', '', 'non', ''],
      ['Mesure non numérotée', 'b2024', '', 'non', ''],
      ['Mesure non numérotée', 'b2025', '', 'non', ''],
      ['Mesure non numérotée', 'b2026', 'EC', 'non', ''],
    ],
  );
});

test('a reviewed row carries the round, its date, the status in three forms and what the round said', () => {
  const action1 = catalogue.actions.find((a) => a.convention.id === PLAN && a.data.number === '1')!;
  assert.deepEqual(row('1', 'b2025'), {
    convention: PLAN,
    conventionShortTitle: 'Plan',
    number: '1',
    label: 'Action n°1',
    title: 'Action 1',
    url: action1.path,
    round: 'b2025',
    roundLabel: 'Bilan 2025',
    roundDate: '2025-12',
    roundPeriod: '',
    roundUrl: paths.round(PLAN, 'b2025'),
    indicator: 'R',
    status: 'realise',
    statusLabel: 'Réalisé',
    withdrawn: 'non',
    mergedInto: '',
    withdrawnNote: '',
    comment: '',
    evidence: 'Tableau des recrutements 2025 (documents/)',
  } satisfies FollowUpRecord);
  assert.equal(row('3', 'b2026').comment, 'Livret rédigé, tuteurs à former.');
});

test('a round that did not review the action gives a row with an empty status, not the previous one', () => {
  const notReviewed = row('2', 'b2025');
  assert.equal(row('2', 'b2024').indicator, 'NR');
  assert.deepEqual(
    [notReviewed.indicator, notReviewed.status, notReviewed.statusLabel, notReviewed.withdrawn, notReviewed.comment, notReviewed.evidence],
    ['', '', '', 'non', '', ''],
  );
  assert.deepEqual([notReviewed.roundLabel, notReviewed.roundDate], ['Bilan 2025', '2025-12']);
  // Never reviewed: a row for every round all the same, each without status.
  assert.ok(rows.filter((r) => r.number === '5').every((r) => r.status === '' && r.statusLabel === ''));
});

test('the merged action: withdrawn at its round, with the number of the action that takes it over and the note', () => {
  const merged = row('4', 'b2026');
  assert.deepEqual(
    [merged.withdrawn, merged.mergedInto, merged.withdrawnNote, merged.indicator, merged.status, merged.statusLabel],
    ['oui', '2', 'Reprise par l’action 2.', '', '', ''],
  );
  // Before its withdrawal it is an ordinary action with its statuses.
  assert.deepEqual(
    [row('4', 'b2025').withdrawn, row('4', 'b2025').mergedInto, row('4', 'b2025').withdrawnNote, row('4', 'b2025').statusLabel],
    ['non', '', '', 'Non réalisé'],
  );
  // The action it is merged into exists, under that number, in the same document.
  assert.ok(rows.some((r) => r.convention === merged.convention && r.number === merged.mergedInto));
});

test('columns declared once: every JSON record has the CSV columns, in order, and the CSV reads back to the same values', () => {
  for (const r of rows) assert.deepEqual(Object.keys(r), FOLLOW_UP_FIELDS);
  const csv = followUpToCsv(rows);
  assert.ok(csv.startsWith(`${FOLLOW_UP_FIELDS.join(',')}\r\n`), 'en-tête sans BOM, fin de ligne CRLF');
  assert.ok(csv.endsWith('\r\n'));
  const [header, ...lines] = parseCsv(csv);
  assert.deepEqual(header, FOLLOW_UP_FIELDS);
  assert.deepEqual(
    lines,
    rows.map((r) => FOLLOW_UP_FIELDS.map((f) => r[f])),
  );
  // The comment holds a comma: quoted as in actions.csv.
  assert.ok(csv.includes(',"Livret rédigé, tuteurs à former.",'));
});

test('CSV escaping: quotes doubled, fields with a comma, a quote or a line break quoted, read back as written', () => {
  const files = catalogueFiles().map((f) =>
    f.file.endsWith(`${PLAN}/action-1.mdx`)
      ? {
          ...f,
          frontmatter: {
            ...(f.frontmatter as Record<string, unknown>),
            statuses: [
              { round: 'b2024', status: 'EC', comment: 'Le jury a dit "oui", puis\nnon.' },
              { round: 'b2025', status: 'R', evidence: [{ title: 'Rapport, p. 3', file: 'rapport.pdf' }] },
              { round: 'b2026', status: 'R' },
            ],
          },
        }
      : f,
  );
  const edited = followUpRecords(fixtureCatalogue(files).actions);
  const csv = followUpToCsv(edited);
  assert.ok(csv.includes(',"Le jury a dit ""oui"", puis\nnon.",'), 'guillemets doublés, champ entre guillemets');
  assert.ok(csv.includes(',"Rapport, p. 3 (justificatifs/rapport.pdf)"\r\n'), 'virgule : champ entre guillemets');
  const [, ...lines] = parseCsv(csv);
  assert.equal(lines.length, edited.length, 'un saut de ligne dans un champ ne crée pas de ligne');
  assert.equal(lines[0]![FOLLOW_UP_FIELDS.indexOf('comment')], 'Le jury a dit "oui", puis\nnon.');
  assert.equal(lines[1]![FOLLOW_UP_FIELDS.indexOf('evidence')], 'Rapport, p. 3 (justificatifs/rapport.pdf)');
});

test("each record of actions.json carries its rounds: the follow-up's round fields, row for row", () => {
  assert.deepEqual(ROUND_FIELDS, FOLLOW_UP_FIELDS.slice(FOLLOW_UP_FIELDS.indexOf('round')));
  const fromActions = catalogue.actions.flatMap((a) => toRecord(a).rounds);
  assert.deepEqual(
    fromActions,
    rows.map((r) => Object.fromEntries(ROUND_FIELDS.map((f) => [f, r[f]]))),
  );
  const accordAction = catalogue.actions.find((a) => a.convention.id === ACCORD)!;
  assert.deepEqual(toRecord(accordAction).rounds, []);
});
