/**
 * The headers the deployment guide's configurations set (docs/deploiement/), read once for the
 * unit test that compares Apache's with nginx's and the browser test that checks nginx sends them.
 */
import { readFileSync } from 'node:fs';
import { NGINX_SITE_CONFIG } from '../scripts/nginx-preview.ts';

/** The headers a configuration sets, by name (lower case), with their values. */
function headers(config: string, pattern: RegExp): Map<string, string> {
  return new Map([...config.matchAll(pattern)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
}

export const NGINX_GUIDE = readFileSync(NGINX_SITE_CONFIG, 'utf8');
export const NGINX_HEADERS = headers(NGINX_GUIDE, /^\s*add_header ([\w-]+) "([^"]+)" always;/gm);
export const APACHE_HEADERS = headers(readFileSync('docs/deploiement/apache.conf', 'utf8'), /^\s*Header always set ([\w-]+) "([^"]+)"/gm);
