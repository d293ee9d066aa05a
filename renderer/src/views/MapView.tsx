/**
 * The topology map: Cytoscape.js on a canvas (no eval, no remote content:
 * fine under the CSP). Positions come from the shared hierarchical layout,
 * computed in a Web Worker (map/layout.worker.ts); elements reach Cytoscape in
 * slices once per layout (map/cy-sync.ts) with one redraw per update
 * (map/draw-hold.ts), and links are drawn plain when zoomed out
 * (map/level-of-detail.ts), so a 2,000-device map never freezes the window.
 * The technician can pan, zoom, drag (which pins a node where it is dropped),
 * search and fit. Clicking a node opens the device.
 */
import cytoscape, { type Core, type EventObject } from 'cytoscape';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Point } from '../../../shared/topology/schema';
import { RISK_COLOURS, mapStylesheet, type MapPalette } from '../map/cy-style';
import { applySearchHighlight } from '../map/cy-search';
import { restyleEdges, syncGraph } from '../map/cy-sync';
import { createDrawHold, type DrawHold } from '../map/draw-hold';
import { buildMapElements, type MapGraph } from '../map/graph-elements';
import { createLayoutClient, type LayoutClient } from '../map/layout-client';
import { LARGE_MAP_OVERVIEW_BELOW_ZOOM, OVERVIEW_BELOW_ZOOM, followLevelOfDetail, type LevelOfDetail } from '../map/level-of-detail';
import { useThrottled } from '../map/use-throttled';
import { useApp } from '../store/context';
import { ActionNotice, type Outcome } from '../components/ActionNotice';
import { downloadBlob } from '../download';
import { mapFileName, mapImage, type MapImageFormat } from '../map/map-export';
import { messageOf } from '../store/app-store';
import { useDeviceMenu } from '../components/DeviceMenu';
import { EmptyScan } from './EmptyScan';
import { ViewHeader } from './ViewHeader';

function palette(): MapPalette {
  const css = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { text: read('--text', '#1b2330'), textHalo: read('--surface', '#ffffff'), edge: read('--map-edge', '#8a97a8'), accent: read('--accent', '#1f6feb') };
}

/** Above this many nodes the map trades detail while moving for fluidity. */
const LARGE_GRAPH_NODES = 400;

export function MapView() {
  const scan = useApp((s) => s.scan);
  if (!scan) return <EmptyScan title="Network map" what="The map of the scanned network is drawn here." />;
  return <MapScreen />;
}

