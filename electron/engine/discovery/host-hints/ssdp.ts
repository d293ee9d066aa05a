/**
 * What a UPnP device says of itself: a unicast SSDP M-SEARCH to the host's
 * port 1900, then its device description (the LOCATION of the reply),
 * fetched only from the host itself. The description's friendlyName,
 * manufacturer, modelName and deviceType name TVs, NAS boxes, printers and
 * home routers that answer no SNMP. XML is read by fast-xml-parser.
 */
import { XMLParser } from 'fast-xml-parser';
import { fetchPage } from './http-fetch';
import { udpQuery, type UdpQueryOptions } from './udp-query';

export interface SsdpHints {
  friendlyName: string | null;
  manufacturer: string | null;
  modelName: string | null;
  modelNumber: string | null;
  serialNumber: string | null;
  /** The UPnP device type, short: "InternetGatewayDevice", "MediaRenderer", "Printer"… */
  deviceType: string | null;
}

const SSDP_PORT = 1900;

function searchRequest(ip: string): Buffer {
  return Buffer.from(['M-SEARCH * HTTP/1.1', `HOST: ${ip}:${SSDP_PORT}`, 'MAN: "ssdp:discover"', 'MX: 1', 'ST: upnp:rootdevice', '', ''].join('\r\n'), 'ascii');
}

/** The LOCATION of an SSDP reply, only when it points at the host itself (http, its own address). */
export function descriptionUrl(reply: string, ip: string): string | null {
  const location = /^location:\s*(\S+)\s*$/im.exec(reply)?.[1];
  if (!location) return null;
  try {
    const url = new URL(location);
    return url.protocol === 'http:' && url.hostname === ip ? url.toString() : null;
  } catch {
    return null;
  }
}

const text = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' ? String(v).replace(/\s+/g, ' ').trim().slice(0, 120) || null : null);

export function parseDescription(xml: string): SsdpHints | null {
  let root: Record<string, unknown>;
  try {
    root = new XMLParser({ removeNSPrefix: true, processEntities: true, htmlEntities: false }).parse(xml) as Record<string, unknown>;
  } catch {
    return null;
  }
  const device = (root.root as { device?: Record<string, unknown> } | undefined)?.device;
  if (!device) return null;
  const type = text(device.deviceType);
  return {
    friendlyName: text(device.friendlyName),
    manufacturer: text(device.manufacturer),
    modelName: text(device.modelName),
    modelNumber: text(device.modelNumber),
    serialNumber: text(device.serialNumber),
    deviceType: type ? (/:device:([\w-]+):/.exec(type)?.[1] ?? null) : null,
  };
}

export async function ssdpHints(ip: string, options: UdpQueryOptions): Promise<SsdpHints | null> {
  const reply = await udpQuery(ip, options.port ?? SSDP_PORT, searchRequest(ip), options, (m) => /^HTTP\/1\.1 200/i.test(m.toString('latin1', 0, 16)));
  const url = reply ? descriptionUrl(reply.toString('latin1'), ip) : null;
  if (!url) return null;
  const page = await fetchPage(url, options);
  return page && page.status === 200 ? parseDescription(page.body) : null;
}
