/**
 * A content write in progress (issue 19). The spreadsheet import and `npm run nouveau:document`
 * change many files; a process stopped in the middle (SIGKILL, a closed terminal, a power cut)
 * would leave the content half old, half new, valid file by file: the check would pass and a
 * truncated document be published. So the writer (scripts/spreadsheet/journal.ts) records every
 * change in a journal before the first file changes and removes it last, and while the journal
 * exists every read of the content (`npm run check:content`, the build, the dev server, the
 * importer itself: all go through `readContent`, src/model/read.ts) refuses with the message
 * below, which says how to finish the write or undo it.
 *
 * The rule, written once: where the journal lives, what it holds, how the writer's temporary
 * files are named, and what a read says when it finds either. This module only reads.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { z } from 'astro/zod';
import type { Problem } from './problems.ts';

/** The journal's name, directly in the content folder: one write at a time per content folder. */
export const JOURNAL_NAME = '.import-en-cours.json';

/** Where the journal of `contentDir` lives, relative to the project root. */
export const journalFile = (contentDir: string) => join(contentDir, JOURNAL_NAME).split(sep).join('/');

/** A file is written to `<file>.<pid>.tmp` first, then renamed: the pid keeps two processes apart. */
export const temporaryName = (path: string, pid = process.pid) => `${path}.${pid}.tmp`;

/** The name a temporary file of the writer stands for ("action-3.mdx.4242.tmp" → "action-3.mdx"). */
export function temporaryOf(name: string): string | undefined {
  return /^(.+)\.\d+\.tmp$/.exec(name)?.[1];
}

/** Whether `file` (relative to `root`) lies strictly inside the content folder, the journal excepted. */
export function insideContent(root: string, contentDir: string, file: string): boolean {
  const folder = resolve(root, contentDir);
  const path = resolve(root, file);
  return path.startsWith(folder + sep) && path !== resolve(root, journalFile(contentDir));
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** The journal, as written in JSON by the writer before it changes anything. */
export const journalSchema = z.strictObject({
  /** Format of this file. */
  version: z.literal(1),
  /** What was being written: an import (follow-up workbook, CSV files or new-document template), or `nouveau:document`. */
  kind: z.enum(['import', 'nouveau-document']),
  /** When the write started (ISO 8601, UTC). */
  startedAt: z.iso.datetime(),
  /** The command that finishes the write, as the référent types it: the same command again. */
  finish: z.string().min(1),
  /** The command that undoes the write. */
  undo: z.string().min(1),
  /** The files the command read (workbook, CSV files): name and SHA-256, to recognise the same import. */
  sources: z.array(z.strictObject({ name: z.string(), sha256 })),
  /** The document a `nouveau-document` write creates. */
  document: z.string().optional(),
  /** Every file the write changes, relative to the project root: its text before (null: it did not exist), and after. */
  files: z.array(z.strictObject({ file: z.string(), before: z.string().nullable(), after: z.string() })).min(1),
  /** Folders the write creates, parents first: undoing removes them once empty. */
  folders: z.array(z.string()),
});
export type Journal = z.infer<typeof journalSchema>;
/** What the command that writes tells the journal about itself. */
export type Origin = Pick<Journal, 'kind' | 'finish' | 'undo' | 'sources' | 'document'>;

/** "7 décembre 2026 à 10 h 32", "1er mars 2027 à 9 h 05": in the machine's time zone, the référent's. */
export function formatMoment(date: Date): string {
  const day = date.getDate();
  const month = new Intl.DateTimeFormat('fr-FR', { month: 'long' }).format(date);
  const minutes = String(date.getMinutes()).padStart(2, '0');
  return `${day === 1 ? '1er' : day} ${month} ${date.getFullYear()} à ${date.getHours()} h ${minutes}`;
}

/** "import interrompu le … (fichier suivi-2026.xlsx)", "création du document « x » interrompue le …". */
export function interruptedWrite(journal: Journal): string {
  const when = formatMoment(new Date(journal.startedAt));
  if (journal.kind === 'nouveau-document') return `création du document « ${journal.document ?? ''} » interrompue le ${when}`;
  const names = journal.sources.map((s) => s.name).join(', ');
  return `import interrompu le ${when}${names ? ` (${journal.sources.length === 1 ? 'fichier' : 'fichiers'} ${names})` : ''}`;
}

/** What every read of the content says while the journal exists: what was interrupted, how to finish it or undo it. */
export function interruptedMessage(journal: Journal): string {
  const it = journal.kind === 'nouveau-document' ? 'la' : 'le';
  return `${interruptedWrite(journal)} : relancez \`${journal.finish}\` pour ${it} terminer, ou \`${journal.undo}\` pour revenir à l’état d’avant`;
}

/** The journal of `contentDir`: absent, read, or unreadable (with the French reason). */
export function readJournal(root: string, contentDir: string): undefined | { ok: true; journal: Journal } | { ok: false; message: string } {
  const path = join(root, journalFile(contentDir));
  if (!existsSync(path)) return undefined;
  const unreadable = (reason: string) => ({
    ok: false as const,
    message:
      `journal d’une écriture interrompue illisible (${reason}) : le contenu peut être à moitié écrit. ` +
      'Vérifiez les fichiers modifiés (git status, git diff), remettez-les dans l’état voulu, puis supprimez ce journal',
  });
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return unreadable('ce n’est pas du JSON');
  }
  const parsed = journalSchema.safeParse(data);
  if (!parsed.success) return unreadable(`champ « ${parsed.error.issues[0]!.path.join('.') || '(racine)'} » inattendu`);
  // The journal says which files to restore or remove: none may lie outside the content folder.
  const outside = [...parsed.data.files.map((f) => f.file), ...parsed.data.folders].find((f) => !insideContent(root, contentDir, f));
  if (outside !== undefined) return unreadable(`« ${outside} » est hors du dossier ${contentDir}`);
  return { ok: true, journal: parsed.data };
}

/** The problem every read reports while a write is unfinished in `contentDir`; undefined when none is. */
export function pendingWriteProblem(root: string, contentDir: string): Problem | undefined {
  const read = readJournal(root, contentDir);
  if (!read) return undefined;
  return {
    file: journalFile(contentDir),
    field: '(écriture interrompue)',
    message: read.ok ? interruptedMessage(read.journal) : read.message,
  };
}

/** The problem a leftover temporary file of the writer is, named by its cause; undefined for any other file. */
export function temporaryProblem(file: string): Problem | undefined {
  const of = temporaryOf(file.split('/').at(-1)!);
  if (of === undefined) return undefined;
  if (of === JOURNAL_NAME) {
    return {
      file,
      field: '(emplacement)',
      message:
        'journal inachevé d’une écriture arrêtée avant d’avoir modifié le moindre fichier (import du tableur ou nouveau document) : ' +
        'le contenu est celui d’avant ; relancez la commande pour faire l’écriture (elle supprime ce fichier), ou supprimez-le',
    };
  }
  return {
    file,
    field: '(emplacement)',
    message:
      `fichier temporaire d’une écriture interrompue (import du tableur ou nouveau document arrêté en cours d’écriture) : « ${of} » ` +
      'et d’autres fichiers de cette écriture peuvent ne pas être à jour ; vérifiez-les (git status, git diff), refaites l’import si besoin, puis supprimez ce fichier',
  };
}
