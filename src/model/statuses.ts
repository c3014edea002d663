/**
 * The closed vocabulary of follow-up statuses, shared by every document.
 * Each convention maps its own codes (R, PR, EC, NR…) onto these keys in its `statusScale`.
 * The label carries the meaning; the symbol only decorates it (RGAA 3.1: never colour alone).
 */
export const STATUSES = {
  realise: { label: 'Réalisé', symbol: '✓' },
  'partiellement-realise': { label: 'Partiellement réalisé', symbol: '◑' },
  'en-cours': { label: 'En cours', symbol: '➜' },
  'non-realise': { label: 'Non réalisé', symbol: '○' },
} as const;

export type StatusKey = keyof typeof STATUSES;

/** Status keys in display order (from done to not done). */
export const STATUS_KEYS = Object.keys(STATUSES) as [StatusKey, ...StatusKey[]];

export function statusLabel(key: StatusKey): string {
  return STATUSES[key].label;
}
