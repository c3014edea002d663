/**
 * The one writer of content changes (issue 19): the follow-up import (import.ts), the template of
 * a new document (template.ts) and `npm run nouveau:document` (document.ts) all write through it.
 *
 * 1. The journal (src/model/journal.ts), holding every file's old and new text, is written to a
 *    temporary name, flushed to disk, then renamed into place: it exists whole or not at all.
 * 2. Each file is written to a temporary name, then renamed over the old one.
 * 3. Leftover temporary files of ours are removed, then the journal, last.
 * Stopped anywhere (SIGKILL, a closed terminal, a power cut), the content is either untouched (no
 * journal yet) or refused by every read until `finishWrite` or `undoWrite` runs, which the two
 * commands offer (`settlePendingWrite`). A failure while writing (full disk, a file made read-only)
 * puts every file back at once. Everything here is synchronous on purpose: Ctrl+C is handled once
 * a write phase has ended, never in its middle (`guardInterruptions`).
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, posix, relative, sep } from 'node:path';
import { countOf, noun } from '../../src/lib/french.ts';
import {
  JOURNAL_NAME,
  insideContent,
  interruptedMessage,
  interruptedWrite,
  journalFile,
  readJournal,
  temporaryName,
  temporaryOf,
  type Journal,
  type Origin,
} from '../../src/model/journal.ts';

export interface WriteOptions {
  /** Who writes, for the journal: the files read and the commands that finish or undo the write. */
  origin?: () => Origin;
  /** Called after each step (`done` of `total`): the commands note that writing began; tests stop the process there. */
  onStep?: (done: number, total: number) => void;
}

/** A file's new text; `file` is relative to the project root. */
export interface FileText {
  file: string;
  text: string;
}

/** A command-line word as a shell reads it back: quoted when it holds a space or a special character. */
const shellWord = (word: string) => (/^[^\s'"`$\\!*?&;|<>(){}[\]#~]+$/.test(word) ? word : `"${word.replace(/["$`\\]/g, '\\$&')}"`);
const contentOption = (contentDir: string) => (posix.normalize(contentDir) === 'content' ? '' : ` --contenu ${shellWord(contentDir)}`);

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** An import of `paths` (workbook or CSV files, as typed): finished by the same command, undone by `--annuler`. */
export function importOrigin(paths: string[], contentDir = 'content'): Origin {
  const files = paths.length > 0 ? paths.map(shellWord).join(' ') : '<le même fichier>';
  return {
    kind: 'import',
    sources: paths.map((p) => ({ name: basename(p), sha256: sha256(p) })),
    finish: `npm run tableur:importer -- ${files}${contentOption(contentDir)}`,
    undo: `npm run tableur:importer -- --annuler${contentOption(contentDir)}`,
  };
}

/** A document begun by `npm run nouveau:document`: finished by giving its identifier again. */
export function newDocumentOrigin(id: string, contentDir = 'content'): Origin {
  return {
    kind: 'nouveau-document',
    sources: [],
    document: id,
    finish: `npm run nouveau:document -- --id ${shellWord(id)}${contentOption(contentDir)}`,
    undo: `npm run nouveau:document -- --annuler${contentOption(contentDir)}`,
  };
}

/** Whether `paths` are the very files the interrupted import read (same contents, whatever their names). */
export function sameSources(journal: Journal, paths: string[]): boolean {
  if (journal.kind !== 'import' || paths.length !== journal.sources.length) return false;
  try {
    const given = paths.map(sha256).sort();
    return journal.sources
      .map((s) => s.sha256)
      .sort()
      .every((h, i) => h === given[i]);
  } catch {
    return false;
  }
}

/** An error whose message is French, for the référent: the commands print it as it is. */
export class WriteError extends Error {
  override name = 'WriteError';
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** « 1 fichier », « 3 fichiers » (src/lib/french.ts). */
const files = (n: number) => countOf(n, noun('fichier'));

/**
 * Why the system refused a write of the content, in French (the code alone when it is a rare one).
 * Not the table of scripts/cli.ts, which speaks of a path the référent typed (« donnez le chemin
 * d’un fichier »): here the path is one of content/, and the advice differs.
 */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    EACCES: 'droits insuffisants',
    EPERM: 'opération refusée par le système (fichier ouvert dans un autre programme ?)',
    ENOSPC: 'disque plein',
    EDQUOT: 'quota de disque atteint',
    EROFS: 'disque en lecture seule',
    EISDIR: 'un dossier porte ce nom',
    ENOTDIR: 'un fichier porte le nom d’un dossier du chemin',
    EBUSY: 'fichier occupé par un autre programme',
  };
  return (code && words[code]) ?? (code ? `erreur du système ${code}` : error instanceof WriteError ? error.message : 'erreur inattendue');
}

/** Counts the steps of a write and reports each one. */
function stepper(total: number, onStep: WriteOptions['onStep']) {
  let done = 0;
  return () => onStep?.(++done, total);
}

/** Makes a folder's entries (a rename just done) durable; a folder cannot be opened so on Windows: nothing to do there. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported */
  }
}

