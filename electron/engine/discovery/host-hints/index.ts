/**
 * Names and hints for hosts that answer no SNMP, read the ways peers read
 * them: mDNS (the host's .local name and services), NetBIOS (Windows name and
 * workgroup), SSDP/UPnP (friendly name, maker, model), and the web interface
 * (page title, Server header, certificate subject). Each is asked of the host
 * alone and bounded by the timeout; all run at once, and one that fails says
 * nothing rather than stopping the others.
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

export interface HostHintOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** LAN name services answer in milliseconds: their wait is bounded well below an SNMP timeout. */
const NAME_QUERY_MAX_MS = 700;

export async function readHostHints(ip: string, openTcpPorts: readonly number[], options: HostHintOptions): Promise<HostHints> {
  const udp = { timeoutMs: Math.min(options.timeoutMs, NAME_QUERY_MAX_MS), ...(options.signal ? { signal: options.signal } : {}) };
  const quiet = <T>(p: Promise<T | null>) => p.catch(() => null);
  const [mdns, netbios, ssdp, web] = await Promise.all([
    quiet(mdnsHints(ip, udp)),
    quiet(netbiosHints(ip, udp)),
    quiet(ssdpHints(ip, udp)),
    quiet(webHints(ip, openTcpPorts, options)),
  ]);
  return { mdns, netbios, ssdp, web };
}

export type { MdnsHints, NetbiosHints, SsdpHints, WebHints };
