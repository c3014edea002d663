/**
 * The command line of the référents' scripts, in French (issue 19): the parser on every fault it
 * names, then each script run as a child process with a mistyped option — exit code 2, the French
 * message and the usage, none of node's ERR_PARSE_ARGS nor a stack trace — and its --aide.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseCommandLine, systemError, thrownByProject, UsageError } from '../../scripts/cli.ts';

const spec = {
  usage: 'Usage : essai fichier [--essai] [--sortie <fichier>]',
  options: { essai: { type: 'boolean' }, sortie: { type: 'string' } },
  positionals: { name: 'fichier', min: 1, max: 1 },
} as const;

/** The French message of the fault, or the parsed values (as plain objects). */
const parse = (...args: string[]) => {
  try {
    const parsed = parseCommandLine(spec, args);
    return parsed && { values: { ...parsed.values }, positionals: parsed.positionals };
  } catch (error) {
    assert.ok(error instanceof UsageError);
    return error.message;
  }
};

test('the parser names each fault in French; correct arguments come back as parseArgs gives them', () => {
  assert.deepEqual(parse('a.xlsx', '--essai', '--sortie', 'b'), { values: { essai: true, sortie: 'b' }, positionals: ['a.xlsx'] });
  assert.deepEqual(parse('a.xlsx', '--sortie=-b'), { values: { sortie: '-b' }, positionals: ['a.xlsx'] });
  assert.equal(parse('a.xlsx', '--essay'), 'option inconnue : --essay');
  assert.equal(parse('a.xlsx', '-x'), 'option inconnue : -x');
  assert.equal(
    parse('a.xlsx', '--sortie'),
    'valeur manquante après --sortie (écrivez --sortie <valeur>, ou --sortie=<valeur> pour une valeur qui commence par « - »)',
  );
  assert.match(parse('a.xlsx', '--sortie', '--essai') as string, /^valeur manquante après --sortie /);
  assert.equal(parse('a.xlsx', '--essai=oui'), 'l’option --essai ne prend pas de valeur (trouvé : --essai=oui)');
  assert.equal(parse(), 'argument manquant : fichier');
  assert.equal(parse('a', 'b'), 'argument en trop : b (un seul fichier)');
  assert.equal(
    parse('--essay', '--essai=1'),
    'option inconnue : --essay\nl’option --essai ne prend pas de valeur (trouvé : --essai=1)\nargument manquant : fichier',
  );
  assert.throws(() => parseCommandLine({ usage: '', options: {} }, ['x']), /^UsageError: argument inattendu : x/);
  // Help is asked for, not refused.
  assert.equal(parse('--aide'), null);
  assert.equal(parse('-h'), null);
});

test('system errors in French, naming the path; the project’s own messages told apart from a library’s', () => {
  assert.equal(
    systemError(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', path: 'x.xlsx' })),
    '« x.xlsx » : fichier ou dossier introuvable : vérifiez le nom et le dossier (un chemin relatif part du dossier du projet)',
  );
  assert.equal(systemError(new Error('boom')), undefined);
  assert.ok(thrownByProject(new Error('message du projet')));
  assert.ok(!thrownByProject(new TypeError('Cannot read properties of undefined')));
  let libraryError: Error | undefined;
  try {
    JSON.parse('{');
  } catch (error) {
    libraryError = error as Error;
  }
  assert.ok(!thrownByProject(libraryError!));
});

/** The npm commands that read a command line, by name; their files come from package.json. */
const SCRIPTS = ['tableur:importer', 'tableur:exporter', 'tableur:modele', 'nouveau:document', 'check:content'];
const npmScripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
/** "node scripts/x/y.ts" → "scripts/x/y.ts". */
const fileOf = (name: string) => npmScripts[name]!.split(' ')[1]!;

/** Runs a script as a child process; several run side by side. */
function run(script: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(process.cwd(), fileOf(script)), ...args]);
    let [stdout, stderr] = ['', ''];
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

test('every script given --essay exits 2 with the French fault and its usage, no stack trace; --aide prints the usage', async () => {
  const [help, ...runs] = await Promise.all([run('tableur:exporter', '--aide'), ...SCRIPTS.map((s) => run(s, '--essay'))]);
  for (const [i, r] of runs.entries()) {
    assert.equal(r.status, 2, `${SCRIPTS[i]} : ${r.stderr}`);
    // The importer also says that its file is missing.
    assert.match(r.stderr, /^option inconnue : --essay\n(argument manquant : .+\n)?\nUsage : npm run /, SCRIPTS[i]);
    assert.doesNotMatch(r.stderr, /ERR_PARSE_ARGS|Unknown option|^\s+at /m, SCRIPTS[i]);
    assert.equal(r.stdout, '', SCRIPTS[i]);
  }
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /^Usage : npm run tableur:exporter \[-- options\]\n\nOptions :\n {2}--sortie <fichier>/);
});
