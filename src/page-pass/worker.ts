/**
 * The worker thread that runs the page pass during a build (see ./page-pass.ts): it compiles the
 * pass once from the data it is started with, then answers each page's content with its changed
 * form, or with the error the pass threw (./page-pass.ts names the page).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compilePass, type PassData } from './pass.ts';
import type { PassReply, PassRequest } from './page-pass.ts';

const pass = compilePass(workerData as PassData);
const port = parentPort!;
port.on('message', ({ id, content, page }: PassRequest) => {
  let reply: PassReply;
  try {
    reply = { id, html: pass.main(content, page) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