/** Writes `text` to `path` and flushes it to the disk before returning. */
function writeFlushed(path: string, text: string): void {
  const fd = openSync(path, 'w');
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes `text` to a temporary file beside `path`, then renames it over `path`: two steps. */
function replaceFile(path: string, text: string, step: () => void): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryName(path);
  // Flushed before the rename: after a power cut, a file is its old text or its whole new one,
  // never a renamed empty file while the journal that could finish it is already gone.
  writeFlushed(temporary, text);
  step();
  renameSync(temporary, path);
  step();
}

const currentText = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : null);

/** `replaceFile`, unless the file already holds `text` (a write finished or undone again): two steps either way. */
function putText(path: string, text: string, step: () => void): void {
  if (currentText(path) !== text) return replaceFile(path, text, step);
  step();
  step();
}

/** The journal of a write of `changes`: each file's text now, and the folders the write will create. */
function planJournal(root: string, contentDir: string, origin: Origin, changes: FileText[]): Journal {
  const seen = new Set<string>();
  const folders = new Set<string>();
  const contentFolder = join(root, contentDir);
  const files = changes.map(({ file, text }) => {
    const normal = relative(root, join(root, file)).split(sep).join('/');
    // A programming error, not the référent's: the writer writes only inside the content folder.
    if (!insideContent(root, contentDir, normal)) throw new Error(`${file} : hors du dossier ${contentDir}`);
    if (seen.has(normal)) throw new Error(`${file} : donné deux fois`);
    seen.add(normal);
    const path = join(root, normal);
    const before = currentText(path);
    if (before === null) {
      for (let d = dirname(path); d !== contentFolder && !existsSync(d); d = dirname(d))
        folders.add(relative(root, d).split(sep).join('/'));
    }
    return { file: normal, before, after: text };
  });
  return {
    version: 1,
    ...origin,
    startedAt: new Date().toISOString(),
    files,
    folders: [...folders].sort((a, b) => a.split('/').length - b.split('/').length),
  };
}

/** Writes the journal whole (temporary file flushed to disk, then renamed): two steps. */
function writeJournal(root: string, contentDir: string, journal: Journal, step: () => void): void {
  const path = join(root, journalFile(contentDir));
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryName(path);
  writeFlushed(temporary, JSON.stringify(journal, null, 2));
  step();
  placeJournal(temporary, path);
  // The journal must be on disk before the first file changes, even through a power cut.
  syncFolder(dirname(path));
  step();
}

/**
 * Puts the journal in place, refusing if another one appeared meanwhile (two commands started at
 * once): a hard link is created only where no file is, where a rename would replace it. A folder
 * that takes no hard links (some USB and network drives) gets the rename.
 */
