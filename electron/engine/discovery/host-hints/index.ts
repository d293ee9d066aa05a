/**
 * Names and hints for hosts that answer no SNMP, read the ways peers read
 * them: mDNS (the host's .local name and services), NetBIOS (Windows name and
 * workgroup), SSDP/UPnP (friendly name, maker, model), and the web interface
 * (page title, Server header, certificate subject). Each is asked of the host
 * alone and bounded by the timeout. The name services are asked the moment a
 * host is found, so their wait overlaps the SNMP probe's; the web page when
 * the host is enriched, once its open ports are known.
 */
import { mdnsHints, type MdnsHints } from './mdns';
import { netbiosHints, type NetbiosHints } from './netbios';
import { ssdpHints, type SsdpHints } from './ssdp';
import { webHints, type WebHints } from './web-banner';

export interface HostHints {
  mdns: MdnsHints | null;
  netbios: NetbiosHints | null;
  ssdp: SsdpHints | null;
  web: WebHints | null;
}

/** What the name services say: asked as soon as a host is found, before anyone knows it answers SNMP. */
export type NameServiceHints = Pick<HostHints, 'mdns' | 'netbios' | 'ssdp'>;

export interface HostHintOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** LAN name services answer in milliseconds: their wait is bounded well below an SNMP timeout. */
const NAME_QUERY_MAX_MS = 700;

const quiet = <T>(p: Promise<T | null>) => p.catch(() => null);

/** mDNS, NetBIOS and SSDP, asked at once; one that fails says nothing rather than stopping the others. */
export async function readNameServices(ip: string, options: HostHintOptions): Promise<NameServiceHints> {
  const udp = { timeoutMs: Math.min(options.timeoutMs, NAME_QUERY_MAX_MS), ...(options.signal ? { signal: options.signal } : {}) };
  const [mdns, netbios, ssdp] = await Promise.all([quiet(mdnsHints(ip, udp)), quiet(netbiosHints(ip, udp)), quiet(ssdpHints(ip, udp))]);
  return { mdns, netbios, ssdp };
}

/** The web page of the first web port open (the TCP probe of a full assessment found it). */
export function readWebHints(ip: string, openTcpPorts: readonly number[], options: HostHintOptions): Promise<WebHints | null> {
  return quiet(webHints(ip, openTcpPorts, options));
}

export type { MdnsHints, NetbiosHints, SsdpHints, WebHints };
