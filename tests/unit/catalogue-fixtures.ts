/**
 * A small site for the query layer's tests (catalogue, cross-cutting lists, facets, exports): two
 * documents with their own level words, built through the real schemas and integrity checks, then
 * linked by the real buildCatalogue. Files are listed out of order on purpose: the order of the
 * site must come from `order` and the printed numbers, never from the order files are read in.
 */
import assert from 'node:assert/strict';
import type { RawFile } from '../../src/model/validate.ts';
import { validateAll } from '../../src/model/validate.ts';
import { buildCatalogue } from '../../src/catalogue/catalogue.ts';
import { buildSite, type Site } from '../../src/catalogue/site.ts';
import type { Catalogue } from '../../src/catalogue/types.ts';

type Data = Record<string, unknown>;
const file = (collection: RawFile['collection'], folder: string, path: string, frontmatter: Data, body?: string): RawFile => ({
  collection,
  file: `content/${folder}/${path}.mdx`,
  pathInCollection: `${path}.mdx`,
  frontmatter,
  body,
});

/**
 * A plan with axes, objectives, numbered actions, an unnumbered measure, a status scale and three
 * review rounds with every kind of change: a status that moves (action 1 at b2025, action 2 at
 * b2026, from its b2024 status: it was not reviewed in b2025), new actions (3 at b2025, the
 * measure at b2026), an action merged into another (4 into 2 at b2026), one never reviewed (5).
 */
export const PLAN = 'plan-essai';
/** A convention in sections and articles, with lettered commitments, a procedure, no statuses. */
export const ACCORD = 'accord-essai';

const plan = (n: number, data: Data): RawFile =>
  file('actions', 'actions', `${PLAN}/${n ? `action-${n}` : 'mesure'}`, {
    convention: PLAN,
    kind: 'action',
    title: `Action ${n}`,
    wording: `Texte de l'action ${n}.`,
    themes: ['formation'],
    audience: ['tous-agents'],
    ...data,
  });

