/**
 * The site's own pages for the errors the web server answers, instead of the server's (in
 * English): one entry per status code, each text written once (issue 19). 404 is
 * src/pages/404.astro, built as 404.html, the name static hosts look for; the others are built by
 * src/pages/erreur/[code].astro at paths.errorPage(code). The deployment configurations
 * (docs/deploiement/) send each code to its page, for requests inside the site and outside it;
 * tests/unit/deployment.test.ts checks that they name every code of this list, and
 * tests/browser/site/deployment.spec.ts provokes each error through nginx.
 */

export interface ErrorPage {
  /** HTTP status code the server answers with. */
  code: number;
  /** The page's title and heading: what the reader meets, not the protocol's name. */
  title: string;
  /** What happened, in the reader's words, and what may have caused it. */
  explanation: string;
}

export const ERROR_PAGES = [
  {
    code: 400,
    title: 'Requête incorrecte',
    explanation:
      'Le serveur n’a pas pu lire la demande envoyée par votre navigateur : l’adresse ou la requête est mal formée. Elle a pu être mal copiée ou modifiée en chemin.',
  },
  {
    code: 403,
    title: 'Accès refusé',
    explanation:
      'Cette adresse correspond à un dossier du site qui n’a pas de page, ou à un fichier que le serveur n’a pas le droit de lire.',
  },
  {
    code: 404,
    title: 'Page introuvable',
    explanation: 'L’adresse demandée ne correspond à aucune page de ce site. Elle a pu être mal saisie ou la page a été déplacée.',
  },
  {
    code: 405,
    title: 'Demande non acceptée',
    explanation:
      'Ce site publie des pages à consulter : il n’accepte ni envoi de données ni modification, et le serveur a refusé la méthode de cette demande.',
  },
  {
    code: 414,
    title: 'Adresse trop longue',
    explanation:
      'L’adresse demandée dépasse la longueur que le serveur accepte. Elle a pu être mal copiée, ou recopiée plusieurs fois bout à bout.',
  },
  {
    code: 500,
    title: 'Erreur du serveur',
    explanation:
      'Le serveur a rencontré un problème en préparant sa réponse. Réessayez dans quelques instants ; si le problème dure, signalez-le à l’organisme qui publie ce site.',
  },
] as const satisfies readonly ErrorPage[];

/** The errors with a page of their own at paths.errorPage(code) (404 has 404.html). */
export const SERVER_ERROR_PAGES: readonly ErrorPage[] = ERROR_PAGES.filter((e) => e.code !== 404);

/** A status code of the list. */
export type ErrorCode = (typeof ERROR_PAGES)[number]['code'];

/** The page of a status code of the list. */
export function errorPage(code: ErrorCode): ErrorPage {
  return ERROR_PAGES.find((e) => e.code === code)!;
}
