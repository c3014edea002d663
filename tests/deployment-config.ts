/**
 * The deployment guide's configurations (docs/deploiement/), read once for the unit test that
 * compares Apache's with nginx's and the browser test that checks nginx sends what they say.
 */
import { readFileSync } from 'node:fs';
import { NGINX_SITE_CONFIG } from '../scripts/tooling/nginx-preview.ts';

/** The headers a configuration sets, by name (lower case), with their values. */
function headers(config: string, pattern: RegExp): Map<string, string> {
  return new Map([...config.matchAll(pattern)].map((m) => [m[1]!.toLowerCase(), m[2]!]));
}

export const NGINX_GUIDE = readFileSync(NGINX_SITE_CONFIG, 'utf8');
export const APACHE_GUIDE = readFileSync('docs/deploiement/apache.conf', 'utf8');
export const NGINX_HEADERS = headers(NGINX_GUIDE, /^\s*add_header ([\w-]+) "([^"]+)" always;/gm);
export const APACHE_HEADERS = headers(APACHE_GUIDE, /^\s*Header always set ([\w-]+) "([^"]+)"/gm);

/** One statement of an nginx configuration, with the heads of the blocks it sits in (outermost first). */
export interface NginxStatement {
  /** `["server", "location /intranet/handicap/"]`; `["map $uri $handicap_cors"]`. */
  blocks: string[];
  /** The statement without its `;`, spaces collapsed: `error_page 404 /intranet/handicap/404.html`. */
  text: string;
}

/**
 * The statements of an nginx configuration, comments aside, each with the blocks around it:
 * enough to tell a server-level directive from one inside a location. Quoted values may hold
 * `;`, `{` and `#` (a Content-Security-Policy does).
 */
export function nginxStatements(config: string): NginxStatement[] {
  const statements: NginxStatement[] = [];
  const blocks: string[] = [];
  let current = '';
  let quoted = false;
  let comment = false;
  const take = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    current = '';
    return text;
  };
  for (const char of config) {
    if (comment) comment = char !== '\n';
    else if (quoted) {
      current += char;
      quoted = char !== '"';
    } else if (char === '#') comment = true;
    else if (char === '"') {
      current += char;
      quoted = true;
    } else if (char === '{') blocks.push(take());
    else if (char === '}') {
      take();
      blocks.pop();
    } else if (char === ';') statements.push({ blocks: [...blocks], text: take() });
    else current += char;
  }
  return statements;
}
