/**
 * The search page's filters (Pagefind filter keys and their French labels): the page's form
 * (src/pages/recherche/index.astro), its script (src/scripts/search.ts) and the browser tests read
 * this one list; the pages declare them in src/layouts/Base.astro (`searchFilters`). No `import.meta.env` here, so that Node can load it outside Vite.
 */
export const SEARCH_FILTERS = [
  { key: 'type', label: "Type d'élément" },
  { key: 'document', label: 'Document' },
  { key: 'statut', label: 'Statut' },
  { key: 'theme', label: 'Thème' },
  /** Whether the document was replaced by a newer one (src/catalogue/dates.ts `replacementState`). */
  { key: 'etat', label: 'État du document' },
] as const;
