/**
 * The content loader: reads `content/` once per build with the same code as
 * `npm run check:content` (src/model/read.ts, src/model/validate.ts), so that the build checks the
 * content once (schemas, then links) and stops on the same French report.
 *
 * Entries stay MDX files, but not every entry needs its own compiled MDX module (issue 9: one
 * module per entry cost ≈37 s at 5,000 actions, most entries having no body at all). A body that
 * uses no MDX syntax is plain Markdown, which MDX renders the same way: it is rendered here with
 * Astro's own Markdown renderer. Only the bodies that need MDX (see `needsMdx`) are compiled as
 * MDX modules, rendered on demand by `render()` like any MDX entry. Every body has passed the
 * body check first (src/model/body.ts): nothing in it runs code or loads from elsewhere.
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { COLLECTIONS, type CollectionName, type Entries } from '../model/collections.ts';
import { ContentError } from '../model/problems.ts';
import { readContent } from '../model/read.ts';
import { validateAll } from '../model/validate.ts';
import { needsMdx } from '../model/body.ts';
import { setLastContentError } from './content-error-state.ts';
import { CONTENT_LOADER } from './terminal.ts';

// Which bodies need MDX is decided in the model, where the body check (src/model/body.ts) reads
// each body as the build will: the same rule for both.
export { needsMdx };

/** Where each file came from, for Astro's store (paths relative to the project root). */
interface Loaded {
  entries: Entries;
  files: Map<string, { body: string; file: string }>;
}

let loaded: { root: string; generation: number; result: Promise<Loaded> } | undefined;
/** Bumped by the dev server's watcher when a content file changes. */
let generation = 0;

/** Reads and validates the whole folder once, for the eight collections. */
function loadAll(root: string): Promise<Loaded> {
  if (loaded?.root === root && loaded.generation === generation) return loaded.result;
  // A promise (not a value) so that a failed read rejects the load that asked for it.
  const result = Promise.resolve().then((): Loaded => {
    const { files, problems: readProblems, unread } = readContent(root);
    const { entries, problems } = validateAll(files, unread, { root });
    const all = [...readProblems, ...problems];
    if (all.length > 0) {
      const error = new ContentError(all);
      // The report names each file and field: a stack trace under it would only bury it.
      error.stack = error.message;
      // For the dev server, which shows it in place of pages built from the last valid entries.
      setLastContentError(error);
      throw error;
    }
    setLastContentError(undefined);
    return { entries, files: new Map(files.map((f) => [`${f.collection}\u0000${f.file}`, { body: f.body ?? '', file: f.file }])) };
  });
  loaded = { root, generation, result };
  return result;
}

let watching = false;

/**
 * A collection with no entry (a starter site has no section, no procedure) is unknown to Astro's
 * store, and `getCollection` then warns in English, on every build, that the collection "does not
 * exist or is empty. Please check your content config file": false here, the collection is defined
 * and merely empty (issue 20, point 7). The store has no call to declare an empty collection;
 * setting and deleting a placeholder entry leaves it there, known and empty.
 */
function keepEmptyCollection(store: LoaderContext['store']): void {
  if (store.keys().length > 0) return;
  const placeholder = 'collection-vide';
  store.set({ id: placeholder, data: {} });
  store.delete(placeholder);
}

export function contentLoader(collection: CollectionName): Loader {
  return {
    name: CONTENT_LOADER,
    load: async (context: LoaderContext) => {
      const { store, config, watcher, logger } = context;
      const root = fileURLToPath(config.root);
      const sync = async () => {
        const { entries, files } = await loadAll(root);
        const untouched = new Set(store.keys());
        for (const entry of entries[collection]) {
          const { body } = files.get(`${collection}\u0000${entry.file}`)!;
          untouched.delete(entry.id);
          const digest = context.generateDigest(`${JSON.stringify(entry.data)}\u0000${body}`);
          const existing = store.get(entry.id);
          if (existing?.digest === digest) {
            if (existing.deferredRender) store.addModuleImport(entry.file);
            continue;
          }
          const text = body.trim();
          const mdx = text !== '' && needsMdx(text);
          store.set({
            id: entry.id,
            data: entry.data,
            body: text === '' ? undefined : body,
            filePath: entry.file,
            digest,
            ...(mdx ? { deferredRender: true } : {}),
            ...(text !== '' && !mdx ? { rendered: await context.renderMarkdown(body, { fileURL: new URL(entry.file, config.root) }) } : {}),
          });
        }
        for (const id of untouched) store.delete(id);
        keepEmptyCollection(store);
      };
      await sync();
      if (!watcher) return;
      const folder = fileURLToPath(new URL(`content/`, config.root));
      if (!watching) {
        watching = true;
        watcher.add(folder);
        // Registered before any collection's own listener: the next read sees the change.
        watcher.on('all', (_event, path) => {
          if (path.startsWith(folder)) generation++;
        });
      }
      watcher.on('all', (_event, path) => {
        if (!path.startsWith(`${folder}${COLLECTIONS[collection].folder}/`)) return;
        void sync().then(
          () => logger.info(`Contenu rechargé : ${path.slice(folder.length)}`),
          (error: unknown) => logger.error((error as Error).message),
        );
      });
    },
  };
}
