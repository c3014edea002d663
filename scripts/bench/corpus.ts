/**
 * Deterministic synthetic corpus in this project's own content format, for the build benchmark
 * (issue 9): the same arguments always give the same bytes. It writes `<out>/content/` shaped like
 * the real documents: several documents, each with its own level words (Axe / Objectif / Action,
 * Thème / Action "3.2", Axe / Action n° per axis, Section / Article / lettered Engagement, and a
 * circular with parts, chapters and procedures), most text in `wording`, a Markdown body on about
 * one action in eight (some with a list or a table), two review rounds (two statuses per action)
 * in the documents that follow a status scale, lettered sub-items, "cf." cross-references
 * that resolve, glossary terms and organisation names in the text. The glossary and the
 * organisations are copied from the project's own `content/`.
 *
 *   node scripts/bench/corpus.ts --actions 5000 --out /tmp/corpus [--seed 1] [--per-document 250]
 *
 * The generated folder passes `npm run check:content` (scripts/bench/command.ts checks it at every run).
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { frontmatterOrThrow } from '../../src/model/frontmatter.ts';

export interface CorpusOptions {
  /** Total number of actions (actions, measures and lettered commitments) across all documents. */
  actions: number;
  /** PRNG seed. Default 1. */
  seed?: number;
  /** About how many actions each document holds; the number of documents follows. Default 250. */
  perDocument?: number;
  /** The project's content folder, where the glossary and organisations are copied from. */
  sourceContent?: string;
}

export interface CorpusSummary {
  documents: number;
  actions: number;
  bodies: number;
  files: number;
  /** Entries that have a page of their own: documents, sections, axes, actions, procedures, glossary terms, organisations. */
  pages: number;
  counts: Record<string, number>;
}

const projectContent = resolve(dirname(fileURLToPath(import.meta.url)), '../../content');