function placeJournal(temporary: string, path: string): void {
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      rmSync(temporary, { force: true });
      throw new WriteError('une autre écriture du contenu a commencé en même temps : attendez qu’elle finisse, puis relancez la commande');
    }
    renameSync(temporary, path);
    return;
  }
  rmSync(temporary, { force: true });
}

/** Removes our temporary files of the journal's files and of the journal itself (one listing per folder). */
function removeTemporaries(root: string, contentDir: string, journal: Journal): void {
  const byFolder = new Map<string, Set<string>>();
  for (const file of [...journal.files.map((f) => f.file), journalFile(contentDir)]) {
    const path = join(root, file);
    const names = byFolder.get(dirname(path)) ?? new Set<string>();
    byFolder.set(dirname(path), names.add(basename(path)));
  }
  for (const [folder, names] of byFolder) {
    if (!existsSync(folder)) continue;
    for (const entry of readdirSync(folder)) {
      const of = temporaryOf(entry);
      if (of !== undefined && names.has(of)) rmSync(join(folder, entry), { force: true });
    }
  }
}

/** Removes the journal: the write is over. */
function removeJournal(root: string, contentDir: string): void {
  rmSync(join(root, journalFile(contentDir)), { force: true });
}

/**
 * Writes `changes` (new files or new texts of existing ones) through the journal; returns the files
 * written. Refused while another write is unfinished. On a failure, every file is put back and the
 * error (French) says so.
 */
export function writeContent(root: string, contentDir: string, changes: FileText[], options: WriteOptions = {}): string[] {
  if (changes.length === 0) return [];
  const pending = readJournal(root, contentDir);
  if (pending) throw new WriteError(capitalise(pending.ok ? interruptedMessage(pending.journal) : pending.message));
  const origin = options.origin?.() ?? importOrigin([], contentDir);
  const journal = planJournal(root, contentDir, origin, changes);
  const step = stepper(2 * journal.files.length + 3, options.onStep);
  writeJournal(root, contentDir, journal, step);
  let current = '';
  try {
    for (const { file, after } of journal.files) {
      current = file;
      replaceFile(join(root, file), after, step);
    }
  } catch (error) {
    try {
      undoWrite(root, contentDir, journal);
    } catch (undoError) {
      throw new WriteError(
        `écriture de ${current} impossible (${reason(error)}), puis retour à l’état d’avant impossible (${reason(undoError)}) : ` +
          interruptedMessage(journal),
      );
    }
    throw new WriteError(`écriture de ${current} impossible (${reason(error)}) : le contenu a été remis dans son état d’avant`);
  }
  removeTemporaries(root, contentDir, journal);
  removeJournal(root, contentDir);
  step();
  return journal.files.map((f) => f.file);
}

/** Refuses to finish or undo over a file changed by hand since the interruption (neither its old nor its new text). */
function checkUntouched(root: string, contentDir: string, journal: Journal): void {
  const changed = journal.files.filter(({ file, before, after }) => {
    const now = currentText(join(root, file));
    return now !== before && now !== after;
  });
  if (changed.length === 0) return;
  throw new WriteError(
    [
      `${capitalise(interruptedWrite(journal))} : ${files(changed.length)} ${changed.length > 1 ? 'ont' : 'a'} été ${changed.length > 1 ? 'modifiés' : 'modifié'} depuis, à la main ou par un autre programme ; rien n’a été écrit.`,
      ...changed.map((f) => `  ${f.file}`),
      `Remettez ${changed.length > 1 ? 'ces fichiers' : 'ce fichier'} dans l’état d’avant ou d’après l’écriture interrompue puis relancez, ou, si ces changements sont voulus, supprimez ${journalFile(contentDir)} et vérifiez le contenu avec npm run check:content.`,
    ].join('\n'),
  );
}

