/**
 * The pages of each dynamic route: which addresses it has (its `getStaticPaths()`), and what each
 * page is given to show. A route hands Astro only its parameters; the page finds what it shows by
 * them (`propsOf(Astro.params)`), in a table made once with the site.
 *
 * Why not props: with parallel prerendering (astro.config.mjs) Astro serializes each page's props
 * to send them to the thread that renders it, and a catalogue node links to the whole catalogue
 * (an action to its document, to its axes, to their actions…): every page would copy the site.
 * Each thread builds the site once (./content.ts), and the table of each route once from it.
 */
import type { ActionNode, AxisNode, ConventionNode, DocumentGroup, SectionNode } from './types.ts';
import { getCatalogue, getSite } from './content.ts';
import { ITEMS_PER_PAGE, LINKS_PER_PAGE, ROWS_PER_PAGE, paginate, paginateGroups } from './paginate.ts';
import { listPaths, localName } from '../lib/paths.ts';
import { documentIndicators } from './indicators.ts';

/** A route's parameters, as Astro gives them back: a list's first page has no `page`. */
export type Params = Record<string, string | undefined>;

/** One page of a route: its parameters and what it shows. */
interface Page<P> {
  params: Params;
  props: P;
}

/** The same parameters give the same key, whatever their order and however a missing one is written. */
function keyOf(params: Params): string {
  return JSON.stringify(
    Object.keys(params)
      .filter((k) => params[k] !== undefined)
      .sort()
      .map((k) => [k, params[k]]),
  );
}

/** A route's table, made once (`pages`: every page of the route, from the site). */
export interface Route<P> {
  /** For `export const getStaticPaths = route.paths`: the parameters alone. */
  paths: () => Promise<{ params: Params }[]>;
  /** What the page at these parameters shows. */
  propsOf: (params: Params) => Promise<P>;
}

function route<P>(pages: () => Promise<Page<P>[]>): Route<P> {
  // The pages listed once per thread: Astro asks for the paths, then each page for its props.
  let listed: Promise<Page<P>[]> | undefined;
  const list = () => (listed ??= pages());
  let table: Promise<Map<string, P>> | undefined;
  return {
    paths: async () => (await list()).map(({ params }) => ({ params })),
    propsOf: async (params) => {
      table ??= list().then((all) => new Map(all.map((p) => [keyOf(p.params), p.props])));
      const props = (await table).get(keyOf(params));
      if (props === undefined)
        throw new Error(`Aucune page à ces paramètres : ${keyOf(params)}. C’est une erreur du moteur du site (src/catalogue/routes.ts).`);
      return props;
    },
  };
}

/** `document/` and `document/imprimer/`: one page per document. */
export const documentPages = route(async () => {
  const { conventions } = await getCatalogue();
  return conventions.map((convention) => ({ params: { convention: convention.id }, props: { convention } }));
});

/** `document/bilans/`: documents with at least one review round. */
export const roundsPages = route(async () => {
  const { conventions } = await getCatalogue();
  return conventions
    .filter((c) => c.rounds.length > 0)
    .map((convention) => ({ params: { convention: convention.id }, props: { convention } }));
});

/** `document/indicateurs/`: documents with at least one indicator, their own or their actions' (issue 24). */
export const indicatorsPages = route(async () => {
  const { conventions } = await getCatalogue();
  return conventions
    .filter((c) => documentIndicators(c).length > 0)
    .map((convention) => ({ params: { convention: convention.id }, props: { convention } }));
});

/** `document/bilans/<round>/`. */
export const roundPages = route(async () => {
  const { conventions } = await getCatalogue();
  return conventions.flatMap((convention) =>
    convention.rounds.map((round) => ({ params: { convention: convention.id, round: round.id }, props: { convention, round } })),
  );
});

/**
 * `document/<page>/`: a document's axis and section pages share one folder level, each named after
 * its file (`…/section-1/`, `…/preambule/`): src/model/integrity.ts refuses two pages with one name.
 */
