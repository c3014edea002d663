/**
 * Runs the page pass (./enrich.ts) on what a page puts in <main>. During a build it runs in a
 * worker thread: Astro renders pages on one thread, and the pass (parsing and rewriting each
 * page's content) is the largest share of that work, so the machine's second core takes it while
 * the next pages render (Astro keeps several pages in flight, astro.config.mjs). The pass is the
 * same code either way, compiled once from the same data (`enrichData`): each page's result does
 * not depend on where it ran. In development, and when no worker file is given, it runs in place.
 */
import { Worker } from 'node:worker_threads';
import { enrichData, enrichMain, type EnrichContext } from './enrich.ts';
import { holdsLanguage, languageMatcher } from './foreign.ts';

export interface PassRequest {
  id: number;
  content: string;
  path: string;
  base: string;
  languageOnly?: boolean;
}
export type PassReply = { id: number; html: string; error?: undefined } | { id: number; error: string; html?: undefined };

/** The worker's module (./worker.ts), as an absolute path: defined by src/integration/site-build.ts for builds only. */
declare const __PAGE_PASS_WORKER__: string | undefined;
const workerFile = typeof __PAGE_PASS_WORKER__ === 'string' ? __PAGE_PASS_WORKER__ : undefined;

interface Pending {
  resolve: (html: string) => void;
  reject: (error: Error) => void;
}

/** One worker per build (per catalogue), started on the first page. */
let running: { catalogue: object; worker: Worker; pending: Map<number, Pending> } | undefined;
let nextId = 0;

function start(file: string, catalogue: EnrichContext['catalogue']) {
  const pending = new Map<number, Pending>();
  const worker = new Worker(file, { workerData: enrichData(catalogue) });
  const settle = () => (pending.size > 0 ? worker.ref() : worker.unref());
  worker.on('message', (reply: PassReply) => {
    const p = pending.get(reply.id);
    pending.delete(reply.id);
    settle();
    if (reply.error !== undefined) p?.reject(new Error(`Passe sur la page (fil de travail) : ${reply.error}`));
    else p?.resolve(reply.html);
  });
  const fail = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    if (running?.worker === worker) running = undefined;
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`Le fil de travail de la passe sur les pages s'est arrêté (code ${code}).`)));
  settle();
  return { catalogue: catalogue.conventions, worker, pending };
}

/** The page's <main> content enriched by the pass. */
export function passPage(content: string, context: EnrichContext): Promise<string> {
  // A list naming nothing in another language has nothing to change: it is not even sent.
  if (context.languageOnly && !holdsLanguage(languageMatcher(context.catalogue), content)) return Promise.resolve(content);
  if (!workerFile) return Promise.resolve(enrichMain(content, context));
  if (running?.catalogue !== context.catalogue.conventions) {
    void running?.worker.terminate();
    running = start(workerFile, context.catalogue);
  }
  const { worker, pending } = running;
  const id = nextId++;
  return new Promise<string>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.ref();
    worker.postMessage({ id, content, path: context.path, base: context.base, languageOnly: context.languageOnly } satisfies PassRequest);
  });
}
