/** Cytoscape's stylesheet for the map: nodes by type icon and risk colour, links by confidence. */
import type { StylesheetJson } from 'cytoscape';
import { DEVICE_TYPES } from '../../../shared/device-types';
import type { RiskBand } from '../format';
import { OVERVIEW_CLASS } from './level-of-detail';
import { typeIconUrl } from './type-icons';

export const RISK_COLOURS: Record<RiskBand, string> = {
  none: '#5b6b80',
  low: '#2f8f4e',
  medium: '#c58a00',
  high: '#dd6b20',
  critical: '#c9302c',
};

export interface MapPalette {
  text: string;
  textHalo: string;
  edge: string;
  accent: string;
}

export function mapStylesheet(palette: MapPalette): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        shape: 'round-rectangle',
        width: 40,
        height: 40,
        'background-color': '#5b6b80',
        'background-image': 'data(icon)',
        'background-width': '70%',
        'background-height': '70%',
        'background-clip': 'none',
        'border-width': 0,
        label: 'data(label)',
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-valign': 'bottom',
        'text-margin-y': 5,
        'font-size': 12,
        'line-height': 1.2,
        color: palette.text,
        'text-outline-color': palette.textHalo,
        'text-outline-width': 2,
        'min-zoomed-font-size': 9,
      },
    },
    ...(Object.entries(RISK_COLOURS) as Array<[RiskBand, string]>).map(([band, colour]) => ({
      selector: `node[band = "${band}"]`,
      style: { 'background-color': colour },
    })),
    { selector: 'node[type = "unmanaged-switch"]', style: { width: 30, height: 30, 'border-width': 2, 'border-style': 'dashed', 'border-color': '#5b6b80', 'background-color': '#8795a8' } },
    { selector: 'node[type = "router"], node[type = "switch"], node[type = "firewall"]', style: { width: 48, height: 48, 'font-weight': 600 } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-color': palette.text, 'border-style': 'double' } },
    { selector: 'node:selected', style: { 'overlay-color': palette.accent, 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: 'node.match', style: { 'underlay-color': palette.accent, 'underlay-opacity': 0.45, 'underlay-padding': 10, 'z-index': 10 } },
    { selector: 'node.faded, edge.faded', style: { opacity: 0.25 } },
    {
      selector: 'edge',
      style: {
        width: 2,
        'line-color': palette.edge,
        'curve-style': 'straight',
        'font-size': 10,
        color: palette.text,
        'text-outline-color': palette.textHalo,
        'text-outline-width': 2,
      },
    },
    { selector: 'edge[confidence = "confirmed"]', style: { width: 3 } },
    { selector: 'edge[confidence = "inferred"]', style: { width: 1.5, 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    { selector: 'edge[confidence = "assumed"]', style: { 'line-style': 'dotted', opacity: 0.6 } },
    // Zoomed out (level-of-detail.ts): plain lines; confidence still shows in width and opacity.
    { selector: `edge.${OVERVIEW_CLASS}`, style: { 'line-style': 'solid', 'curve-style': 'haystack', 'haystack-radius': 0 } },
    {
      selector: 'edge.hover, edge:selected',
      style: {
        'line-color': palette.accent,
        // Port labels need endpoints on the node borders, which a haystack (overview) link does not compute.
        'curve-style': 'straight',
        'source-label': 'data(sourcePort)',
        'target-label': 'data(targetPort)',
        'source-text-offset': 34,
        'target-text-offset': 34,
        'z-index': 20,
        opacity: 1,
      },
    },
  ];
}

/** Icons resolved once per type, as node data (a data() mapping keeps the stylesheet small). */
export const TYPE_ICONS = Object.fromEntries(DEVICE_TYPES.map((t) => [t, typeIconUrl(t)])) as Record<(typeof DEVICE_TYPES)[number], string>;
