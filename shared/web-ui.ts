/**
 * Where a device's management web page is, from the ports a scan found open:
 * HTTPS before HTTP, standard ports before alternate ones. The app's "Open web
 * UI" and the engine's reading of page titles (host hints) pick the same page.
 */
const WEB_PORTS: ReadonlyArray<{ port: number; scheme: 'https' | 'http' }> = [
  { port: 443, scheme: 'https' },
  { port: 8443, scheme: 'https' },
  { port: 80, scheme: 'http' },
  { port: 8080, scheme: 'http' },
];

/** The web page's URL, or null when no web port answered or the address is not a plain IPv4 one. */
export function webPageUrl(ip: string | null, openPorts: readonly number[]): string | null {
  const web = WEB_PORTS.find((w) => openPorts.includes(w.port));
  if (!web || !ip || !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(ip)) return null;
  const standard = (web.scheme === 'https' && web.port === 443) || (web.scheme === 'http' && web.port === 80);
  return `${web.scheme}://${ip}${standard ? '' : `:${web.port}`}/`;
}
