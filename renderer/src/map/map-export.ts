/**
 * The map as a picture for a proposal or a ticket: PNG (Cytoscape's own
 * renderer) or SVG (cytoscape-svg: vector, every label real text), of the
 * whole map whatever part is on screen, on white, handed over as a download
 * (download.ts).
 */
import cytoscape, { type Core } from 'cytoscape';
import cytoscapeSvg from 'cytoscape-svg';
import { safeFileName } from '../../../shared/file-names';

cytoscape.use(cytoscapeSvg);

export type MapImageFormat = 'png' | 'svg';

/** Pixels per map unit in the PNG: sharp when printed or zoomed, still a few MB at most. */
const PNG_SCALE = 2;

export function mapImage(cy: Core, format: MapImageFormat): Blob {
  if (format === 'png') return cy.png({ output: 'blob', full: true, scale: PNG_SCALE, bg: '#ffffff' });
  const svg = (cy as Core & { svg(options: { full: boolean; scale: number; bg: string }): string }).svg({ full: true, scale: 1, bg: '#ffffff' });
  return new Blob([svg], { type: 'image/svg+xml' });
}

/** "Harbour-Vets_Quay-Street_2026-03-14_map.svg". */
export function mapFileName(scan: { client?: string | undefined; site?: string | undefined; startedAt: string }, format: MapImageFormat): string {
  return `${safeFileName(scan.client ?? '', scan.site ?? '', scan.startedAt.slice(0, 10))}_map.${format}`;
}