/** Finishes an interrupted write from its journal: every new text written (again), then the journal removed. */
function finishWrite(root: string, contentDir: string, journal: Journal, options: Pick<WriteOptions, 'onStep'> = {}): string[] {
  checkUntouched(root, contentDir, journal);
  const step = stepper(2 * journal.files.length + 1, options.onStep);
  for (const { file, after } of journal.files) {
    putText(join(root, file), after, step);
  }
  removeTemporaries(root, contentDir, journal);
  removeJournal(root, contentDir);
  step();
  return journal.files.map((f) => f.file);
}

/**
 * Undoes an interrupted write from its journal: every old text put back, the files it created
 * removed with the folders it created once empty, then the journal. Returns what it did.
 */
function undoWrite(
  root: string,
  contentDir: string,
  journal: Journal,
  options: Pick<WriteOptions, 'onStep'> = {},
): { restored: number; removed: number } {
  checkUntouched(root, contentDir, journal);
  const step = stepper(2 * journal.files.length + 1, options.onStep);
  let restored = 0;
  let removed = 0;
  for (const { file, before } of [...journal.files].reverse()) {
    const path = join(root, file);
    if (before === null) {
      removed++;
      rmSync(path, { force: true });
      step();
      step();
    } else {
      restored++;
      putText(path, before, step);
    }
  }
  removeTemporaries(root, contentDir, journal);
  for (const folder of [...journal.folders].reverse()) {
    const path = join(root, folder);
    if (existsSync(path) && readdirSync(path).length === 0) rmdirSync(path);
  }
  removeJournal(root, contentDir);
  step();
  return { restored, removed };
}

/** What a command does about an unfinished write before anything else; `exitCode` unset: carry on. */
export interface Settlement {
  /** What to print (on the error output when `exitCode` is not 0). */
  message?: string;
  /** Set when the command stops here: 0 after finishing or undoing, 1 when refused. */
  exitCode?: number;
}

/** Removes journals left unfinished (stopped before their rename): the content was not touched. */
function removeUnfinishedJournals(root: string, contentDir: string): string[] {
  const folder = join(root, contentDir);
  if (!existsSync(folder)) return [];
  const found = readdirSync(folder).filter((name) => temporaryOf(name) === JOURNAL_NAME);
  for (const name of found) rmSync(join(folder, name), { force: true });
  return found.map((name) => `${journalFile(contentDir)}${name.slice(JOURNAL_NAME.length)}`);
}

/**
 * The check every writing command runs first (issue 19). With `--annuler`, undoes the unfinished
 * write; given the same source again (`same`), finishes it; otherwise, while a write is
 * unfinished, refuses with what to do.
 */
export function settlePendingWrite(
  root: string,
  contentDir: string,
  request: { undo: boolean; dryRun?: boolean; same: (journal: Journal) => boolean; onStep?: WriteOptions['onStep'] },
): Settlement {
  const read = readJournal(root, contentDir);
  if (!read) {
    const swept = removeUnfinishedJournals(root, contentDir);
    const note =
      swept.length > 0
        ? `Journal inachevé supprimé (${swept.join(', ')}) : l’écriture qui l’a laissé s’était arrêtée avant de modifier le contenu.`
        : undefined;
    if (!request.undo) return { message: note };
    const nothing = `Rien à annuler : aucune écriture n’a été interrompue dans ${contentDir}/ (--annuler ne défait qu’un import ou une création interrompus, pas un import terminé).`;
    return { message: [note, nothing].filter(Boolean).join('\n'), exitCode: 0 };
  }
  if (!read.ok) return { message: `✗ ${journalFile(contentDir)} : ${read.message}.`, exitCode: 1 };
  const { journal } = read;
  const what = capitalise(interruptedWrite(journal));
  const e = journal.kind === 'nouveau-document' ? 'e' : '';
  try {
    if (request.undo && !request.dryRun) {
      const { restored, removed } = undoWrite(root, contentDir, journal, request);
      const details = [
        restored > 0 ? `${files(restored)} remis comme avant` : '',
        removed > 0 ? `${files(removed)} ${removed > 1 ? 'nouveaux supprimés' : 'nouveau supprimé'}` : '',
      ];
      return {
        message: `${what} : annulé${e}, le contenu est revenu à son état d’avant (${details.filter(Boolean).join(', ')}).`,
        exitCode: 0,
      };
    }
    if (request.same(journal) && !request.dryRun) {
      const written = finishWrite(root, contentDir, journal, request);
      return {
        message: `${what} : terminé${e} d’après son journal, ${files(written.length)} ${written.length > 1 ? 'écrits' : 'écrit'}.`,
        exitCode: 0,
      };
    }
  } catch (error) {
    if (error instanceof WriteError) return { message: error.message, exitCode: 1 };
    // Finishing and undoing can be run again: the journal stays until either has gone through.
    const action = request.undo ? 'retour à l’état d’avant' : 'fin de l’écriture';
    return {
      message: `✗ ${what} : ${action} impossible (${reason(error)}) ; le journal reste en place : réglez ce problème puis relancez la même commande.`,
      exitCode: 1,
    };
  }
  return { message: `✗ ${capitalise(interruptedMessage(journal))}.\nRien d’autre n’a été fait.`, exitCode: 1 };
}