export const partPages = route<{ axis: AxisNode; section?: undefined } | { section: SectionNode; axis?: undefined }>(async () => {
  const { conventions, sections } = await getCatalogue();
  const params = (node: { convention: ConventionNode; id: string }) => ({ convention: node.convention.id, page: localName(node.id) });
  return [
    ...conventions.flatMap((c) => c.axes.map((axis) => ({ params: params(axis), props: { axis, section: undefined } }))),
    ...sections.map((section) => ({ params: params(section), props: { section, axis: undefined } })),
  ];
});

/** `document/actions/<action>/`. */
export const actionPages = route(async () => {
  const { actions } = await getCatalogue();
  return actions.map((action) => ({ params: { convention: action.convention.id, action: localName(action.id) }, props: { action } }));
});

/** `document/procedures/<procedure>/`. */
export const procedurePages = route(async () => {
  const { procedures } = await getCatalogue();
  return procedures.map((procedure) => ({
    params: { convention: procedure.convention.id, procedure: localName(procedure.id) },
    props: { procedure },
  }));
});

/** Whether a list of actions spans several documents: its rows are then grouped under each one's name. */
const spansDocuments = (actions: readonly ActionNode[]) => new Set(actions.map((a) => a.convention.id)).size > 1;

/** `actions/`, in pages. */
export const actionsIndexPages = route(async () => {
  const { tables, catalogue } = await getSite();
  const grouped = spansDocuments(catalogue.actions);
  return paginate(catalogue.actions, ROWS_PER_PAGE).map((page) => ({
    params: { page: listPaths.param(page.number) },
    props: { tables, page, only: undefined, grouped },
  }));
});

/** `actions/<criterion>/<value>/`, in pages: the actions meeting one criterion. */
export const facetPages = route(async () => {
  const { tables, facets } = await getSite();
  return facets.flatMap((facet) =>
    facet.values.flatMap((value) => {
      const grouped = spansDocuments(value.actions);
      return paginate(value.actions, ROWS_PER_PAGE).map((page) => ({
        params: { facet: facet.key, value: value.value, page: listPaths.param(page.number) },
        props: { tables, only: { facet, value }, page, grouped },
      }));
    }),
  );
});

/** The pages of a list grouped by document (a theme, a glossary term, an organisation): `ITEMS_PER_PAGE` items each. */
function groupedPages<N extends { groups: DocumentGroup[] }>(nodes: N[], params: (node: N, page: string | undefined) => Params) {
  return nodes.flatMap((node) =>
    paginateGroups(node.groups, ITEMS_PER_PAGE).map((page) => ({
      params: params(node, listPaths.param(page.number)),
      props: { node, page },
    })),
  );
}

/** `themes/<theme>/`, in pages. */
export const themePages = route(async () => groupedPages((await getCatalogue()).themes, (theme, page) => ({ theme: theme.key, page })));

/** `glossaire/<terme>/`, in pages. */
export const glossaryPages = route(async () => groupedPages((await getCatalogue()).glossary, (entry, page) => ({ terme: entry.id, page })));

/** `organisations/<organisation>/`, in pages. */
export const organisationPages = route(async () =>
  groupedPages((await getCatalogue()).organisations, (organisation, page) => ({ organisation: organisation.id, page })),
);

/**
 * `plan-du-site/<document>/`, in pages: axes, each followed by its actions, then procedures, the
 * links cut into pages; sections (a document's text, not its list of actions) stay on the first page.
 */
export const siteMapPages = route(async () => {
  const { conventions } = await getCatalogue();
  return conventions.flatMap((convention) => {
    const links = [
      ...convention.axes.flatMap((axis) => [{ axis }, ...axis.actions.map((action) => ({ axis, action }))]),
      ...convention.procedures.map((procedure) => ({ procedure })),
    ];
    return paginate(links, LINKS_PER_PAGE).map((page) => ({
      params: { convention: convention.id, page: listPaths.param(page.number) },
      props: { convention, page },
    }));
  });
});