export function catalogueFiles(): RawFile[] {
  return [
    // The second document first: conventions are ordered by `order`.
    file('conventions', 'conventions', ACCORD, {
      title: "Accord d'essai pour l'emploi",
      shortTitle: 'Accord',
      kind: 'convention',
      issuer: 'Direction générale',
      parties: [{ name: 'Employeur', role: 'employeur' }],
      dates: { signed: '2017-01' },
      summary: 'Un accord pour les tests.',
      levels: {
        axis: { singular: 'Section', plural: 'Sections', label: 'Section {n}' },
        objective: { singular: 'Article', plural: 'Articles', label: 'Article {n}' },
        action: { singular: 'Engagement', plural: 'Engagements', label: 'Engagement {n})', numbering: 'objective' },
      },
      source: { file: 'accord.txt' },
      published: '2023-05-02',
      order: 2,
    }),
    file('conventions', 'conventions', PLAN, {
      title: "Plan d'essai",
      shortTitle: 'Plan',
      kind: 'plan-actions',
      issuer: 'Service RH',
      parties: [{ name: 'Employeur', role: 'employeur' }],
      dates: { inForce: '2023-11-16' },
      summary: 'Un plan pour les tests, avec le FIPHFP.',
      levels: {
        axis: { singular: 'Axe', plural: 'Axes', label: 'Axe n°{n}' },
        objective: { singular: 'Objectif', plural: 'Objectifs', label: 'Objectif n°{n}' },
        action: { singular: 'Action', plural: 'Actions', label: 'Action n°{n}' },
      },
      statusScale: [
        { code: 'R', legend: 'Objectif réalisé', status: 'realise' },
        { code: 'EC', legend: 'En cours de réalisation', status: 'en-cours' },
        { code: 'NR', legend: 'Objectif non réalisé', status: 'non-realise' },
      ],
      rounds: [
        { id: 'b2024', label: 'Bilan 2024', date: '2024-12' },
        { id: 'b2025', label: 'Bilan 2025', date: '2025-12' },
        { id: 'b2026', label: 'Bilan 2026', date: '2026-06', note: 'Revue à mi-parcours.' },
      ],
      source: { file: 'plan.txt' },
      published: '2024-01-15',
      updates: [
        { date: '2025-01-10', note: 'Bilan 2024 : statuts mis à jour' },
        { date: '2026-07-01', note: 'Bilan 2026 : statuts mis à jour' },
      ],
      order: 1,
    }),
    // Axes 10, 2, 1: printed numbers sort as numbers.
    file('axes', 'axes', `${PLAN}/axe-10`, { convention: PLAN, number: '10', title: 'Pilotage' }),
    file('axes', 'axes', `${PLAN}/axe-2`, { convention: PLAN, number: '2', title: 'Maintien dans l’emploi' }),
    file('axes', 'axes', `${PLAN}/axe-1`, { convention: PLAN, number: '1', title: 'Recrutement' }),
    file('objectives', 'objectives', `${PLAN}/axe-1-objectif-2`, { convention: PLAN, axis: '1', number: '2', title: 'Accueillir' }),
    file('objectives', 'objectives', `${PLAN}/axe-1-objectif-1`, { convention: PLAN, axis: '1', number: '1', title: 'Recruter' }),
    file('objectives', 'objectives', `${PLAN}/axe-2-objectif-1`, { convention: PLAN, axis: '2', number: '1', title: 'Adapter les postes' }),
    // Actions in the order of the source: 1, 2, 3 (axis 1), 4 (axis 2, outside any objective),
    // 5 and the unnumbered measure (axis 10).
    plan(5, { axis: '10', number: '5', order: 5, themes: ['pilotage-gouvernance'], responsible: ['RH'] }),
    plan(3, {
      axis: '1',
      objective: '2',
      number: '3',
      order: 3,
      statuses: [
        { round: 'b2025', status: 'EC' },
        { round: 'b2026', status: 'EC', comment: 'Livret rédigé, tuteurs à former.' },
      ],
      wording: 'Accueillir chaque agent ayant une RQTH.',
      subItems: [
        { letter: 'a', text: 'Un livret.' },
        { letter: 'b', text: 'Un tuteur.', status: 'R' },
      ],
      responsible: ['DRH / Pôle carrières', 'RH'],
      themes: ['recrutement-integration', 'formation'],
      audience: ['personnes-handicapees'],
    }),
    plan(1, {
      axis: '1',
      objective: '1',
      number: '1',
      order: 1,
      statuses: [
        { round: 'b2024', status: 'EC' },
        { round: 'b2025', status: 'R', evidence: [{ title: 'Tableau des recrutements 2025', url: '/documents/' }] },
        { round: 'b2026', status: 'R' },
      ],
      seeAlso: ['3'],
      dates: { done: '2024' },
    }),
    plan(2, {
      axis: '1',
      objective: '1',
      number: '2',
      order: 2,
      statuses: [
        { round: 'b2024', status: 'NR' },
        { round: 'b2026', status: 'EC' },
      ],
      themes: ['recrutement-integration'],
      dates: { due: '2nd sem. 2026' },
    }),
    plan(4, {
      axis: '2',
      number: '4',
      order: 4,
      statuses: [
        { round: 'b2024', status: 'NR' },
        { round: 'b2025', status: 'NR' },
      ],
      withdrawn: { round: 'b2026', mergedInto: '2', note: 'Reprise par l’action 2.' },
      themes: ['maintien-emploi'],
      wording: 'Saisir le Fonds pour l’insertion des personnes handicapées dans la fonction publique.',
    }),
    plan(0, {
      axis: '10',
      kind: 'mesure',
      order: 6,
      title: 'Mesure',
      wording: 'Une mesure sans numéro.',
      statuses: [{ round: 'b2026', status: 'EC' }],
    }),
    // The accord: a preamble, a part holding a chapter, one section (axis) in the part with one
    // article (objective) and two lettered commitments, and a procedure in the part.
    file('sections', 'sections', `${ACCORD}/chapitre-1`, {
      convention: ACCORD,
      kind: 'chapitre',
      number: '1',
      title: 'Le chapitre',
      order: 3,
      parent: 'partie-1',
    }),
    file(
      'sections',
      'sections',
      `${ACCORD}/preambule`,
      { convention: ACCORD, kind: 'preambule', title: 'Préambule', order: 1 },
      'Le texte du préambule.',
    ),
    file('sections', 'sections', `${ACCORD}/partie-1`, {
      convention: ACCORD,
      kind: 'partie',
      number: '1',
      title: 'Les engagements',
      order: 2,
    }),
    file('axes', 'axes', `${ACCORD}/section-1`, { convention: ACCORD, number: '1', title: 'Recruter', section: 'partie-1' }),
    file('objectives', 'objectives', `${ACCORD}/section-1-article-2`, {
      convention: ACCORD,
      axis: '1',
      number: '2',
      title: 'Objectifs chiffrés',
    }),
    ...['b', 'a'].map((letter, i) =>
      file('actions', 'actions', `${ACCORD}/article-2-${letter}`, {
        convention: ACCORD,
        axis: '1',
        objective: '2',
        kind: 'engagement',
        number: letter,
        order: 2 - i,
        title: `Engagement ${letter}`,
        wording: `Les signataires s'engagent (${letter}).`,
        themes: ['recrutement-integration'],
        audience: ['employeurs-partenaires'],
      }),
    ),
    file('procedures', 'procedures', `${ACCORD}/amenagement`, {
      convention: ACCORD,
      section: 'partie-1',
      title: 'Aménagement de poste',
      summary: 'Adapter le poste avec le fiphfp.',
      order: 1,
      themes: ['maintien-emploi'],
      steps: [{ title: 'Demande', actor: 'Agent' }],
    }),
    file('glossary', 'glossaire', 'rqth', {
      term: 'RQTH',
      expansion: 'Reconnaissance de la qualité de travailleur handicapé',
      definition: 'Une reconnaissance.',
    }),
    file('organisations', 'organisations', 'fiphfp', {
      kind: 'organisation',
      name: "Fonds pour l'insertion des personnes handicapées dans la fonction publique",
      shortName: 'FIPHFP',
      names: ['FIPHFP', "Fonds pour l'insertion des personnes handicapées dans la fonction publique"],
      description: 'Un fonds.',
    }),
  ];
}

