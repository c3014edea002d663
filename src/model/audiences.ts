import { z } from 'astro/zod';

/**
 * Whom an action is for or who must act: a closed vocabulary used by the actions index filters
 * (`audience:` in an action's front matter).
 */
export const AUDIENCES = {
  'personnes-handicapees': {
    label: 'Personnes en situation de handicap',
    description: "Agents, salariés, candidats ou apprentis en situation de handicap, bénéficiaires de l'obligation d'emploi.",
  },
  'tous-agents': { label: 'Ensemble du personnel', description: 'Tous les agents ou salariés, collectifs de travail.' },
  encadrants: { label: 'Encadrants', description: "Managers, chefs de service, directeurs d'unité, tuteurs." },
  'rh-referents': {
    label: 'Ressources humaines et référents',
    description: 'Services RH, gestionnaires, référents et correspondants handicap, acteurs de la politique handicap.',
  },
  'sante-travail': {
    label: 'Santé au travail',
    description: 'Médecins de prévention, assistants de service social, ergonomes, préventeurs.',
  },
  chercheurs: { label: 'Chercheurs et chercheuses', description: 'Personnels de recherche, doctorants, post-doctorants (plan HRS4R).' },
  'jeunes-etudiants': { label: 'Jeunes, apprentis et étudiants', description: 'Apprentis, stagiaires, étudiants, jeunes en insertion.' },
  'employeurs-partenaires': {
    label: 'Employeurs et partenaires',
    description: 'Employeurs, organismes de placement, fonds (FIPHFP, Agefiph), partenaires de la convention.',
  },
  'demandeurs-emploi': { label: "Demandeurs d'emploi", description: "Personnes en recherche d'emploi, candidats aux concours." },
} as const;

export type AudienceKey = keyof typeof AUDIENCES;
export const AUDIENCE_KEYS = Object.keys(AUDIENCES) as [AudienceKey, ...AudienceKey[]];

/** One or more audiences, from the closed list. */
export const audienceList = z.array(z.enum(AUDIENCE_KEYS)).min(1, { error: 'au moins un public est attendu' }).meta({ title: 'Publics' });
