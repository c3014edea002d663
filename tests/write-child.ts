/**
 * A child process for tests/unit/interrupted-write.test.ts: writes content through the
 * journalled writer (scripts/spreadsheet/journal.ts) and stops itself at step `stopAt` with `signal`,
 * as a SIGKILL (a closed laptop, an out-of-memory kill) or a Ctrl+C would. The stop happens in the
 * writer's `onStep` callback, so the product carries no code for tests. `stopAt: 0` sends the
 * signal before the write begins.
 *
 * Usage: node tests/write-child.ts '<request as JSON>' (see Request). Modules are loaded only for
 * the path asked for, so that the many `writer` runs start fast.
 */
import type { FileText } from '../scripts/spreadsheet/journal.ts';
import type { Origin } from '../src/model/journal.ts';
import type { NewDocument } from '../scripts/spreadsheet/document.ts';

export interface Request {
  root: string;
  /** `writer`: the given texts through writeContent; `suivi`: a CSV follow-up import; `document`: a new document. */
  mode: 'writer' | 'suivi' | 'document';
  stopAt: number;
  signal: 'SIGKILL' | 'SIGINT' | 'SIGTERM';
  /** For `writer`. */
  files?: FileText[];
  origin?: Origin;
  /** For `suivi`: the CSV file. */
  csv?: string;
  /** For `document`. */
  doc?: NewDocument;
}

const request = JSON.parse(process.argv[2]!) as Request;
const { guardInterruptions } = await import('../scripts/spreadsheet/journal.ts');
// As the two commands do: from the first step on, Ctrl+C and SIGTERM wait for the end of the write.
const guard = guardInterruptions();
const onStep = (done: number, total: number) => {
  guard.onStep(done, total);
  if (done === request.stopAt) process.kill(process.pid, request.signal);
};
if (request.stopAt === 0) {
  process.kill(process.pid, request.signal);
  // A listener, had one been installed, would run from the event loop: give it its turn.
  await new Promise((resolve) => setTimeout(resolve, 50));
}

if (request.mode === 'writer') {
  const { writeContent } = await import('../scripts/spreadsheet/journal.ts');
  writeContent(request.root, 'content', request.files!, { origin: () => request.origin!, onStep });
} else if (request.mode === 'suivi') {
  const { importCsv } = await import('../scripts/spreadsheet/import.ts');
  const { importOrigin } = await import('../scripts/spreadsheet/journal.ts');
  const result = importCsv([request.csv!], { root: request.root, origin: () => importOrigin([request.csv!]), onStep });
  if (result.problems.length > 0) throw new Error(JSON.stringify(result.problems));
} else {
  const { checkNewDocument, writeNewDocument } = await import('../scripts/spreadsheet/document.ts');
  const { newDocumentOrigin } = await import('../scripts/spreadsheet/journal.ts');
  const { planned, problems } = checkNewDocument(request.root, 'content', request.doc!);
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  writeNewDocument(request.root, planned, { origin: () => newDocumentOrigin(request.doc!.id), onStep });
}
console.log('écriture terminée');
await guard.afterWrite();
