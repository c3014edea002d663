import { z } from 'astro/zod';

/**
 * The themes shared by every document: a closed vocabulary, so that a référent can ask "what do
 * our conventions say about apprentices?" across documents. Each action, commitment and procedure
 * carries one or more of them (`themes:` in its front matter). Add a theme here, with its
 * definition, before using it in content.
 */
export const THEMES = {
  'recrutement-integration': {
    label: 'Recrutement et intégration',
    description:
      "Recruter des personnes en situation de handicap (voie contractuelle, concours, emplois réservés) et les accueillir : tutorat, parcours d'intégration, titularisation.",
  },
  apprentissage: {
    label: 'Apprentissage et stages',
    description: 'Apprentis, stagiaires, alternance, immersions professionnelles (PMSMP, DuoDay) et jeunes en formation.',
  },
  'secteur-protege-adapte': {
    label: 'Secteur protégé et adapté',
    description:
      'Achats et sous-traitance auprès des ESAT, entreprises adaptées et travailleurs indépendants handicapés ; emploi accompagné.',
  },
  'maintien-emploi': {
    label: "Maintien dans l'emploi",
    description:
      'Garder en emploi une personne dont la santé ou le handicap change : aménagement de poste, signalement précoce, accompagnement, PDP.',
  },
  'reclassement-reconversion': {
    label: 'Reclassement et reconversion',
    description:
      'Changer de poste, de métier ou de corps quand le poste ne peut plus être tenu : reclassement, période de préparation au reclassement, reconversion.',
  },
  formation: {
    label: 'Formation',
    description:
      'Former les personnes en situation de handicap (accès, aménagements) et former les acteurs (encadrants, RH, référents) au handicap.',
  },
  'sensibilisation-communication': {
    label: 'Sensibilisation et communication',
    description:
      'Faire connaître la politique handicap, lutter contre les préjugés, informer les agents : campagnes, SEEPH, guides, intranet.',
  },
  'accessibilite-numerique': {
    label: 'Accessibilité numérique',
    description:
      'Sites, applications, documents et outils de travail numériques utilisables par tous (RGAA), aides techniques informatiques.',
  },
  'accessibilite-locaux': {
    label: 'Accessibilité des locaux',
    description: 'Bâtiments, postes de travail, transports et évacuation accessibles ; diagnostics et travaux.',
  },
  'pilotage-gouvernance': {
    label: 'Pilotage et gouvernance',
    description:
      "Qui décide et suit : comités, référents et correspondants, bilans, indicateurs, déclaration d'obligation d'emploi, budget de la convention.",
  },
  'aides-compensation': {
    label: 'Aides et compensation',
    description:
      'Aides financières et techniques (FIPHFP, Agefiph), compensation du handicap, aides humaines, transport, RQTH et démarches de reconnaissance.',
  },
  carriere: {
    label: 'Carrière et parcours professionnel',
    description: 'Évolution professionnelle, mobilité, promotion, évaluation, entretiens de carrière, égal accès aux responsabilités.',
  },
  'conditions-travail': {
    label: 'Conditions de travail et qualité de vie',
    description:
      'Santé au travail, médecine de prévention, organisation et temps de travail, télétravail, qualité de vie au travail, prévention des risques.',
  },
  'egalite-non-discrimination': {
    label: 'Égalité et non-discrimination',
    description: 'Égalité de traitement, diversité, égalité femmes-hommes, lutte contre les discriminations et le harcèlement.',
  },
  'ethique-recherche': {
    label: 'Éthique et carrières de la recherche',
    description:
      'Principes de la Charte européenne du chercheur et du Code de conduite (HRS4R) : éthique, intégrité, liberté de recherche, carrières des chercheurs.',
  },
} as const;

export type ThemeKey = keyof typeof THEMES;
export const THEME_KEYS = Object.keys(THEMES) as [ThemeKey, ...ThemeKey[]];

/** One or more themes, from the closed list. */
export const themeList = z.array(z.enum(THEME_KEYS)).min(1, { error: 'au moins un thème est attendu' }).meta({ title: 'Thèmes' });
