/**
 * The one way to fold text for comparison: accents removed (NFD, combining marks dropped),
 * typographic apostrophes straightened, lower-cased unless `keepCase`. Used by the matcher of
 * terms and names (./mentions.ts), the A–Z letters, reserved names, the actions filter in the
 * browser and the fidelity tests. Small and dependency-free so that client scripts can import it.
 */
export function fold(text: string, keepCase = false): string {
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’ʼ‘]/g, "'");
  return keepCase ? plain : plain.toLowerCase();
}
