/**
 * Ce que l’éditeur du site règle une fois pour tout le site. Vérifié à la construction par
 * src/model/site.ts : un champ absent ou faux arrête la construction avec un message qui le nomme,
 * et une valeur encore provisoire (« à renseigner ») aussi, sauf en version de travail (`draft: true`).
 *
 * Ce sont ici les réglages du site de démonstration : il est publié par le projet libre lui-même,
 * à partir de cinq documents publics, et ne parle au nom d’aucun organisme.
 */
import { parseSite } from './model/site.ts';

export const site = parseSite({
  // Nom du site, en tête de chaque page et à la fin du titre de chaque onglet.
  name: 'Politique handicap — conventions et plans',
  // Une phrase sous le nom, sur la page d’accueil.
  tagline:
    "Les conventions et plans d'actions en faveur de l'inclusion des personnes en situation de handicap, consultables et cherchables.",
  // Qui publie le site (pied de page : « publié par … », déclaration d’accessibilité).
  organisation:
    'le projet libre « Conventions handicap », à titre de démonstration, à partir de cinq documents publics (Inserm, Ucanss et Agefiph, convention multipartite, ministère de la Justice)',
  // L’organisme qui publie, tel que l’en-tête le montre à côté du nom du site : son nom court, et
  // au besoin son logo et sa couleur d’accent. Le logo est un fichier SVG ou PNG déposé dans public/,
  // avec le texte qu’il porte : logo: { file: 'logo.svg', alt: 'Nom de l’organisme' }. La couleur
  // d’accent (liens, boutons, contour du focus) se donne pour chaque thème :
  // accent: { light: '#1f3a93', dark: '#a4bcff' } ; une couleur trop pâle (ou trop sombre) pour
  // être lue est refusée, avec la plus proche qui convient.
  identity: {
    name: 'Démonstration « Conventions handicap »',
  },
  // Version de travail : true accepte les valeurs « à renseigner » et l’écrit en tête de chaque page.
  draft: false,
  // Déclaration d’accessibilité (page « Accessibilité », modèle officiel du RGAA 4.1).
  accessibility: {
    // Aucun audit n’a été réalisé : la loi impose alors « non » conforme. Après un audit, donnez
    // auditDate, auditor, rate (taux de critères respectés) et le niveau qui en découle.
    conformity: 'non',
    declarationDate: '2026-12-07',
    nonAccessible: [
      'Les documents sources (PDF) ne sont pas publiés sur ce site : leur texte y est transcrit en HTML.',
      "Certaines annexes des documents sources (organigrammes, graphiques) n'existent que sous forme d'image dans les originaux et ne sont pas reproduites ; le site le signale là où elles manquent.",
    ],
    exemptions: [],
    // Pages de l’échantillon de l’audit : seulement quand un audit a eu lieu.
    pagesAudited: [],
    // Un site publié donne au moins un moyen de contact (courriel, formulaire, adresse postale) ;
    // la démonstration n’a personne pour répondre, et le dit.
    contact: {
      note: "Ce site de démonstration n'a pas de service pour répondre aux demandes : les documents reproduits restent disponibles auprès des organismes qui les ont publiés.",
    },
  },
  // Licence des données ouvertes (page « Données ouvertes », schémas, datapackage.json) :
  // 'etalab-2.0' (Licence Ouverte 2.0, par défaut), 'ODbL-1.0', 'CC-BY-4.0' ou 'CC0-1.0'.
  licence: 'etalab-2.0',
  // Mentions légales.
  legal: {
    publisher:
      'Aucun organisme : ce site est une démonstration du logiciel libre « Conventions handicap », construite à partir de cinq documents publics ; il n’engage aucun des organismes qui les ont publiés.',
    director: 'Sans objet : site de démonstration, sans directeur ni directrice de la publication.',
    host: 'Le serveur où cette démonstration est installée : le site est un dossier de fichiers statiques, déposable sur tout serveur web.',
  },
});
