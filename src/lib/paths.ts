/**
 * The one place where the site's paths and fragment ids are made (issue 9: URLs are a contract).
 * Paths are relative to the site base (no leading slash): the export publishes them as they are,
 * pages turn them into links with `href()` from ./url.ts. Every page of a document is named after
 * its entry's file, so that a URL says what the document says: `…/section-1/`, `…/theme-3/`,
 * `…/partie-3/`, `…/actions/article-2-g/`. Fragments use the document's own level words
 * (`#article-2`, `#objectif-3`) or the letter printed in the source (`#point-a`).
 *
 * Pure: no Astro, so that the model's checks, the scripts and the tests read the same rules.
 */
import { conventionOf, DOCUMENT_FOLDERS, localName } from '../model/ids.ts';
import { fold } from '../model/text.ts';

export { conventionOf, entryId, localName, ID_PATTERN, SLUG_PATTERN, ROOT_FOLDERS, DOCUMENT_FOLDERS } from '../model/ids.ts';

/** "DRH / Pôle carrières" → "drh-pole-carrieres": a URL segment or an id for a free-text value. */
export function slugify(text: string): string {
  return (
    fold(text)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'sans-nom'
  );
}

/** A page of a document named after its entry's file: "ucanss…/article-6" → "ucanss…/article-6/". */
const documentPage = (id: string) => `${conventionOf(id)}/${localName(id)}/`;
/** An entry in one of a document's folders: "inserm…/action-12" → "inserm…/actions/action-12/". */
const inFolder = (folder: string, id: string) => `${conventionOf(id)}/${folder}/${localName(id)}/`;

/**
 * Fragment ids that other pages and the export link to. Objectives are named with the document's
 * word for that level and their printed number, dots turned into hyphens: "Article" + "2" →
 * `article-2`, "Objectif" + "1.2" → `objectif-1-2`; numbers are unique within an axis, so the id is
 * unique on the axis page. Lettered sub-items of an action: "a" → `point-a`.
 */
export const anchors = {
  objective: (objectiveWord: string, number: string) => `${slugify(objectiveWord)}-${slugify(number)}`,
  subItem: (letter: string) => `point-${slugify(letter)}`,
  /**
   * Prefix of the ids inside an entry's text on the print page, where every text of the document
   * shares one page: "section-1-", and "section-1-article-2-" for an objective of that axis.
   */
  printScope: (id: string, anchor?: string) => `${localName(id)}-${anchor === undefined ? '' : `${anchor}-`}`,
  /** Prefix of the ids inside the document's own introduction on the print page. */
  printIntroScope: () => 'document-',
  /** A level word of the document inside an id: "Articles" → `articles`, "Thème" → `theme`. */
  word: (levelWord: string) => slugify(levelWord),
  /** A table under a heading: `article-2-tableau`, or the n-th one, `engagements-tableau-2`. */
  table: (headingId: string, n?: number) => `${headingId}-tableau${n === undefined ? '' : `-${n}`}`,
  /** The n-th sub-heading the source prints inside a list of actions. */
  group: (n: number) => `groupe-${n}`,
  /** The n-th step of a procedure (from 1, as numbered on the page): pages that are part of it link there. */
  step: (n: number) => `etape-${n}`,
  /**
   * The n-th update of a document (from 1, oldest first, so that it never changes when an update
   * is added) in its history on the document page: the feed links each update there.
   */
  update: (n: number) => `mise-a-jour-${n}`,
  /** An indicator on its action's page, by its id (unique in the document): `indicateur-taux-emploi`. */
  indicator: (id: string) => `indicateur-${id}`,
};

