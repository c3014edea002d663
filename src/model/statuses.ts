/**
 * The closed vocabulary of follow-up statuses, shared by every document.
 * Each convention maps its own codes (R, PR, EC, NR, "En cours", "Action revue"…) onto these keys
 * in its `statusScale`. The label carries the meaning; the symbol only decorates it
 * (RGAA 3.1: never colour alone).
 */
export const STATUSES = {
  realise: { label: 'Réalisé', symbol: '✓' },
  'partiellement-realise': { label: 'Partiellement réalisé', symbol: '◑' },
  'en-cours': { label: 'En cours', symbol: '➜' },
  'non-realise': { label: 'Non réalisé', symbol: '○' },
  revue: { label: 'Action revue', symbol: '↺' },
  'mise-a-jour': { label: 'Mise à jour', symbol: '↻' },
  abandonne: { label: 'Plus à réaliser', symbol: '✕' },
} as const;

export type StatusKey = keyof typeof STATUSES;

/** Status keys in display order. */
export const STATUS_KEYS = Object.keys(STATUSES) as [StatusKey, ...StatusKey[]];

export function statusLabel(key: StatusKey): string {
  return STATUSES[key].label;
}
