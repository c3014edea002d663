/**
 * Serves the built site (dist/) with a real nginx and the deployment configuration of the guide,
 * docs/deploiement/nginx.conf, as a publisher would put it in /etc/nginx/sites-available/: the
 * browser tests run against it (playwright.config.ts), so the security headers (the strict
 * Content-Security-Policy among them), the 404 page, the MIME types and the cache lifetimes they
 * meet are the ones the guide gives. Only the listening port, the served folder, the server name
 * and, when the site is built for another one, the sub-path are replaced (each must be found
 * exactly once, so that the guide's file cannot drift from the tested one); at the root of a host,
 * the lines the guide marks « # sous-chemin seulement » go, as the guide says.
 *
 *   npm run preview:nginx [-- --port 4322] [--dossier <dossier>]   (BASE_PATH: the sub-path the site was built for)
 *
 * The served folder is dist/ unless --dossier names another built one: the browser tests serve the
 * fixture site's (tests/fixture-site.ts) beside the main site's, each on its own port.
 *
 * nginx is Debian's package (`bash scripts/tooling/ensure-nginx.sh` installs it for the tests).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCommandLine } from '../cli.ts';
import { normaliseBase } from '../../src/lib/paths.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The deployment configuration of the guide. */
export const NGINX_SITE_CONFIG = join(root, 'docs/deploiement/nginx.conf');
/** The sub-path the guide's configuration serves. */
export const GUIDE_BASE = '/intranet/handicap/';
/** The mark of the guide's lines that a site at the root of its host does without. */
export const SUB_PATH_ONLY = '# sous-chemin seulement';

export interface SiteOptions {
  port: number;
  /** The folder served (absolute). */
  dist: string;
  /** The sub-path the site was built for, with its slashes: `/intranet/handicap/` or `/`. */
  base: string;
  /** Locations added to the server block, for the tests only (axe served from the same origin, a 500). */
  extra?: string;
}

/** Replaces `from` by `to` in `text`, which must hold it exactly `times` times. */
function replaceExactly(text: string, from: string, to: string, times = 1): string {
  const found = text.split(from).length - 1;
  if (found !== times) {
    throw new Error(`docs/deploiement/nginx.conf : « ${from.trim()} » devrait y figurer ${times} fois (trouvé ${found} fois).`);
  }
  return text.split(from).join(to);
}

/** The guide's configuration, made to serve `dist` on 127.0.0.1:`port` under `base`. */
export function siteConfig(guide: string, options: SiteOptions): string {
  let config = replaceExactly(guide, '    listen 80;\n', `    listen 127.0.0.1:${options.port};\n`);
  config = replaceExactly(config, '    listen [::]:80;\n', '');
  config = replaceExactly(config, 'server_name intranet.example.fr;', 'server_name localhost;');
  config = replaceExactly(config, 'alias /var/www/handicap/;', `alias ${options.dist.replace(/\/?$/, '/')};`);
  // The sub-path in the directives (comments aside: they are dropped), with and without its final
  // slash; at the root of a host, the lines the guide marks go, as it tells publishers (the
  // redirection of the address without its slash, the answer outside the site).
  const noSlash = GUIDE_BASE.slice(0, -1);
  config = config
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .filter((line) => options.base !== '/' || !line.endsWith(SUB_PATH_ONLY))
    .join('\n')
    .replaceAll(GUIDE_BASE, options.base)
    .replaceAll(noSlash, options.base.slice(0, -1));
  if (options.extra) {
    const end = config.lastIndexOf('}');
    config = `${config.slice(0, end)}${options.extra}\n${config.slice(end)}`;
  }
  return config;
}

