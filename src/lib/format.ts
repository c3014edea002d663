/** Small French formatting helpers for the pages. */

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** "2023-11-16" → "16 novembre 2023"; "2023-11" → "novembre 2023"; "2025" → "2025". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (day && monthName) return `${Number(day) === 1 ? '1er' : Number(day)} ${monthName} ${year}`;
  if (monthName) return `${monthName} ${year}`;
  return year ?? date;
}

/**
 * The inverse of `formatDate` for a full date written in words: "16 novembre 2023" → "2023-11-16",
 * "1er janvier 2017" → "2017-01-01"; undefined for anything else.
 */
export function readFrenchDate(text: string): string | undefined {
  const m = /^(\d{1,2})(?:er)?\s+(\p{L}+)\s+(\d{4})$/u.exec(text.trim());
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  const day = Number(m[1]);
  if (month === 0 || day < 1 || day > 31) return undefined;
  return `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "1 action", "3 actions", "aucune action". */
export function count(n: number, singular: string, plural: string, none = `aucun ${singular}`): string {
  if (n === 0) return none;
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * "Action n°12" + title → "Action n°12 : title"; "5." + title → "5. title" (the label already
 * ends with its punctuation); a label equal to the title is not repeated.
 */
export function heading(label: string, title: string): string {
  if (label === title) return title;
  return /[.)]$/.test(label) ? `${label} ${title}` : `${label} : ${title}`;
}

/** When a review round took place, in words: "mars 2022", or the period it covers, "2023-2025". */
export function roundWhen(round: { date?: string; period?: string }): string {
  return round.date ? formatDate(round.date) : (round.period ?? '');
}

/** A whole number with its thousands apart, the French way: 12 345. */
export const thousands = (n: number) => n.toLocaleString('fr-FR').replace(/\s/g, ' ');

const figures = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** A figure the French way, to two decimals: 6.1 → « 6,1 »; 12345 → « 12 345 » (no-break space); −3 with a minus sign. */
export const figure = (n: number): string => figures.format(n).replace(/\s/g, '\u00a0').replace('-', '−');

/**
 * A size against a limit, in whole megabytes rounded up ("151 Mo"), for the messages that refuse
 * a file: one just over a limit never reads as equal to it (`formatSize` rounds to the nearest tenth).
 */
export const megabytes = (bytes: number) => `${thousands(Math.ceil(bytes / 1024 / 1024))} Mo`;

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/**
 * A file size in French units, as the data page and its download links print it: "850 octets",
 * "12,3 ko", "1,2 Mo" (1 ko = 1 000 octets, the decimal units of the International System).
 */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes < 2 ? 'octet' : 'octets'}`;
  if (bytes < 1_000_000) return `${decimal.format(bytes / 1000)} ko`;
  return `${decimal.format(bytes / 1_000_000)} Mo`;
}
