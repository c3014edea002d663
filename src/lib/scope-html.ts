/**
 * Makes a fragment of rendered HTML safe to place beside others on one page: ids and the
 * attributes that refer to them get a prefix, headings move down `shift` levels (at most h6).
 */
export function scopeHtml(html: string, prefix: string, shift = 0): string {
  let out = html
    .replace(/\s(id|for)="([^"]+)"/g, (_, attr: string, id: string) => ` ${attr}="${prefix}${id}"`)
    .replace(/\s(aria-labelledby|aria-describedby|aria-controls)="([^"]+)"/g, (_, attr: string, ids: string) =>
      ` ${attr}="${ids.split(/\s+/).map((id) => prefix + id).join(' ')}"`,
    )
    .replace(/\shref="#([^"]+)"/g, (_, id: string) => ` href="#${prefix}${id}"`);
  if (shift > 0) {
    out = out.replace(/<(\/?)h([1-6])\b/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + shift)}`);
  }
  return out;
}