/** nginx's binary: NGINX_PATH, Debian's, or the one on the PATH. */
export function nginxPath(): string | undefined {
  if (process.env.NGINX_PATH) return process.env.NGINX_PATH;
  if (existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
  try {
    return execFileSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** nginx's temporary folders, each put in the private folder (the defaults are the system's). */
const TEMP_FOLDERS = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];

/** The main configuration around the site's: what Debian's /etc/nginx/nginx.conf gives it, in a private folder. */
function mainConfig(prefix: string, mimeTypes: string, site: string): string {
  const temp = TEMP_FOLDERS.map((t) => `  ${t}_temp_path ${join(prefix, t)};`);
  return [
    // As root, nginx's workers would run as "nobody", who may not read a folder under /root or mktemp's.
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 1;',
    'daemon off;',
    `pid ${join(prefix, 'nginx.pid')};`,
    'error_log stderr warn;',
    'events { worker_connections 512; }',
    'http {',
    `  include ${mimeTypes};`,
    '  default_type application/octet-stream;',
    '  sendfile on;',
    '  access_log off;',
    '  log_not_found off;',
    ...temp,
    `  include ${site};`,
    '}',
    '',
  ].join('\n');
}

/** Writes the configuration into a new private folder; returns the folder and the main file. */
export function writeConfig(nginx: string, options: SiteOptions): { prefix: string; config: string } {
  // Debian's mime.types sits beside its nginx.conf (nginx -V gives that path).
  const { stderr } = spawnSync(nginx, ['-V'], { encoding: 'utf8' });
  const confPath = /--conf-path=(\S+)/.exec(stderr)?.[1] ?? '/etc/nginx/nginx.conf';
  const mimeTypes = join(dirname(confPath), 'mime.types');
  if (!existsSync(mimeTypes)) throw new Error(`Fichier des types MIME de nginx introuvable : ${mimeTypes}.`);
  const prefix = mkdtempSync(join(tmpdir(), 'conventions-nginx-'));
  for (const t of TEMP_FOLDERS) mkdirSync(join(prefix, t));
  const site = join(prefix, 'site.conf');
  writeFileSync(site, siteConfig(readFileSync(NGINX_SITE_CONFIG, 'utf8'), options));
  const config = join(prefix, 'nginx.conf');
  writeFileSync(config, mainConfig(prefix, mimeTypes, site));
  return { prefix, config };
}

const USAGE = `Usage : BASE_PATH=/sous-chemin/ npm run preview:nginx -- [--port <numéro>] [--dossier <dossier>]

Options :
  --port <numéro>      port local (par défaut : 4322)
  --dossier <dossier>  dossier du site construit à servir (par défaut : dist)
  --essais             sert aussi axe-core et une adresse d’erreur 500, pour les tests dans le navigateur
  --aide               affiche cette aide`;

function main(): void {
  const { values } = readCommandLine({
    usage: USAGE,
    options: {
      port: { type: 'string', default: '4322' },
      dossier: { type: 'string', default: 'dist' },
      essais: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  const base = normaliseBase(process.env.BASE_PATH);
  const dist = resolve(root, values.dossier);
  if (!existsSync(join(dist, 'index.html'))) {
    // dist/ is the build's; another folder is built by the command that made it (the fixture site's, for one).
    const how = values.dossier === 'dist' ? `lancez d’abord « BASE_PATH=${base} npm run build »` : 'construisez-le d’abord';
    console.error(`Aucun site construit dans ${dist} (pas de fichier index.html) : ${how}.`);
    process.exit(1);
  }
  const nginx = nginxPath();
  if (!nginx) {
    console.error("nginx n'est pas installé : « bash scripts/tooling/ensure-nginx.sh » l'installe (paquet Debian « nginx »).");
    process.exit(1);
  }
  // For the browser tests: axe-core served by the site's own origin, as the CSP allows no other;
  // and an address that answers 500, an error a static site cannot be made to give from outside,
  // to check that the server-level error pages of the guide apply to it too.
  const axe = join(root, 'node_modules/axe-core/axe.min.js');
  const extra = values.essais
    ? [
        `    location = ${base}__essais__/axe.min.js { alias ${axe}; add_header Cache-Control "public, max-age=31536000, immutable"; }`,
        `    location = ${base}__essais__/500 { return 500; }`,
      ].join('\n')
    : undefined;
  const { prefix, config } = writeConfig(nginx, { port, dist, base, extra });
  const server = spawn(nginx, ['-e', 'stderr', '-p', `${prefix}/`, '-c', config], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill('SIGTERM'));
  server.on('spawn', () => console.log(`Site servi par nginx (${nginx}) : http://127.0.0.1:${port}${base}`));
  server.on('exit', (code, signal) => {
    // The private configuration goes with the server.
    rmSync(prefix, { recursive: true, force: true });
    process.exit(code ?? (signal ? 0 : 1));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
