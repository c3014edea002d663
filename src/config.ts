/**
 * What the publisher sets once for the whole site. Validated at build by src/model/site.ts:
 * a missing or wrong field stops the build with a message naming it.
 */
import { parseSite } from './model/site.ts';

export const site = parseSite({
  name: 'Politique handicap — conventions et plans',
  tagline:
    "Les conventions et plans d'actions en faveur de l'inclusion des personnes en situation de handicap, consultables et cherchables.",
  organisation: 'Organisme éditeur (à renseigner dans src/config.ts)',
  accessibility: {
    // No audit has been carried out yet: the law then requires "non conforme".
    conformity: 'non',
    declarationDate: '2026-11-23',
    nonAccessible: [
      'Les documents sources (PDF) ne sont pas publiés sur ce site : leur texte y est transcrit en HTML.',
      "Certaines annexes des documents sources (organigrammes, graphiques) n'existent que sous forme d'image dans les originaux et ne sont pas reproduites ; le site le signale là où elles manquent.",
    ],
    exemptions: [],
    pagesAudited: [
      'Accueil',
      "Page d'un document",
      "Page d'un axe",
      "Page d'une action",
      "Page d'une procédure",
      'Recherche',
      'Accessibilité',
      'Plan du site',
    ],
    contact: { email: 'accessibilite@example.org', postal: 'Organisme éditeur, service communication, adresse à renseigner' },
  },
  // Licence of the open data (page « Données ouvertes », schemas, datapackage.json): 'etalab-2.0'
  // (Licence Ouverte 2.0, the default), 'ODbL-1.0', 'CC-BY-4.0' or 'CC0-1.0'.
  licence: 'etalab-2.0',
  legal: {
    publisher: 'Organisme éditeur (nom et adresse à renseigner dans src/config.ts)',
    director: 'Directeur ou directrice de la publication (à renseigner)',
    host: 'Hébergeur (nom et adresse à renseigner) — le site est un dossier de fichiers statiques, déposable sur tout serveur web.',
  },
});
