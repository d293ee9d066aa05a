/** A file name from untrusted labels (client, site, scan date): letters, digits, dashes, the parts joined by "_". */
export function safeFileName(...parts: string[]): string {
  return parts.map((p) => p.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '')).filter(Boolean).join('_').slice(0, 120) || 'forewarn';
}
