/** Colours, sizes and shared styles of the report. The accent comes from the MSP's branding. */
import { StyleSheet } from '@react-pdf/renderer';
import type { Severity } from '../../shared/health/schema';
import { riskBand } from '../../shared/health/risk';

export const INK = '#1d232b';
export const MUTED = '#5b6673';
export const RULE = '#d5dae0';
export const ZEBRA = '#f4f6f8';

export const SEVERITY_COLOURS: Record<Severity, string> = {
  critical: '#a4161a',
  high: '#c2410c',
  medium: '#a16207',
  low: '#3f6e8c',
  info: '#6b7280',
};

export { SEVERITY_LABELS } from '../../shared/health/schema';

export function riskColour(score: number): string {
  const band = riskBand(score);
  return band === 'critical' || band === 'high' || band === 'medium' ? SEVERITY_COLOURS[band] : '#2f7d4f';
}

/** Readable text on an accent background. */
export function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return luminance > 0.6 ? INK : '#ffffff';
}

export const PAGE_MARGIN = 40;
/** Width inside the margins of an A4 page (595.28 × 841.89 pt). */
export function contentWidth(orientation: 'portrait' | 'landscape'): number {
  return (orientation === 'portrait' ? 595.28 : 841.89) - 2 * PAGE_MARGIN;
}

export const styles = StyleSheet.create({
  page: { paddingTop: 64, paddingBottom: 52, paddingHorizontal: PAGE_MARGIN, fontSize: 9, color: INK },
  header: { position: 'absolute', top: 22, left: PAGE_MARGIN, right: PAGE_MARGIN, flexDirection: 'row', justifyContent: 'space-between', fontSize: 7.5, color: MUTED, borderBottomWidth: 0.6, borderBottomColor: RULE, paddingBottom: 5 },
  footer: { position: 'absolute', bottom: 22, left: PAGE_MARGIN, right: PAGE_MARGIN, flexDirection: 'row', justifyContent: 'space-between', fontSize: 7.5, color: MUTED },
  h1: { fontSize: 18, fontWeight: 'bold', marginBottom: 6 },
  h2: { fontSize: 12, fontWeight: 'bold', marginTop: 12, marginBottom: 5 },
  h3: { fontSize: 10, fontWeight: 'bold', marginTop: 8, marginBottom: 3 },
  lead: { fontSize: 9.5, color: MUTED, marginBottom: 10 },
  small: { fontSize: 7.5, color: MUTED },
  pill: { borderRadius: 3, paddingHorizontal: 4, paddingVertical: 1, color: '#ffffff', fontSize: 7, fontWeight: 'bold', alignSelf: 'flex-start' },
});
