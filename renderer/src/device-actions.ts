/**
 * What a technician does next with a device: open its web interface, copy its
 * address. Pure helpers; the device page renders the buttons.
 */
import type { Device } from '../../shared/scan-document';

/** Ports a management web interface answers on, best first: TLS before plain, standard before alternate. */
const WEB_PORTS: ReadonlyArray<{ port: number; scheme: 'https' | 'http' }> = [
  { port: 443, scheme: 'https' },
  { port: 8443, scheme: 'https' },
  { port: 80, scheme: 'http' },
  { port: 8080, scheme: 'http' },
];

/** The device's web UI, from the ports the scan found open; null when none answered (or no IPv4 address). */
export function webUiUrl(device: Pick<Device, 'ip' | 'reachability'>): string | null {
  const open = new Set(device.reachability.tcp ?? []);
  const web = WEB_PORTS.find((w) => open.has(w.port));
  if (!web || !device.ip || !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(device.ip)) return null;
  const standard = (web.scheme === 'https' && web.port === 443) || (web.scheme === 'http' && web.port === 80);
  return `${web.scheme}://${device.ip}${standard ? '' : `:${web.port}`}/`;
}
