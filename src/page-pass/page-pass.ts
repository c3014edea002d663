/**
 * Runs the page pass (./pass.ts) on what a page puts in <main>. During a build it runs in a worker
 * thread: Astro renders pages on one thread, and the pass (parsing and rewriting each page's
 * content) is the largest share of that work, so the machine's second core takes it while the
 * next pages render (Astro keeps several pages in flight, astro.config.mjs). The pass is the same
 * code either way, compiled once from the same data (`PassData`, made once with the site:
 * src/catalogue/site.ts): each page's result does not depend on where it ran. In development, and
 * when no worker file is given, it runs in place.
 */
import { Worker } from 'node:worker_threads';
import { joinBase } from '../lib/paths.ts';
import { compilePass, type LanguageMatcher, type PagePass, type PassData, type PassPage } from './pass.ts';
import { holdsLanguage } from './foreign.ts';

export interface PassRequest {
  id: number;
  content: string;
  page: PassPage;
}
export type PassReply = { id: number; html: string; error?: undefined } | { id: number; error: string; html?: undefined };

/** The worker's module (./worker.ts), as an absolute path: defined by src/integration/site-build.ts for builds only. */
declare const __PAGE_PASS_WORKER__: string | undefined;
const builtWorker = typeof __PAGE_PASS_WORKER__ === 'string' ? __PAGE_PASS_WORKER__ : undefined;

/** The pass on one page's <main> content: the content changed. */
export type PassRunner = (content: string, page: PassPage) => Promise<string>;

/**
 * The error of one page's pass, naming the page by its address, so that whoever reads the build's
 * report knows where to look; what went wrong in the pass itself (in English, with its stack) is
 * kept as the cause, for the developers.
 */
function pageFailure(page: PassPage, what: string, cause?: unknown): Error {
  return new Error(
    `La passe sur la page ${joinBase(page.base, page.path)} a échoué (${what}). C’est une erreur du moteur du site, ` +
      'pas du contenu : signalez-la aux développeurs avec ce message.',
    cause === undefined ? undefined : { cause },
  );
}

/**
 * The pass for one site: compiled from its data on the first page, in place or in a worker thread
 * started then (`workerFile`: the build's, by default). `languages` is the site's matcher of the
 * expressions in another language: a list naming none of them has nothing to change and is not
 * even sent.
 */
export function passRunner(data: PassData, languages: LanguageMatcher | undefined, workerFile = builtWorker): PassRunner {
  let inPlace: PagePass | undefined;
  let running: ReturnType<typeof startWorker> | undefined;
  return (content, page) => {
    // Language marks alone, and no expression in another language named (most pages made of
    // lists, most lists ending a page): nothing to change. Looked for here, at a glance
    // (src/model/matcher.ts `mayFind`), the content is neither sent nor parsed.
    if (page.languageOnly && !holdsLanguage(languages, content)) return Promise.resolve(content);
    if (!workerFile) {
      inPlace ??= compilePass(data, languages);
      try {
        return Promise.resolve(inPlace.main(content, page));
      } catch (error) {
        return Promise.reject(pageFailure(page, 'sur place', error));
      }
    }
    if (!running?.alive()) running = startWorker(workerFile, data);
    return running.send(content, page);
  };
}

interface Pending {
  page: PassPage;
  resolve: (html: string) => void;
  reject: (error: Error) => void;
}

/** One worker thread running the pass, and the pages sent to it that have no answer yet. */
function startWorker(file: string, data: PassData) {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let alive = true;
  const worker = new Worker(file, { workerData: data });
  // The worker keeps the build alive only while a page waits for it.
  const settle = () => (pending.size > 0 ? worker.ref() : worker.unref());
  worker.on('message', (reply: PassReply) => {
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    settle();
    if (!p) return;
    if (reply.error !== undefined) p.reject(pageFailure(p.page, 'dans le fil de travail', reply.error));
    else p.resolve(reply.html);
  });
  const fail = (what: string, cause?: unknown) => {
    alive = false;
    for (const p of pending.values()) p.reject(pageFailure(p.page, what, cause));
    pending.clear();
  };
  worker.on('error', (error) => fail('le fil de travail s’est arrêté sur une erreur', error));
  worker.on('exit', (code) => fail(`le fil de travail s’est arrêté, code ${code}`));
  settle();
  return {
    alive: () => alive,
    send: (content: string, page: PassPage) =>
      new Promise<string>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { page, resolve, reject });
        worker.ref();
        worker.postMessage({ id, content, page } satisfies PassRequest);
      }),
  };
}