/**
 * A renewed convention and the one it replaces (`replaces` / `replacedBy`, both ways), to add to
 * the files above where a test needs them: each with one axis and one action.
 */
export const OLD = 'ancienne-convention';
export const NEW = 'nouvelle-convention';
export function replacementFiles(): RawFile[] {
  const convention = (id: string, data: Data) =>
    file('conventions', 'conventions', id, {
      title: `Convention ${id}`,
      shortTitle: id,
      kind: 'convention',
      issuer: 'Direction générale',
      parties: [{ name: 'Employeur', role: 'employeur' }],
      dates: {},
      summary: 'Une convention pour les tests.',
      levels: {
        axis: { singular: 'Axe', plural: 'Axes', label: 'Axe {n}' },
        objective: { singular: 'Objectif', plural: 'Objectifs', label: 'Objectif {n}' },
        action: { singular: 'Action', plural: 'Actions', label: 'Action {n}' },
      },
      source: { file: `${id}.txt` },
      ...data,
    });
  return [
    convention(OLD, { published: '2020-03-02', dates: { end: '2022', extendedTo: '2023' }, replacedBy: NEW, order: 3 }),
    convention(NEW, {
      published: '2024-02-01',
      updates: [{ date: '2027-01-04', note: 'Avenant n°1' }],
      replaces: OLD,
      order: 4,
    }),
    ...[OLD, NEW].flatMap((id) => [
      file('axes', 'axes', `${id}/axe-1`, { convention: id, number: '1', title: 'Recruter' }),
      file('actions', 'actions', `${id}/action-1`, {
        convention: id,
        axis: '1',
        kind: 'action',
        number: '1',
        order: 1,
        title: 'Recruter',
        wording: 'Recruter des agents.',
        themes: ['formation'],
        audience: ['tous-agents'],
      }),
    ]),
  ];
}

/** The fixture files, validated (with no problem) and linked. */
export function fixtureCatalogue(files = catalogueFiles()): Catalogue {
  return buildCatalogue(validEntries(files));
}

/** The site (catalogue and indexes, src/catalogue/site.ts) of the fixtures. */
export function fixtureSite(files = catalogueFiles()): Site {
  return buildSite(validEntries(files));
}

function validEntries(files: RawFile[]) {
  const { entries, problems } = validateAll(files);
  assert.deepEqual(problems, [], 'le jeu d’essai est valide');
  return entries;
}