function MapScreen() {
  const devices = useApp((s) => s.scan!.devices);
  const placeholders = useApp((s) => s.scan!.placeholders);
  const links = useApp((s) => s.scan!.links);
  const pinned = useApp((s) => s.scan!.pinned);
  const gatewayIp = useApp((s) => s.scan!.info?.gateway ?? null);
  const info = useApp((s) => s.scan!.info);
  const running = useApp((s) => s.scan!.status === 'running');
  const theme = useApp((s) => s.settings?.theme ?? 'system');
  const focusId = useApp((s) => s.mapFocusId);
  const openDevice = useApp((s) => s.openDevice);
  const pinDevice = useApp((s) => s.pinDevice);
  const searchId = useId();

  const input = useMemo(() => ({ devices, placeholders, links, pinned, gatewayIp }), [devices, placeholders, links, pinned, gatewayIp]);
  // While a scan streams, re-lay the map at most once a second (big maps) and only place new devices.
  const throttled = useThrottled(input, running ? (devices.length > LARGE_GRAPH_NODES ? 1000 : 300) : 0);
  const graph = useMemo(() => {
    const t0 = performance.now();
    const built = buildMapElements(throttled);
    performance.measure('map:build-elements', { start: t0 });
    return built;
  }, [throttled]);
  // The elements with the positions laid out for them: Cytoscape is synced once per layout, not also when the
  // elements change (each sync ends in a redraw of the whole map, 50-150 ms for 2,000 devices).
  const [laidOut, setLaidOut] = useState<{ graph: MapGraph; positions: Record<string, Point> } | null>(null);
  const [layoutError, setLayoutError] = useState<string | null>(null);
  const [drawn, setDrawn] = useState<{ nodes: number; edges: number } | null>(null);
  const layoutClient = useRef<LayoutClient | null>(null);
  const levelOfDetail = useRef<LevelOfDetail | null>(null);
  const drawHold = useRef<DrawHold | null>(null);

  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const fitted = useRef(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [hoverText, setHoverText] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [overview, setOverview] = useState(false);
  const openMenu = useDeviceMenu();
  // A right-click on a node opens the device menu; placeholders (unmanaged switches) are not devices.
  const openNodeMenu = (at: { clientX: number; clientY: number }, id: string) => {
    const device = devices.find((d) => d.id === id);
    if (device) openMenu?.(at, device);
  };
  const actions = useRef({ openDevice, pinDevice, openNodeMenu });
  actions.current = { openDevice, pinDevice, openNodeMenu };

  // One Cytoscape instance per mount; big graphs (or a scan still streaming, which may grow to thousands) pan and zoom on a cached texture.
  const largeAtMount = useRef(running || devices.length + placeholders.length > LARGE_GRAPH_NODES);
  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      textureOnViewport: largeAtMount.current,
      hideEdgesOnViewport: largeAtMount.current,
      motionBlur: false,
      container: container.current,
      style: mapStylesheet(palette()),
      minZoom: 0.05,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
      pixelRatio: 1,
    });
    cyRef.current = cy;
    layoutClient.current = createLayoutClient();
    const hold = createDrawHold(cy);
    drawHold.current = hold;
    levelOfDetail.current = followLevelOfDetail(cy, (edges, overview, stale) => restyleEdges(cy, edges, overview, { cancelled: stale, hold }), largeAtMount.current ? LARGE_MAP_OVERVIEW_BELOW_ZOOM : OVERVIEW_BELOW_ZOOM, setOverview);
    cy.on('tap', 'node', (e: EventObject) => actions.current.openDevice(e.target.id() as string));
    cy.on('cxttap', 'node', (e: EventObject) => {
      const pointer = e.originalEvent as MouseEvent | undefined;
      if (pointer) actions.current.openNodeMenu(pointer, e.target.id() as string);
    });
    cy.on('dragfree', 'node', (e: EventObject) => {
      const { x, y } = e.target.position() as { x: number; y: number };
      actions.current.pinDevice(e.target.id() as string, { x: Math.round(x), y: Math.round(y) });
    });
    cy.on('select', 'node', (e: EventObject) => setSelected(e.target.id() as string));
    cy.on('unselect', 'node', () => setSelected(null));
    cy.on('mouseover', 'edge', (e: EventObject) => {
      e.target.addClass('hover');
      setHoverText(e.target.data('title') as string);
    });
    cy.on('mouseout', 'edge', (e: EventObject) => {
      e.target.removeClass('hover');
      setHoverText(null);
    });
    return () => {
      layoutClient.current?.dispose();
      layoutClient.current = null;
      levelOfDetail.current?.dispose();
      levelOfDetail.current = null;
      hold.dispose();
      drawHold.current = null;
      cy.destroy();
      cyRef.current = null;
      fitted.current = false;
    };
  }, []);

  // Theme changes recolour labels and links.
  useEffect(() => {
    cyRef.current?.style(mapStylesheet(palette()));
  }, [theme]);

  // The layout, in the worker: the latest answer wins.
  useEffect(() => {
    const client = layoutClient.current;
    if (!client) return;
    client
      .layout({ devices: graph.layoutDevices, links: graph.links, pinned: throttled.pinned, gatewayIp: throttled.gatewayIp })
      .then((p) => {
        if (p) {
          setLaidOut({ graph, positions: p });
          setLayoutError(null);
        }
      })
      .catch((error: unknown) => setLayoutError(error instanceof Error ? error.message : String(error)));
  }, [graph, throttled]);

  // Cytoscape follows the elements and positions, a slice at a time; a newer sync cancels an older one.
  const moveExisting = !running;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !laidOut) return;
    let cancelled = false;
    syncGraph(cy, laidOut.graph, laidOut.positions, { moveExisting, cancelled: () => cancelled || cy.destroyed(), edgeClasses: () => levelOfDetail.current?.edgeClasses() ?? '', hold: drawHold.current ?? undefined }).then(() => {
      if (cancelled || cy.destroyed()) return;
      setDrawn({ nodes: cy.nodes().length, edges: cy.edges().length });
      if (!fitted.current && cy.nodes().length > 0) {
        fitted.current = true;
        const focus = focusId ? cy.getElementById(focusId) : null;
        if (focus && focus.nonempty()) {
          cy.zoom(1.2);
          cy.center(focus);
          focus.select();
        } else {
          cy.fit(undefined, 30);
        }
      }
    }).catch((error: unknown) => setLayoutError(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
    };
  }, [laidOut, moveExisting, focusId]);

  const matches = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return needle === '' ? [] : graph.nodes.filter((n) => n.search.includes(needle)).map((n) => n.id);
  }, [graph, query]);

  // Highlight the matches (and fade the rest), also on elements drawn since; only changed classes are touched.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    applySearchHighlight(cy, query, matches);
  }, [matches, query, drawn]);

  // Zoom to a handful of matches when the search text changes (not on every streamed update).
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || query.trim() === '') return;
    const found = cy.nodes('.match');
    if (found.length > 0 && found.length <= 20) {
      // An animation steps in Cytoscape's frames, which an update in progress holds back (draw-hold.ts).
      drawHold.current?.interact();
      cy.animate({ fit: { eles: found, padding: 80 }, duration: 250 });
    }
  }, [query]);

  const zoomBy = (factor: number) => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  const fit = () => {
    drawHold.current?.interact();
    cyRef.current?.animate({ fit: { eles: cyRef.current.elements(), padding: 30 }, duration: 250 });
  };
  const [exported, setExported] = useState<Outcome | null>(null);
  const exportImage = (format: MapImageFormat) => {
    const cy = cyRef.current;
    if (!cy || !info) return;
    try {
      const fileName = mapFileName(info, format);
      downloadBlob(mapImage(cy, format), fileName);
      setExported({ tone: 'success', text: `The whole map was exported as ${fileName}.` });
    } catch (error) {
      setExported({ tone: 'error', text: `Could not export the map as ${format.toUpperCase()}: ${messageOf(error)}` });
    }
  };
  const pinnedCount = Object.keys(pinned).length;
  const selectedPinned = selected !== null && selected in pinned;

  return (
    <div className="view view-full">
      <ViewHeader title="Network map" subtitle={subtitle(drawn, graph.nodes.length, pinnedCount)}>
        <label htmlFor={searchId} className="visually-hidden">
          Search the map
        </label>
        <input
          id={searchId}
          type="search"
          className="search"
          placeholder="Find a device by name, ip, mac…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && matches.length > 0) actions.current.openDevice(matches[0]!);
          }}
          aria-describedby={`${searchId}-count`}
        />
        <span id={`${searchId}-count`} className="help" aria-live="polite">
          {query.trim() ? `${matches.length} match${matches.length === 1 ? '' : 'es'}${matches.length > 0 ? ' · Enter opens the first' : ''}` : ''}
        </span>
      </ViewHeader>
      {exported && <ActionNotice {...exported} testId="map-export-status" />}
      <section className="card map-card">
        <div className="map-toolbar" role="toolbar" aria-label="Map controls">
          <button type="button" className="button button-small" onClick={() => zoomBy(1.25)} aria-label="Zoom in">
            +
          </button>
          <button type="button" className="button button-small" onClick={() => zoomBy(0.8)} aria-label="Zoom out">
            −
          </button>
          <button type="button" className="button button-small" onClick={fit}>
            Fit
          </button>
          <button type="button" className="button button-small" onClick={() => exportImage('png')} title="The whole map as a picture (PNG), for a report or a ticket">
            Export PNG
          </button>
          <button type="button" className="button button-small" onClick={() => exportImage('svg')} title="The whole map as a vector drawing (SVG): sharp at any size, its labels real text">
            Export SVG
          </button>
          {selected && (
            <button type="button" className="button button-small" onClick={() => openDevice(selected)}>
              Open selected
            </button>
          )}
          {selectedPinned && (
            <button type="button" className="button button-small" onClick={() => pinDevice(selected, null)}>
              Unpin
            </button>
          )}
        </div>
        <div
          ref={container}
          className="map-canvas"
          data-testid="map-canvas"
          role="application"
          aria-label={`Network map with ${graph.nodes.length} devices. Drag to pan, scroll to zoom, click a device to open it, right-click it for its actions; drag a device to pin it.`}
          // The browser's own menu would cover the device menu a right-click on a node opens.
          onContextMenu={(e) => e.preventDefault()}
        />
        {layoutError && (
          <p className="map-error" role="alert">
            {layoutError}. The map cannot be drawn; the Devices list still has every device.
          </p>
        )}
        <MapLegend overview={overview} />
        <div className="map-hover" aria-live="polite">
          {hoverText ?? 'Hover a link for its ports · drag a device to pin it · click a device for its details, right-click for its actions'}
        </div>
      </section>
    </div>
  );
}