/** mulberry32: small, fast and good enough to make text; seeded from a string. */
function prng(seedText: string) {
  let h = 1779033703 ^ seedText.length;
  for (let i = 0; i < seedText.length; i++) {
    h = Math.imul(h ^ seedText.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  /** `k` distinct items, in list order. */
  const some = <T>(list: readonly T[], k: number): T[] => {
    const idx = new Set<number>();
    while (idx.size < Math.min(k, list.length)) idx.add(Math.floor(next() * list.length));
    return [...idx].sort((x, y) => x - y).map((i) => list[i]!);
  };
  return { next, int, pick, chance, some };
}
type Rng = ReturnType<typeof prng>;

// ---------------------------------------------------------------------------------------------
// Vocabulary. Objects carry the themes they belong to, so that themes and text agree.

const VERBS = [
  'Renforcer',
  'Développer',
  'Mettre en place',
  'Poursuivre',
  'Favoriser',
  'Accompagner',
  'Promouvoir',
  'Améliorer',
  'Généraliser',
  'Faciliter',
  'Consolider',
  'Structurer',
  'Déployer',
  'Organiser',
  'Valoriser',
  'Adapter',
  'Évaluer',
  'Pérenniser',
  'Diffuser',
  'Systématiser',
  'Professionnaliser',
  'Sécuriser',
  'Anticiper',
  'Simplifier',
];

const OBJECTS: [string, string[], string[]][] = [
  ['le recrutement des personnes en situation de handicap', ['recrutement-integration'], ['personnes-handicapees', 'rh-referents']],
  ["l'accueil et l'intégration des agents nouvellement recrutés", ['recrutement-integration'], ['personnes-handicapees', 'encadrants']],
  ["le maintien dans l'emploi des agents dont l'état de santé évolue", ['maintien-emploi'], ['personnes-handicapees', 'sante-travail']],
  [
    'les aménagements de poste et leur suivi dans le temps',
    ['maintien-emploi', 'aides-compensation'],
    ['personnes-handicapees', 'sante-travail'],
  ],
  ["l'accessibilité numérique des applications internes", ['accessibilite-numerique'], ['tous-agents']],
  ["la formation des encadrants à l'accueil du handicap", ['formation'], ['encadrants']],
  ['le réseau des correspondants handicap', ['pilotage-gouvernance'], ['rh-referents']],
  ['les achats auprès du secteur protégé et adapté', ['secteur-protege-adapte'], ['employeurs-partenaires']],
  ["l'accueil d'apprentis et de stagiaires en situation de handicap", ['apprentissage'], ['jeunes-etudiants', 'personnes-handicapees']],
  ["la sensibilisation de l'ensemble des personnels", ['sensibilisation-communication'], ['tous-agents']],
  ['les parcours de reconversion professionnelle', ['reclassement-reconversion'], ['personnes-handicapees', 'rh-referents']],
  ["l'accessibilité des locaux et des postes de travail", ['accessibilite-locaux'], ['tous-agents', 'personnes-handicapees']],
  ['le suivi des indicateurs de la convention', ['pilotage-gouvernance'], ['rh-referents', 'employeurs-partenaires']],
  ["la déclaration annuelle de l'obligation d'emploi", ['pilotage-gouvernance'], ['rh-referents']],
  ["l'accompagnement des agents dans leurs démarches de reconnaissance", ['aides-compensation'], ['personnes-handicapees']],
  ['les entretiens de carrière des chercheurs', ['carriere', 'ethique-recherche'], ['chercheurs']],
  ['la prévention des risques psychosociaux', ['conditions-travail'], ['tous-agents', 'sante-travail']],
  ["l'égalité de traitement dans les promotions", ['egalite-non-discrimination', 'carriere'], ['tous-agents']],
  ['la communication interne sur la politique handicap', ['sensibilisation-communication'], ['tous-agents']],
  [
    'les partenariats avec les organismes de placement spécialisés',
    ['recrutement-integration'],
    ['demandeurs-emploi', 'employeurs-partenaires'],
  ],
  ['le tutorat des personnes nouvellement recrutées', ['recrutement-integration'], ['encadrants', 'personnes-handicapees']],
  ['la prise en charge des aides techniques et humaines', ['aides-compensation'], ['personnes-handicapees']],
  ['la mobilité des agents en situation de handicap', ['carriere'], ['personnes-handicapees', 'rh-referents']],
  [
    "l'organisation du télétravail pour raison de santé",
    ['conditions-travail', 'maintien-emploi'],
    ['personnes-handicapees', 'encadrants'],
  ],
  ['la formation des personnes en situation de handicap', ['formation'], ['personnes-handicapees']],
  ["l'intégrité scientifique et l'éthique de la recherche", ['ethique-recherche'], ['chercheurs']],
];

const PLACES = [
  'au sein de chaque délégation régionale',
  "dans l'ensemble des services",
  'pour les personnels chercheurs, ingénieurs et techniciens',
  'dans le cadre de la convention',
  "à l'échelle nationale et territoriale",
  'pour toute la durée du plan',
  "dès l'arrivée de l'agent",
  'selon un calendrier partagé avec les instances',
  'dans les unités de recherche',
  'auprès des services déconcentrés',
];
const DETAILS = [
  'guide, fiches pratiques, page intranet',
  'bilan annuel présenté aux instances',
  'vigilance quant au choix du tuteur, lettre de mission',
  'réunions trimestrielles, compte rendu diffusé',
  'questionnaire de satisfaction, retour d’expérience',
  'modules en ligne et classes virtuelles',
  'campagne annuelle, affiches et vidéos sous-titrées',
  'diagnostic, plan de travaux, calendrier',
];
const SUBJECTS = [
  'Le pôle handicap',
  'Chaque délégation régionale',
  'Le correspondant handicap',
  'La direction des ressources humaines',
  'Le comité de suivi',
  'Le service de santé au travail',
  'La mission handicap',
  'Chaque direction',
];
const PRESENT = [
  'assure le suivi de',
  'coordonne',
  'présente chaque année',
  'évalue',
  'organise',
  'finance en partie',
  'documente',
  'prépare',
  'anime',
  'recense',
];
const CONNECTORS = ['Par ailleurs,', 'En outre,', 'À cette fin,', 'Dans ce cadre,', 'Au terme de chaque année,', 'Pour mémoire,'];
const INDICATORS = [
  'Nombre de personnes recrutées',
  "Taux d'emploi direct (%)",
  "Nombre d'aménagements de poste",
  "Nombre d'agents formés",
  'Nombre de sessions de sensibilisation',
  'Montant des achats au secteur protégé (k€)',
  "Nombre d'apprentis accueillis",
];
const SERVICES = [
  'Direction des ressources humaines',
  'Délégation régionale Grand Est',
  'Délégation régionale Occitanie',
  'Délégation régionale Bretagne',
  'Direction des affaires financières',
  'Secrétariat général',
  'Direction du numérique',
  'Délégation régionale Auvergne-Rhône-Alpes',
  'Direction des achats',
  'Délégation régionale Hauts-de-France',
  'Direction juridique',
  'Délégation régionale Nouvelle-Aquitaine',
];
const LEGAL = [
  'loi n° 87-517 du 10 juillet 1987',
  'loi n° 2005-102 du 11 février 2005',
  'décret n° 95-979 du 25 août 1995',
  'décret n° 2006-501 du 3 mai 2006',
  'loi n° 2018-771 du 5 septembre 2018',
  'loi n° 2019-828 du 6 août 2019',
];
const PROCEDURES = [
  'Recrutement par concours',
  'Recrutement par voie contractuelle',
  'Procédure de titularisation',
  "Accueil de l'agent handicapé",
  'Aménagement de poste',
  'Aménagement des conditions de travail',
  'Nouvelles aides',
  'Accessibilité des sites',
  'Reclassement',
  "Cessation progressive d'activité",
  'Formation des agents handicapés',
  'Communication',
  'Contrat et suivi',
];
const HRS4R_STATUSES = ['Réalisé', 'En cours', 'Action revue', 'Mise à jour', 'Plus à réaliser'];
const ORDINALS = ['1ère', '2ème', '3ème', '4ème', '5ème', '6ème'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
const LETTERS = 'abcdefghijkl';

// ---------------------------------------------------------------------------------------------
// Text makers.

interface Names {
  /** Glossary terms as printed, the most common first. */
  terms: string[];
  common: string[];
  /** Organisation names as the texts print them. */
  organisations: string[];
}

function readNames(sourceContent: string): Names {
  const read = (folder: string) =>
    readdirSync(join(sourceContent, folder))
      .filter((f) => f.endsWith('.mdx'))
      .sort()
      .map((f) => ({
        id: f.replace(/\.mdx$/, ''),
        data: frontmatterOrThrow(readFileSync(join(sourceContent, folder, f), 'utf8'), f).data,
      }));
  const glossary = read('glossaire');
  const terms = glossary.map((g) => String(g.data.term));
  const commonIds = [
    'rqth',
    'esat',
    'ea',
    'mdph',
    'amenagement-de-poste',
    'maintien-dans-l-emploi',
    'emploi-accompagne',
    'temps-partiel-therapeutique',
    'pmsmp',
    'duoday',
    'seeph',
    'obligation-d-emploi',
    'taux-d-emploi',
    'bilan-de-competences',
    'cpf',
    'rh',
    'accessibilite-numerique',
  ];
  const common = glossary.filter((g) => commonIds.includes(g.id)).map((g) => String(g.data.term));
  // A role is named with its article ("le référent handicap"), an organisation by its short name.
  const organisations = read('organisations').map((o) => {
    const { shortName, names } = o.data as { shortName?: string; names: string[] };
    const name = shortName ?? names[0]!;
    if (o.data.kind !== 'role') return name;
    const lower = name.charAt(0).toLowerCase() + name.slice(1);
    if (/^\S+[sx]\b/.test(lower)) return `les ${lower}`;
    return /^[aeéèêiouh]/i.test(lower) ? `l'${lower}` : `le ${lower}`;
  });
  return { terms, common: common.length > 0 ? common : terms, organisations };
}

function textMaker(r: Rng, names: Names) {
  const term = () => (r.chance(0.7) ? r.pick(names.common) : r.pick(names.terms));
  const org = () => r.pick(names.organisations);
  const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const object = () => r.pick(OBJECTS);
  /** A sentence of a body or a section. */
  const sentence = (): string => {
    const [obj] = object();
    switch (r.int(0, 5)) {
      case 0:
        return `${r.pick(SUBJECTS)} ${r.pick(PRESENT)} ${obj} ${r.pick(PLACES)}.`;
      case 1:
        return `En concertation avec ${org()}, ${lower(r.pick(SUBJECTS))} ${r.pick(PRESENT)} ${obj}.`;
      case 2:
        return `Les dispositifs mobilisés sont notamment les suivants : ${term()}, ${term()} et ${term()}.`;
      case 3:
        return `${r.pick(CONNECTORS)} ${lower(r.pick(SUBJECTS))} ${r.pick(PRESENT)} ${obj} (${r.pick(DETAILS)}).`;
      case 4:
        return `Un bilan est présenté chaque année aux instances ; il porte sur ${obj} et sur les demandes traitées (${term()}).`;
      default:
        return `${upper(obj)} fait l'objet d'un suivi ${r.pick(['trimestriel', 'semestriel', 'annuel'])} en lien avec ${org()}.`;
    }
  };
  const paragraph = (min = 2, max = 4) => Array.from({ length: r.int(min, max) }, sentence).join(' ');
  const list = () => {
    const n = r.int(3, 5);
    return Array.from(
      { length: n },
      (_, i) => `- ${lower(r.pick(VERBS))} ${r.pick(OBJECTS)[0]} ${r.pick(PLACES)}${i === n - 1 ? '.' : ' ;'}`,
    ).join('\n');
  };
  const table = () => {
    const years = ['2023', '2024', '2025'];
    const rows = r.some(INDICATORS, r.int(2, 4)).map((ind) => `| ${ind} | ${years.map(() => r.int(2, 180)).join(' | ')} |`);
    return [`| Indicateur | ${years.join(' | ')} |`, `| --- | ${years.map(() => '---:').join(' | ')} |`, ...rows].join('\n');
  };
  /** A Markdown body: paragraphs, sometimes a heading, a list or a table, and optional extra sentences. */
  const body = (extra: string[] = [], opts: { heading?: boolean } = {}) => {
    const blocks = [paragraph()];
    if (opts.heading && r.chance(0.5)) blocks.push(`## ${upper(r.pick(OBJECTS)[0])}`);
    if (r.chance(0.4)) blocks.push(`${r.pick(CONNECTORS)} les mesures prévues sont les suivantes :`, list());
    if (r.chance(0.15)) blocks.push(`Le tableau ci-dessous reprend les indicateurs de suivi.`, table());
    if (r.chance(0.6)) blocks.push(paragraph(1, 3));
    blocks.push(...extra);
    return blocks.join('\n\n');
  };
  /** An action: title (opening words), full wording, themes and audience. */
  const action = () => {
    const [obj, themes, audience] = object();
    const title = `${r.pick(VERBS)} ${obj}`;
    let wording = title;
    if (r.chance(0.7)) wording += ` ${r.pick(PLACES)}`;
    if (r.chance(0.35)) wording += `, en lien avec ${org()}`;
    const d = r.int(0, 3);
    if (d === 1) wording += ` (${r.pick(DETAILS)})`;
    else if (d === 2) wording += ` (${term()}, ${term()})`;
    else if (d === 3) wording += ` (au moins ${r.int(2, 12)} ${r.pick(['sessions', 'réunions', 'actions', 'supports'])} par an)`;
    if (r.chance(0.2)) wording += `. ${sentence()}`;
    else wording += '.';
    const extraAudience = r.chance(0.3) ? [r.pick(['rh-referents', 'encadrants', 'tous-agents'])] : [];
    return { title, wording, themes: [...new Set(themes)], audience: [...new Set([...audience, ...extraAudience])] };
  };
  return { term, org, sentence, paragraph, list, table, body, action, upper, lower };
}

// ---------------------------------------------------------------------------------------------
// Writers.

const q = (s: string) => JSON.stringify(s);
const list = (xs: readonly string[]) => `[${xs.map((x) => (/^[a-z0-9-]+$/.test(x) ? x : q(x))).join(', ')}]`;

/** Front matter lines from an object: strings quoted, arrays and objects in JSON (valid YAML). */
function frontMatter(data: Record<string, unknown>): string {
  const lines = Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      if (typeof v === 'string') return `${k}: ${q(v)}`;
      if (typeof v === 'number' || typeof v === 'boolean') return `${k}: ${v}`;
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return `${k}: ${list(v)}`;
      return `${k}: ${JSON.stringify(v)}`;
    });
  return `---\n${lines.join('\n')}\n---\n`;
}

class Files {
  readonly map = new Map<string, string>();
  bodies = 0;
  add(path: string, data: Record<string, unknown>, body?: string) {
    if (this.map.has(path)) throw new Error(`corpus : fichier en double ${path}`);
    this.map.set(path, frontMatter(data) + (body ? `\n${body}\n` : ''));
  }
}

interface Doc {
  id: string;
  index: number;
  service: string;
  year: number;
}

function conventionFile(f: Files, doc: Doc, data: Record<string, unknown>, body: string) {
  f.add(`conventions/${doc.id}.mdx`, { ...data, published: `${doc.year}-01-15`, order: doc.index }, body);
}

type T = ReturnType<typeof textMaker>;

/** Spreads `n` items over `k` groups, as evenly as the PRNG allows (each group ≥ 1 when n ≥ k). */
function spread(r: Rng, n: number, k: number): number[] {
  const out = Array.from({ length: k }, () => Math.floor(n / k));
  for (let i = 0; i < n % k; i++) out[i]! += 1;
  // Move a few items around so that groups differ in size, as in the real documents.
  for (let i = 0; i < k; i++) {
    const j = r.int(0, k - 1);
    const m = Math.min(out[i]! - 1, r.int(0, Math.floor(out[i]! / 3)));
    if (m > 0 && i !== j) {
      out[i]! -= m;
      out[j]! += m;
    }
  }
  return out;
}

/** A plan with axes, objectives and actions numbered across the document (Inserm FIPHFP plan). */
function planDocument(f: Files, r: Rng, t: T, doc: Doc, n: number) {
  const axisCount = Math.max(2, Math.min(8, Math.ceil(n / 12)));
  conventionFile(
    f,
    doc,
    {
      title: `Plan d'actions en faveur de l'inclusion des personnes en situation de handicap — ${doc.service} ${doc.year}-${doc.year + 2}`,
      shortTitle: `Plan handicap ${doc.service} ${doc.year}`,
      kind: 'plan-actions',
      issuer: doc.service,
      parties: [
        { name: doc.service, role: 'employeur' },
        { name: "FIPHFP (Fonds pour l'insertion des personnes handicapées dans la fonction publique)", role: 'financeur' },
      ],
      dates: { inForce: `${doc.year}-01-01`, end: String(doc.year + 2) },
      summary: `Les ${n} actions du plan handicap de la ${doc.service.toLowerCase()}, organisées en ${axisCount} axes et cofinancées par le FIPHFP, avec leur indicateur de suivi.`,
      levels: {
        axis: { singular: 'Axe', plural: 'Axes', label: 'Axe n°{n}' },
        objective: { singular: 'Objectif', plural: 'Objectifs', label: 'Objectif n°{n}' },
        action: { singular: 'Action', plural: 'Actions', label: 'Action n°{n}' },
      },
      statusScale: [
        { code: 'R', legend: 'Objectif réalisé', status: 'realise' },
        { code: 'PR', legend: 'Objectif partiellement réalisé', status: 'partiellement-realise' },
        { code: 'EC', legend: 'Objectif en cours', status: 'en-cours' },
        { code: 'NR', legend: 'Objectif non réalisé', status: 'non-realise' },
      ],
      rounds: [
        {
          id: `bilans-${doc.year}-${doc.year + 1}`,
          label: `Bilans ${doc.year} et ${doc.year + 1} de la convention`,
          period: `${doc.year}-${doc.year + 1}`,
        },
        // A second round: every action carries two statuses, as a plan reviewed over the years does.
        { id: `bilan-${doc.year + 2}`, label: `Bilan ${doc.year + 2} de la convention`, period: String(doc.year + 2) },
      ],
      source: {
        file: `synthetique-${doc.id}.txt`,
        note: 'Document synthétique produit par scripts/bench/corpus.ts pour mesurer la construction.',
      },
    },
    t.body(),
  );
  const perAxis = spread(r, n, axisCount);
  const width = String(n).length;
  let number = 0;
  let order = 0;
  for (let a = 1; a <= axisCount; a++) {
    const count = perAxis[a - 1]!;
    f.add(
      `axes/${doc.id}/axe-${a}.mdx`,
      { convention: doc.id, number: String(a), title: t.upper(r.pick(OBJECTS)[0]) },
      r.chance(0.3) ? t.body() : undefined,
    );
    // The last axis lists its items directly, the last two as unnumbered measures (like axe 8).
    const last = a === axisCount && axisCount > 2;
    const objectives = last ? [count] : spread(r, count, Math.max(1, Math.min(4, Math.round(count / 8))));
    objectives.forEach((size, o) => {
      if (!last)
        f.add(`objectives/${doc.id}/axe-${a}-objectif-${o + 1}.mdx`, {
          convention: doc.id,
          axis: String(a),
          number: String(o + 1),
          title: t.upper(`${t.lower(r.pick(VERBS))} ${r.pick(OBJECTS)[0]}`),
        });
      for (let i = 0; i < size; i++) {
        order++;
        const measure = last && i >= size - Math.min(2, size - 1);
        const x = t.action();
        const data: Record<string, unknown> = {
          convention: doc.id,
          axis: String(a),
          objective: last ? undefined : String(o + 1),
          kind: measure ? 'mesure' : 'action',
        };
        let path: string;
        if (measure) path = `actions/${doc.id}/axe-${a}-mesure-${i + 1}.mdx`;
        else {
          number++;
          data.number = String(number);
          path = `actions/${doc.id}/action-${String(number).padStart(width, '0')}.mdx`;
          // Cross-reference to an earlier action, numbered across the document.
          if (number > 3 && r.chance(0.04)) x.wording = x.wording.replace(/\.$/, ` (cf. action ${r.int(1, number - 1)}).`);
        }
        Object.assign(data, {
          order,
          title: x.title,
          wording: x.wording,
          statuses: [
            { round: `bilans-${doc.year}-${doc.year + 1}`, status: r.pick(['PR', 'EC', 'EC', 'NR']) },
            { round: `bilan-${doc.year + 2}`, status: r.pick(['R', 'R', 'PR', 'EC', 'EC', 'NR']) },
          ],
          themes: x.themes,
          audience: x.audience,
        });
        if (measure) data.notes = ['Mesure sans numéro dans le document, financée exclusivement par l’employeur.'];
        f.add(path, data, bodyFor(f, r, t));
      }
    });
  }
}

/** One action in eight has a body. */
function bodyFor(f: Files, r: Rng, t: T, extra: string[] = []): string | undefined {
  if (!r.chance(1 / 8)) return undefined;
  f.bodies++;
  return t.body(extra);
}

/** An HRS4R-like plan: themes, actions numbered "theme.k" with dates, responsibles, sub-items. */
function themeDocument(f: Files, r: Rng, t: T, doc: Doc, n: number) {
  const themeCount = Math.max(2, Math.min(8, Math.ceil(n / 10)));
  conventionFile(
    f,
    doc,
    {
      title: `Stratégie ressources humaines pour les chercheurs — ${doc.service} — Plan d'action ${doc.year}`,
      shortTitle: `Plan d'action HRS4R ${doc.service} ${doc.year}`,
      kind: 'plan-actions',
      issuer: doc.service,
      milestones: [
        { date: `${doc.year - 4}-05`, label: 'Première soumission' },
        { date: `${doc.year}-03`, label: 'Renouvellement du label' },
      ],
      parties: [{ name: doc.service, role: 'emetteur' }],
      dates: {},
      summary: `Le plan d'action HRS4R de la ${doc.service.toLowerCase()} : ${n} actions réparties en ${themeCount} thèmes, avec leur état d'avancement, leurs échéances et leurs responsables.`,
      levels: {
        axis: { singular: 'Thème', plural: 'Thèmes', label: 'Thème {n}' },
        objective: { singular: 'Objectif', plural: 'Objectifs', label: 'Objectif {n}' },
        action: { singular: 'Action', plural: 'Actions', label: 'Action {n}', numbering: 'document' },
      },
      statusScale: HRS4R_STATUSES.map((code, i) => ({
        code,
        legend: code,
        status: ['realise', 'en-cours', 'revue', 'mise-a-jour', 'abandonne'][i],
      })),
      rounds: [
        { id: `evaluation-interne-${doc.year}`, label: 'Évaluation en interne', date: `${doc.year}-03` },
        { id: `evaluation-externe-${doc.year + 1}`, label: 'Évaluation externe', date: `${doc.year + 1}-03` },
      ],
      source: { file: `synthetique-${doc.id}.txt` },
    },
    `- ${doc.year - 4} | Première soumission\n- ${doc.year} | Renouvellement du label`,
  );
  let order = 0;
  for (let k = 1; k <= 3; k++)
    f.add(
      `sections/${doc.id}/contexte-${k}.mdx`,
      { convention: doc.id, kind: 'contexte', number: String(k), label: `${k}.`, title: t.upper(r.pick(OBJECTS)[0]), order: ++order },
      t.body([], { heading: true }),
    );
  f.add(
    `sections/${doc.id}/abreviations.mdx`,
    { convention: doc.id, kind: 'abreviations', title: 'Abréviations utilisées', order: ++order },
    Array.from({ length: 6 }, () => `- ${t.term()} : ${r.pick(SUBJECTS).toLowerCase()}`).join('\n'),
  );
  f.add(`sections/${doc.id}/partie-4.mdx`, {
    convention: doc.id,
    kind: 'partie',
    number: '4',
    label: '4.',
    title: 'Actions à mettre en œuvre',
    order: ++order,
  });
  f.add(
    `sections/${doc.id}/nota-bene.mdx`,
    { convention: doc.id, kind: 'note', title: 'Nota Bene', parent: 'partie-4', order: ++order },
    t.list(),
  );
  const perTheme = spread(r, n, themeCount);
  const numbers = perTheme.flatMap((c, i) => Array.from({ length: c }, (_, k) => `${i + 1}.${k + 1}`));
  let order2 = 0;
  for (let th = 1; th <= themeCount; th++) {
    f.add(`axes/${doc.id}/theme-${th}.mdx`, {
      convention: doc.id,
      number: String(th),
      title: t.upper(r.pick(OBJECTS)[0]),
      section: 'partie-4',
    });
    let group: string | undefined;
    for (let k = 1; k <= perTheme[th - 1]!; k++) {
      order2++;
      const x = t.action();
      if (r.chance(0.1)) group = r.chance(0.5) ? undefined : t.upper(`${t.lower(r.pick(VERBS))} ${r.pick(OBJECTS)[0]}`);
      const status = r.pick(['Réalisé', 'Réalisé', 'En cours', 'En cours', 'Action revue', 'Mise à jour', 'Plus à réaliser']);
      const data: Record<string, unknown> = {
        convention: doc.id,
        axis: String(th),
        kind: 'action',
        number: `${th}.${k}`,
        order: order2,
        group,
        title: x.title,
        wording: x.wording,
      };
      if (r.chance(0.03)) {
        const target = r.pick(numbers);
        data.extension = `Homogénéiser les pratiques régionales (cf. action ${target})`;
        data.seeAlso = [target];
      }
      if (th > themeCount - 2) data.novelty = true;
      // Two rounds: the first one's status drawn apart, the second one's is the current status.
      data.statuses = [
        { round: `evaluation-interne-${doc.year}`, status: r.pick(['En cours', 'En cours', 'Action revue', 'Mise à jour']) },
        { round: `evaluation-externe-${doc.year + 1}`, status },
      ];
      if (r.chance(0.12)) {
        data.wording = `${x.title} :`;
        data.subItems = Array.from({ length: r.int(2, 4) }, (_, i) => {
          const sub: Record<string, unknown> = { letter: LETTERS[i]!, text: `${t.lower(r.pick(VERBS))} ${r.pick(OBJECTS)[0]}` };
          if (r.chance(0.5))
            Object.assign(
              sub,
              r.chance(0.5)
                ? { status: 'Réalisé', dates: { done: String(doc.year - r.int(1, 4)) } }
                : { status: 'En cours', dates: { due: `${r.pick(['1st', '2nd'])} sem. ${doc.year + r.int(0, 2)}` } },
            );
          return sub;
        });
      }
      if (r.chance(0.6))
        data.responsible = r.some(['RH', 'Délégations régionales', 'DPRE', 'DISC', 'Directeurs d’unité', 'Pôle handicap'], r.int(1, 2));
      data.dates =
        status === 'Réalisé'
          ? { done: String(doc.year - r.int(1, 5)) }
          : r.chance(0.6)
            ? { due: `${r.pick(['1st', '2nd'])} sem. ${doc.year + r.int(0, 2)}` }
            : undefined;
      Object.assign(data, { themes: x.themes, audience: x.audience });
      f.add(`actions/${doc.id}/action-${th}-${k}.mdx`, data, bodyFor(f, r, t));
    }
  }
}

/** A convention with preamble, articles, annexes, axes and actions numbered afresh in each axis (Ucanss). */
function conventionDocument(f: Files, r: Rng, t: T, doc: Doc, n: number) {
  const axisCount = Math.max(2, Math.min(6, Math.ceil(n / 8)));
  const articles = 11;
  const annexes = 4;
  conventionFile(
    f,
    doc,
    {
      title: `Convention nationale entre la ${doc.service} et l'Agefiph`,
      shortTitle: `Convention ${doc.service}-Agefiph ${doc.year}`,
      kind: 'convention',
      issuer: `${doc.service} et Agefiph`,
      parties: [
        {
          name: "Agefiph (Association pour la Gestion du Fonds pour l'Insertion Professionnelle des Personnes Handicapées)",
          role: 'financeur',
        },
        { name: doc.service, role: 'employeur' },
      ],
      dates: { inForce: `${doc.year}-04-01`, end: `${doc.year + 3}-03-31` },
      summary: `Convention nationale de trois ans entre la ${doc.service.toLowerCase()} et l'Agefiph : ${n} actions réparties en ${axisCount} axes en faveur de l'emploi des personnes en situation de handicap.`,
      levels: {
        axis: { singular: 'Axe', plural: 'Axes', label: 'Axe {n}' },
        objective: { singular: 'Objectif', plural: 'Objectifs', label: 'Objectif {n}' },
        action: { singular: 'Action', plural: 'Actions', label: 'Action n°{n}', numbering: 'axis' },
      },
      source: { file: `synthetique-${doc.id}.txt` },
    },
    `### Identification des parties\n\n${t.paragraph()}`,
  );
  let order = 0;
  f.add(
    `sections/${doc.id}/preambule.mdx`,
    { convention: doc.id, kind: 'preambule', title: 'Préambule', order: ++order },
    t.body([`${t.sentence().replace(/\.$/, '')} (cf. annexe ${r.int(1, annexes)}).`], { heading: true }),
  );
  for (let a = 1; a <= articles; a++)
    f.add(
      `sections/${doc.id}/article-${a}.mdx`,
      { convention: doc.id, kind: 'article', number: String(a), title: t.upper(r.pick(OBJECTS)[0]), order: ++order },
      a === 3 ? undefined : t.body(r.chance(0.3) ? [`Les modalités sont précisées plus loin (cf. article ${r.int(1, articles)}).`] : []),
    );
  for (let a = 1; a <= annexes; a++)
    f.add(
      `sections/${doc.id}/annexe-${a}.mdx`,
      { convention: doc.id, kind: 'annexe', number: String(a), title: `Annexe ${a} : ${r.pick(OBJECTS)[0]}`, order: ++order },
      r.chance(0.5) ? t.table() : t.body(),
    );
  f.add(
    `sections/${doc.id}/signataires.mdx`,
    { convention: doc.id, kind: 'signataires', title: 'Signataires', order: ++order },
    `Fait en deux exemplaires.\n\n- Pour l'Agefiph, la présidente\n- Pour la ${doc.service.toLowerCase()}, le directeur`,
  );
  const perAxis = spread(r, n, axisCount);
  let order2 = 0;
  for (let a = 1; a <= axisCount; a++) {
    f.add(
      `axes/${doc.id}/axe-${a}.mdx`,
      { convention: doc.id, number: String(a), title: t.upper(r.pick(OBJECTS)[0]), section: 'article-3' },
      `Objectifs principaux : ${t.lower(r.pick(VERBS))} ${r.pick(OBJECTS)[0]}\n\n${t.list()}\n\n## Le constat\n\n${t.paragraph(3, 5)}`,
    );
    for (let k = 1; k <= perAxis[a - 1]!; k++) {
      const x = t.action();
      if (r.chance(0.05)) x.wording = x.wording.replace(/\.$/, ` (cf. annexe ${r.int(1, annexes)}).`);
      f.add(
        `actions/${doc.id}/axe-${a}-action-${k}.mdx`,
        {
          convention: doc.id,
          axis: String(a),
          kind: 'action',
          number: String(k),
          order: ++order2,
          title: x.title,
          wording: x.wording,
          themes: x.themes,
          audience: x.audience,
        },
        bodyFor(f, r, t, r.chance(0.3) ? [`Voir aussi l'axe voisin (cf. axe ${r.int(1, axisCount)}).`] : []),
      );
    }
  }
}

/** A multiparty convention: sections, articles and lettered commitments numbered in each article. */
function engagementDocument(f: Files, r: Rng, t: T, doc: Doc, n: number) {
  const perArticle: number[] = [];
  for (let left = n; left > 0;) {
    const k = Math.min(left, r.chance(0.25) ? 0 : r.int(2, 12));
    perArticle.push(k);
    left -= k;
  }
  const sectionCount = Math.max(1, Math.ceil(perArticle.length / 3));
  conventionFile(
    f,
    doc,
    {
      title: `Convention pluriannuelle multipartite de mobilisation pour l’emploi des personnes en situation de handicap — ${doc.service} ${doc.year}-${doc.year + 3}`,
      shortTitle: `Convention multipartite ${doc.service} ${doc.year}`,
      kind: 'convention',
      issuer: `Les signataires : l’Etat, ${doc.service}, Agefiph et FIPHFP`,
      parties: ['Etat', doc.service, 'Agefiph', 'FIPHFP', 'Pôle emploi'].map((name) => ({ name, role: 'signataire' })),
      dates: { signed: `${doc.year}-11`, end: String(doc.year + 3) },
      summary: `Convention par laquelle les signataires s’engagent pour quatre ans : ${perArticle.length} articles répartis en une section liminaire et ${sectionCount} sections, dont ${n} engagements lettrés.`,
      levels: {
        axis: { singular: 'Section', plural: 'Sections', label: 'Section {n}' },
        objective: { singular: 'Article', plural: 'Articles', label: 'Article {n}' },
        action: { singular: 'Engagement', plural: 'Engagements', label: '{n})', numbering: 'objective' },
      },
      source: { file: `synthetique-${doc.id}.txt` },
    },
    t.paragraph(),
  );
  let order = 0;
  f.add(`sections/${doc.id}/preambule.mdx`, { convention: doc.id, kind: 'preambule', title: 'Préambule', order: ++order }, t.body());
  f.add(
    `sections/${doc.id}/visas.mdx`,
    { convention: doc.id, kind: 'visas', title: 'Visas', order: ++order },
    r
      .some(LEGAL, 4)
      .map((l) => `- Vu la ${l},`)
      .join('\n'),
  );
  f.add(
    `sections/${doc.id}/considerants.mdx`,
    { convention: doc.id, kind: 'considerants', title: 'Considérants', order: ++order },
    Array.from({ length: 4 }, () => `- Considérant que ${t.lower(t.sentence())}`).join('\n'),
  );
  f.add(
    `sections/${doc.id}/signataires.mdx`,
    { convention: doc.id, kind: 'signataires', title: 'Signataires', order: ++order },
    ['Etat', doc.service, 'Agefiph', 'FIPHFP', 'Pôle emploi'].map((p) => `- ${p}`).join('\n'),
  );
  f.add(`axes/${doc.id}/section-liminaire.mdx`, {
    convention: doc.id,
    number: 'liminaire',
    title: 'Engagements généraux',
    label: 'Section liminaire',
  });
  for (let s = 1; s <= sectionCount; s++)
    f.add(`axes/${doc.id}/section-${s}.mdx`, {
      convention: doc.id,
      number: String(s),
      title: t.upper(`${t.lower(r.pick(VERBS))} ${r.pick(OBJECTS)[0]}`),
    });
  let order2 = 0;
  perArticle.forEach((count, i) => {
    const article = i + 1;
    const axis = article === 1 ? 'liminaire' : String(Math.min(sectionCount, Math.ceil((article - 1) / 3) || 1));
    f.add(
      `objectives/${doc.id}/article-${article}.mdx`,
      { convention: doc.id, axis, number: String(article), title: t.upper(r.pick(OBJECTS)[0]) },
      `${t.paragraph()}${count > 0 ? ' Dans cet objectif, ils décident de :' : ''}`,
    );
    for (let k = 0; k < count; k++) {
      const x = t.action();
      const wording = `${t.lower(x.wording.replace(/\.$/, ''))}${k === count - 1 ? '.' : ','}`;
      f.add(
        `actions/${doc.id}/article-${article}-${LETTERS[k]}.mdx`,
        {
          convention: doc.id,
          axis,
          objective: String(article),
          kind: 'engagement',
          number: LETTERS[k]!,
          order: ++order2,
          title: t.lower(x.title),
          wording,
          themes: x.themes,
          audience: x.audience,
        },
        bodyFor(f, r, t),
      );
    }
  });
}

/** A circular: parts, chapters and sub-chapters as sections, procedures, no actions (Justice). */
function circularDocument(f: Files, r: Rng, t: T, doc: Doc) {
  conventionFile(
    f,
    doc,
    {
      title: `Circulaire relative au recrutement, à l’intégration et au maintien dans l’emploi des personnes handicapées — ${doc.service}`,
      shortTitle: `Circulaire ${doc.service} ${doc.year}`,
      kind: 'circulaire',
      issuer: doc.service,
      reference: `NOR SYNT${doc.year}${String(doc.index).padStart(4, '0')}C`,
      parties: [
        { name: doc.service, role: 'emetteur' },
        { name: 'Directeurs des services déconcentrés', role: 'partenaire' },
      ],
      dates: { signed: `${doc.year}-12-15` },
      summary: `Circulaire de la ${doc.service.toLowerCase()} relative au recrutement, à l'intégration et au maintien dans l'emploi des personnes handicapées, avec ${PROCEDURES.length} procédures détaillées.`,
      levels: {
        axis: { singular: 'Partie', plural: 'Parties', label: 'Partie {n}' },
        objective: { singular: 'Chapitre', plural: 'Chapitres', label: 'Chapitre {n}' },
        action: { singular: 'Mesure', plural: 'Mesures', label: 'Mesure {n}' },
      },
      source: { file: `synthetique-${doc.id}.txt` },
    },
    `${t.paragraph()}\n\n## Sommaire\n\n${t.list()}`,
  );
  let order = 0;
  f.add(`sections/${doc.id}/preambule.mdx`, { convention: doc.id, kind: 'preambule', title: 'Préambule', order: ++order }, t.body());
  const leaves: string[] = [];
  for (let p = 1; p <= 3; p++) {
    f.add(
      `sections/${doc.id}/partie-${p}.mdx`,
      {
        convention: doc.id,
        kind: 'partie',
        number: String(p),
        title: t.upper(r.pick(OBJECTS)[0]),
        label: `${ORDINALS[p - 1]} partie`,
        order: ++order,
        audience: 'personnels gestionnaires',
      },
      `Cette partie concerne plus particulièrement les personnels gestionnaires\n\n${t.list()}`,
    );
    for (let c = 1; c <= 2; c++) {
      const chapter = `partie-${p}-chapitre-${c}`;
      f.add(
        `sections/${doc.id}/${chapter}.mdx`,
        {
          convention: doc.id,
          kind: 'chapitre',
          number: ROMAN[c - 1]!,
          title: t.upper(r.pick(OBJECTS)[0]),
          order: ++order,
          parent: `partie-${p}`,
        },
        t.body(),
      );
      for (let s = 1; s <= r.int(2, 4); s++) {
        leaves.push(`${chapter}-${s}`);
        f.add(
          `sections/${doc.id}/${chapter}-${s}.mdx`,
          {
            convention: doc.id,
            kind: 'chapitre',
            number: String(s),
            label: String(s),
            title: t.upper(r.pick(OBJECTS)[0]),
            order: ++order,
            parent: chapter,
          },
          t.body([], { heading: true }),
        );
      }
    }
  }
  const slugify = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  PROCEDURES.forEach((title, i) => {
    const [, themes] = r.pick(OBJECTS);
    f.add(
      `procedures/${doc.id}/${slugify(title)}.mdx`,
      {
        convention: doc.id,
        section: r.pick(leaves),
        number: String(i + 1),
        title,
        summary: t.sentence(),
        order: i + 1,
        themes,
        audience: ['personnels gestionnaires'],
        actors: r.some(SUBJECTS, r.int(2, 4)).map((name) => ({ name: t.lower(name), role: `${r.pick(PRESENT)} ${r.pick(OBJECTS)[0]}` })),
        steps: Array.from({ length: r.int(3, 7) }, () => {
          const step: Record<string, unknown> = { title: t.upper(`${t.lower(r.pick(VERBS))} ${r.pick(OBJECTS)[0]}`) };
          if (r.chance(0.7)) step.actor = t.lower(r.pick(SUBJECTS));
          if (r.chance(0.4))
            step.when = r.pick(['dans un délai de 3 mois', 'après neuf mois de présence', "dès l'arrivée de l'agent", 'chaque année']);
          step.text = r.chance(0.1) ? `${t.sentence().replace(/\.$/, '')} (cf. annexe ${r.int(1, 4)}).` : t.sentence();
          return step;
        }),
        documents: Array.from({ length: r.int(2, 4) }, () =>
          r.pick([
            'certificat médical',
            'décision de la CDAPH',
            "rapport d'évaluation",
            'devis du matériel',
            'avis du médecin de prévention',
            'procès-verbal',
          ]),
        ).filter((d, k, all) => all.indexOf(d) === k),
        legalReferences: r.some(LEGAL, r.int(1, 3)),
      },
      r.chance(0.3) ? t.body() : undefined,
    );
  });
}

const STYLES = [
  { prefix: 'plan-handicap', make: planDocument },
  { prefix: 'plan-hrs4r', make: themeDocument },
  { prefix: 'convention-nationale', make: conventionDocument },
  { prefix: 'convention-multipartite', make: engagementDocument },
];

/** Builds the corpus in memory: path under content/ → file text. Glossary and organisations excluded (copied as they are). */
export function generateCorpus(options: CorpusOptions): { files: Map<string, string>; summary: CorpusSummary } {
  const { actions, seed = 1, perDocument = 250 } = options;
  if (!Number.isInteger(actions) || actions < 4) throw new Error(`corpus : --actions doit être un entier ≥ 4 (reçu ${actions})`);
  const names = readNames(options.sourceContent ?? projectContent);
  const r = prng(`${seed}:${actions}:${perDocument}`);
  const t = textMaker(r, names);
  const f = new Files();
  const actionDocs = Math.max(4, Math.round(actions / perDocument));
  const circulars = Math.max(1, Math.round(actionDocs / 4));
  const perDoc = Array.from({ length: actionDocs }, (_, i) => Math.floor(actions / actionDocs) + (i < actions % actionDocs ? 1 : 0));
  let index = 0;
  const doc = (prefix: string): Doc => {
    index++;
    const service = SERVICES[(index - 1) % SERVICES.length]! + (index > SERVICES.length ? ` ${Math.ceil(index / SERVICES.length)}` : '');
    return { id: `${prefix}-${String(index).padStart(2, '0')}`, index, service, year: 2016 + (index % 8) };
  };
  perDoc.forEach((n, i) => {
    const style = STYLES[i % STYLES.length]!;
    style.make(f, r, t, doc(style.prefix), n);
    if ((i + 1) % 4 === 0 && (i + 1) / 4 <= circulars) circularDocument(f, r, t, doc('circulaire'));
  });
  for (let c = Math.floor(actionDocs / 4); c < circulars; c++) circularDocument(f, r, t, doc('circulaire'));

  const counts: Record<string, number> = {};
  for (const path of f.map.keys()) {
    const folder = path.split('/')[0]!;
    counts[folder] = (counts[folder] ?? 0) + 1;
  }
  const pages = (counts.conventions ?? 0) + (counts.sections ?? 0) + (counts.axes ?? 0) + (counts.actions ?? 0) + (counts.procedures ?? 0);
  return {
    files: f.map,
    summary: { documents: counts.conventions ?? 0, actions: counts.actions ?? 0, bodies: f.bodies, files: f.map.size, pages, counts },
  };
}

/** Marks a folder as this generator's: only the content/ of such a folder is ever emptied. */
const CORPUS_MARK = '.corpus-synthetique';

/**
 * Empties `<out>/content/` when this generator wrote it (its mark beside it) or it is empty: a
 * mistyped `--out .` must not remove a project's own content (issue 19, destructive commands stay
 * inside their fence). A link in its place is never followed.
 */
function emptyContent(out: string): void {
  const content = join(out, 'content');
  let link: boolean;
  try {
    link = lstatSync(content).isSymbolicLink();
  } catch {
    return;
  }
  const ours = existsSync(join(out, CORPUS_MARK)) || (!link && readdirSync(content).length === 0);
  if (link || !ours) {
    throw new Error(
      `${content} existe et n’a pas été écrit par ce générateur (${link ? 'c’est un lien symbolique' : `pas de fichier ${CORPUS_MARK} à côté`}) : rien n’a été supprimé ; choisissez pour --out un dossier neuf ou vide.`,
    );
  }
  rmSync(content, { recursive: true });
}

/**
 * Writes the corpus to `<out>/content/` (emptied first, only if this generator wrote it), with the
 * project's glossary and organisations copied beside it. Returns what was written.
 */
export function writeCorpus(out: string, options: CorpusOptions): CorpusSummary {
  const source = options.sourceContent ?? projectContent;
  const { files, summary } = generateCorpus(options);
  const content = join(out, 'content');
  emptyContent(out);
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, CORPUS_MARK),
    'Corpus synthétique de scripts/bench/corpus.ts : son dossier content/ est vidé à chaque écriture.\n',
  );
  for (const [path, text] of files) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  let copied = 0;
  for (const folder of ['glossaire', 'organisations']) {
    cpSync(join(source, folder), join(content, folder), { recursive: true });
    const n = readdirSync(join(source, folder)).filter((x) => x.endsWith('.mdx')).length;
    summary.counts[folder] = n;
    copied += n;
  }
  summary.files += copied;
  summary.pages += copied;
  return summary;
}

function argsOf(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`argument inattendu : ${a}`);
    const [k, v] = a.includes('=') ? a.slice(2).split(/=(.*)/s) : [a.slice(2), argv[++i]];
    if (v === undefined) throw new Error(`valeur manquante pour --${k}`);
    out[k] = v;
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = argsOf(process.argv.slice(2));
  if (!args.actions || !args.out) {
    console.error('Usage : node scripts/bench/corpus.ts --actions 5000 --out /tmp/corpus [--seed 1] [--per-document 250]');
    process.exit(2);
  }
  let summary: CorpusSummary;
  try {
    summary = writeCorpus(resolve(args.out), {
      actions: Number(args.actions),
      seed: args.seed ? Number(args.seed) : undefined,
      perDocument: args['per-document'] ? Number(args['per-document']) : undefined,
    });
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const list = Object.entries(summary.counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  console.log(
    `Corpus écrit dans ${join(resolve(args.out), 'content')} : ${summary.documents} documents, ${summary.actions} actions (${summary.bodies} avec un corps), ${summary.pages} pages d'entrées ; ${list}.`,
  );
}
