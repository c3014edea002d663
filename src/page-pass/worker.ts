/**
 * The worker thread that runs the page pass during a build (see ./page-pass.ts): it compiles the
 * pass once from the data it is started with, then answers each page's content with its enriched
 * form, or with the error the pass threw.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEnricher, type EnrichData } from './enrich.ts';
import type { PassReply, PassRequest } from './page-pass.ts';

const enrich = createEnricher(workerData as EnrichData);
const port = parentPort!;
port.on('message', ({ id, content, path, base, languageOnly }: PassRequest) => {
  let reply: PassReply;
  try {
    reply = { id, html: enrich(content, path, base, languageOnly) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
