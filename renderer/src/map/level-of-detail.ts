/**
 * The map's level of detail: zoomed out (a site-wide overview), links are
 * drawn as plain lines. A dash pattern of 6 px at zoom 0.05 is 0.3 px long:
 * invisible, yet the canvas rasterises every dash (thousands per long link),
 * which made each redraw of a 2,000-device map 2-3 times dearer; 'haystack'
 * links also skip Cytoscape's endpoint geometry. Zoomed in, links keep their
 * dashed/dotted confidence styles (cy-style.ts, `edge.overview`).
 */
import type { Core, EdgeCollection, EdgeSingular } from 'cytoscape';

/** Below this zoom the map is an overview: a 6 px dash renders at 3 px or less. */
export const OVERVIEW_BELOW_ZOOM = 0.5;
/**
 * A big map (hundreds of devices), or one opened while a scan streams in (it
 * may become big), stays an overview up to zoom 1: even at 0.5-1 its links are
 * thousands of dashes per frame, the dearest part of a redraw while a scan
 * streams in (measured with `bench:ui -- --trace`).
 */
export const LARGE_MAP_OVERVIEW_BELOW_ZOOM = 1;
/** Leaving the overview takes 10% more zoom, so a wheel resting at the threshold does not flip it back and forth. */
const HYSTERESIS = 1.1;
export const OVERVIEW_CLASS = 'overview';

export function isOverviewZoom(zoom: number, wasOverview: boolean, overviewBelowZoom = OVERVIEW_BELOW_ZOOM): boolean {
  return zoom < (wasOverview ? overviewBelowZoom * HYSTERESIS : overviewBelowZoom);
}

/** The edges whose class disagrees with the level of detail (toggleClass restyles every element it is given, changed or not). */
export function edgesToRestyle(edges: EdgeCollection, overview: boolean): EdgeSingular[] {
  const out: EdgeSingular[] = [];
  edges.forEach((e) => {
    if (e.hasClass(OVERVIEW_CLASS) !== overview) out.push(e);
  });
  return out;
}

export interface LevelOfDetail {
  /** The classes a new edge gets now. */
  edgeClasses(): string;
  dispose(): void;
}

/**
 * Follows the zoom; when it crosses the threshold, restyles the edges through
 * `restyle` (which may spread the work over several tasks) and calls
 * `restyle` again with a fresh list if the zoom crossed back meanwhile.
 */
export function followLevelOfDetail(
  cy: Core,
  restyle: (edges: EdgeSingular[], overview: boolean, stale: () => boolean) => Promise<void>,
  overviewBelowZoom = OVERVIEW_BELOW_ZOOM,
  onChange?: (overview: boolean) => void,
): LevelOfDetail {
  let overview = isOverviewZoom(cy.zoom(), false, overviewBelowZoom);
  let generation = 0;
  const apply = () => {
    const mine = ++generation;
    const stale = () => mine !== generation || cy.destroyed();
    // Only the look of the links is at stake: a failure is reported, the map keeps working.
    restyle(edgesToRestyle(cy.edges(), overview), overview, stale).catch((error: unknown) => console.error('Map level of detail could not restyle the links:', error));
  };
  const onZoom = () => {
    const next = isOverviewZoom(cy.zoom(), overview, overviewBelowZoom);
    if (next === overview) return;
    overview = next;
    apply();
    onChange?.(overview);
  };
  cy.on('zoom', onZoom);
  return {
    edgeClasses: () => (overview ? OVERVIEW_CLASS : ''),
    dispose: () => {
      generation += 1;
      cy.off('zoom', onZoom);
    },
  };
}