/** What is on the map now (the counts lag the scan by at most one layout while it streams). */
function subtitle(drawn: { nodes: number; edges: number } | null, total: number, pinnedCount: number): string {
  if (!drawn) return total > 0 ? `Laying out ${total.toLocaleString()} devices…` : 'No devices yet';
  return `${drawn.nodes.toLocaleString()} devices · ${drawn.edges.toLocaleString()} links${pinnedCount ? ` · ${pinnedCount} pinned` : ''}`;
}

function MapLegend({ overview }: { overview: boolean }) {
  return (
    <div className="map-legend" aria-label="Legend">
      <div className="legend-row">
        {(['critical', 'high', 'medium', 'low', 'none'] as const).map((band) => (
          <span key={band} className="legend-item">
            <span className="legend-swatch" data-band={band} style={{ background: RISK_COLOURS[band] }} />
            {band === 'none' ? 'no risk' : band}
          </span>
        ))}
      </div>
      <div className="legend-row">
        <span className="legend-item">
          <span className="legend-line line-confirmed" /> confirmed (LLDP/CDP)
        </span>
        <span className="legend-item">
          <span className="legend-line line-inferred" /> inferred (switch tables)
        </span>
        <span className="legend-item">
          <span className="legend-line line-assumed" /> assumed
        </span>
      </div>
      {overview && <div className="legend-row help">Zoomed out, links are drawn plain: zoom in for their styles.</div>}
    </div>
  );
}