/** What `guardInterruptions` gives a command. */
export interface Interruptions {
  onStep: (done: number, total: number) => void;
  afterWrite: () => Promise<void>;
}

/**
 * A writing command's first step: settles a pending write (`settlePendingWrite`), prints what
 * that says, and ends the command with its exit code when it must not go on (a write finished
 * or undone, or another one still pending).
 */
export async function settleBeforeWriting(
  root: string,
  contentDir: string,
  request: { undo: boolean; dryRun?: boolean; same: (journal: Journal) => boolean },
  interruptions: Interruptions,
): Promise<void> {
  const settled = settlePendingWrite(root, contentDir, { ...request, onStep: interruptions.onStep });
  if (settled.message) (settled.exitCode ? console.error : console.log)(settled.message);
  if (settled.exitCode !== undefined) {
    await interruptions.afterWrite();
    process.exit(settled.exitCode);
  }
}

const SIGNALS = { SIGINT: ['Ctrl+C', 130], SIGTERM: ['SIGTERM', 143], SIGHUP: ['terminal fermé', 129] } as const;

/**
 * Ctrl+C, SIGTERM and a closed terminal in a command that writes content. Node runs a signal's
 * listeners from its event loop, never inside synchronous code, and a write phase (above) is all
 * synchronous: from its first step on, a signal is handled once the phase has ended, the content
 * complete and the journal removed, with a French message. Only SIGKILL or a power cut can stop a
 * phase in its middle: the journal is there for those. Before the first step, a signal stops the
 * command as it always did, nothing written: the checks before a write are synchronous too, so a
 * listener installed earlier would let a Ctrl+C meant to cancel an import wait for it to be written.
 * Returns the `onStep` to give the writer, and `afterWrite`, for the command to await once it has
 * said what it wrote: a signal received meanwhile would otherwise be lost when the command ends.
 */
export function guardInterruptions(): Interruptions {
  let guarding = false;
  return {
    onStep: () => {
      if (guarding) return;
      guarding = true;
      for (const [signal, [words, code]] of Object.entries(SIGNALS)) {
        process.on(signal, () => {
          console.error(
            `\nInterruption (${words}) : l’écriture du contenu, commencée, a été menée à son terme pour ne pas le laisser à moitié écrit ; vérifiez-le avec npm run check:content.`,
          );
          process.exit(code);
        });
      }
    },
    // Two turns of the event loop: the second one passes through its poll phase, where a pending
    // signal is read, whatever phase the command was in.
    afterWrite: () => new Promise((resolve) => setImmediate(() => setImmediate(resolve))),
  };
}