export const paths = {
  home: () => '',
  /** Every published document, one card each: the menu's entry for the documents. */
  documents: () => 'documents/',
  search: () => 'recherche/',
  siteMap: () => 'plan-du-site/',
  accessibility: () => 'accessibilite/',
  legal: () => 'mentions-legales/',
  /** Print-ready single page of a convention. */
  print: (conventionId: string) => `${conventionId}/${DOCUMENT_FOLDERS.print}/`,
  convention: (conventionId: string) => `${conventionId}/`,
  /** Axes live under their convention, named after their file: `convention-multipartite…/section-1/`. */
  axis: (axisId: string) => documentPage(axisId),
  /** Sections too, beside the axes: `ucanss…/article-6/`, `justice…/partie-3/`. */
  section: (sectionId: string) => documentPage(sectionId),
  /** An objective is a part of its axis page: `…/section-1/#article-2`. */
  objective: (axisId: string, anchor: string) => `${documentPage(axisId)}#${anchor}`,
  /** Actions live in their convention's actions/ folder, named after their file: `inserm…/actions/action-12/`. */
  action: (actionId: string) => inFolder(DOCUMENT_FOLDERS.actions, actionId),
  /** A lettered sub-item is a part of its action's page: `…/actions/action-3/#point-a`. */
  subItem: (actionId: string, letter: string) => `${inFolder(DOCUMENT_FOLDERS.actions, actionId)}#${anchors.subItem(letter)}`,
  procedure: (procedureId: string) => inFolder(DOCUMENT_FOLDERS.procedures, procedureId),
  /** A document's review rounds, and every action's status at each of them: `inserm…/bilans/`. */
  rounds: (conventionId: string) => `${conventionId}/${DOCUMENT_FOLDERS.rounds}/`,
  /** A review round's "what changed" page: `inserm…/bilans/bilans-2023-2025/`. */
  round: (conventionId: string, roundId: string) => `${conventionId}/${DOCUMENT_FOLDERS.rounds}/${roundId}/`,
  /** Every indicator of a document and of its actions, against its target (issue 24): `inserm…/indicateurs/`. */
  indicators: (conventionId: string) => `${conventionId}/${DOCUMENT_FOLDERS.indicators}/`,
  /**
   * An indicator's table, where it is shown in full: on the page of the action that follows it,
   * or, for the document's own, on its document's indicators page: `…/actions/action-1/#indicateur-recrutements`.
   */
  indicator: (conventionId: string, indicatorId: string, actionId?: string) =>
    `${actionId === undefined ? `${conventionId}/${DOCUMENT_FOLDERS.indicators}/` : inFolder(DOCUMENT_FOLDERS.actions, actionId)}#${anchors.indicator(indicatorId)}`,
  themes: () => 'themes/',
  theme: (key: string) => `themes/${key}/`,
  /** Every action and commitment of every document, in one table. */
  actionsIndex: () => 'actions/',
  /** The actions index narrowed to one value of one facet, for readers without JavaScript. */
  actionsFacet: (facet: string, value: string) => `actions/${facet}/${value}/`,
  glossary: () => 'glossaire/',
  glossaryTerm: (id: string) => `glossaire/${id}/`,
  organisations: () => 'organisations/',
  organisation: (id: string) => `organisations/${id}/`,
  /** The open data: every file below, with its format, size, rows, schema and licence (issue 12). */
  openData: () => 'donnees/',
  exportJson: () => 'donnees/actions.json',
  exportCsv: () => 'donnees/actions.csv',
  itemsJson: () => 'donnees/elements.json',
  itemsCsv: () => 'donnees/elements.csv',
  /** Follow-up of the actions: one row per action and review round. */
  followUpJson: () => 'donnees/suivi.json',
  followUpCsv: () => 'donnees/suivi.csv',
  /** Indicators (issue 24): one row per indicator and review round of its document. */
  indicatorsJson: () => 'donnees/indicateurs.json',
  indicatorsCsv: () => 'donnees/indicateurs.csv',
  /** Table Schema of a CSV export: `donnees/actions.schema.json`. */
  dataSchema: (table: string) => `donnees/${table}.schema.json`,
  /** The Frictionless Data Package describing every data file. */
  dataPackage: () => 'donnees/datapackage.json',
  /** The colours of both themes, with the publisher's accent (src/model/palette.ts). */
  colours: () => 'couleurs.css',
  /** Feed of the documents' publications, updates and review rounds. */
  feed: () => 'fil.xml',
  /** The site's page for an error the web server answers (src/lib/error-pages.ts; 404 is 404.html). */
  errorPage: (code: number) => `erreur/${code}/`,
};

/**
 * The site's base path as the site, its scripts, tools, tests and configurations use it: one
 * leading and one trailing slash, however BASE_PATH was written ("intranet/handicap",
 * "/intranet/handicap" → "/intranet/handicap/"; unset or empty → "/"). The one normaliser.
 */
export function normaliseBase(base: string | undefined): string {
  // Most calls get a base already normalised (per link, in the page pass): returned as it is.
  if (base !== undefined && base.length > 1 && base.startsWith('/') && base.endsWith('/') && !base.startsWith('//') && !base.endsWith('//'))
    return base;
  const inner = (base ?? '').replace(/^\/+|\/+$/g, '');
  return inner === '' ? '/' : `/${inner}/`;
}

/** Joins the site base and a base-relative path into an absolute URL path. */
export function joinBase(base: string, path: string): string {
  return `${normaliseBase(base)}${path.replace(/^\/+/, '')}`;
}

/**
 * Pages of the lists that grow with the site (issue 9: no page over ~100 KB compressed). Page 1
 * keeps the list's own path; the next ones sit under it: `actions/` → `actions/page-2/`.
 */
export const listPaths = {
  page: (first: string, n: number) => (n <= 1 ? first : `${first}page-${n}/`),
  /** The `[...page]` route parameter of page `n`: undefined for the first page. */
  param: (n: number) => (n <= 1 ? undefined : `page-${n}`),
  /** Plan du site of one document: its sections, axes, actions and procedures. */
  siteMapDocument: (conventionId: string) => `plan-du-site/${conventionId}/`,
  /** The actions in compact form, fetched by the filters of the actions index on first use. */
  actionsData: () => 'actions/filtres.json',
};
