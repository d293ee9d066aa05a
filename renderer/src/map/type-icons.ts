/**
 * One line icon per device type for the map's nodes, as SVG data URLs
 * (the CSP allows `img-src data:`; nothing is fetched). Paths are 24×24,
 * stroked in white on the node's risk colour.
 */
import type { DeviceType } from '../../../shared/device-types';

const PATHS: Record<DeviceType, string> = {
  router: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M8 9l4-3l4 3M12 6v5M8 15l4 3l4-3M12 18v-5',
  switch: 'M3 8h18v8H3zM6 12h.01M9 12h.01M12 12h.01M15 12h.01M18 12h.01',
  firewall: 'M3 5h18v14H3zM3 10h18M3 14.5h18M9 5v5M15 5v5M6 10v4.5M12 10v4.5M18 10v4.5M9 14.5V19M15 14.5V19',
  'access-point': 'M5 10a10 10 0 0 1 14 0M8 13a6 6 0 0 1 8 0M11 16a2 2 0 0 1 2 0M12 19h.01',
  'wireless-controller': 'M4 14h16v6H4zM7 17h.01M7 9a7 7 0 0 1 10 0M9.5 11.5a3 3 0 0 1 5 0',
  // A box with links on both sides: network gear of no narrower class.
  'network-device': 'M4 8h16v8H4zM1 10h3M1 14h3M20 10h3M20 14h3M8 12h8',
  printer: 'M6 9V3h12v6M6 18H4v-7a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v7h-2M6 14h12v7H6z',
  ups: 'M4 7h14v10H4zM18 10h2v4h-2M12 8.5l-3 4h4l-3 4',
  pdu: 'M7 3h10v18H7zM10 7h4M10 11h4M10 15h4',
  nas: 'M5 4h14v5H5zM5 10h14v5H5zM5 16h14v4H5zM8 6.5h.01M8 12.5h.01M8 18h.01',
  server: 'M4 4h16v6H4zM4 14h16v6H4zM7 7h.01M7 17h.01M11 7h6M11 17h6',
  hypervisor: 'M12 3l9 5l-9 5l-9-5zM3 13l9 5l9-5M3 17l9 5l9-5',
  workstation: 'M3 4h18v12H3zM8 20h8M12 16v4',
  phone: 'M7 3h10v18H7zM11 18h2M9 6h6v6H9z',
  camera: 'M3 8h12v9H3zM15 11l6-3v9l-6-3M7 12h.01',
  iot: 'M7 7h10v10H7zM10 10h4v4h-4zM9 3v4M15 3v4M9 17v4M15 17v4M3 9h4M3 15h4M17 9h4M17 15h4',
  'environment-sensor': 'M10 4a2 2 0 0 1 4 0v10a4 4 0 1 1-4 0zM12 9v7',
  'unmanaged-switch': 'M3 9h18v6H3zM7 12h.01M11 12h.01M15 12h.01',
  unknown: 'M9 9a3 3 0 1 1 4 2.8c-.6.3-1 .9-1 1.6V15M12 18h.01',
};

const cache = new Map<DeviceType, string>();

export function typeIconUrl(type: DeviceType): string {
  let url = cache.get(type);
  if (!url) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24" fill="none" stroke="#ffffff" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round"><path d="${PATHS[type]}"/></svg>`;
    url = `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
    cache.set(type, url);
  }
  return url;
}
