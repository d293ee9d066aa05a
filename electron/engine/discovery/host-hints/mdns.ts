/**
 * The host's own mDNS name and the DNS-SD services it announces, asked of
 * the host alone: a unicast query to its port 5353 from an ordinary port,
 * which responders answer directly ("legacy unicast", RFC 6762 §6.7). No
 * multicast is sent, so nothing but the target is asked. Packets are encoded
 * and decoded by dns-packet.
 */
import { decode, encode, type Answer } from 'dns-packet';
import { udpQuery, type UdpQueryOptions } from './udp-query';

export interface MdnsHints {
  /** "Boardroom-TV" of Boardroom-TV.local. */
  name: string | null;
  /** Service types the host announces: "_ipp._tcp", "_airplay._tcp"… */
  services: string[];
}

const MDNS_PORT = 5353;
const SERVICES = '_services._dns-sd._udp.local';
const MAX_SERVICES = 32;

function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

function dataOf(answer: Answer): string | null {
  return answer.type === 'PTR' && typeof answer.data === 'string' ? answer.data : null;
}

/** "Boardroom-TV.local" → "Boardroom-TV"; a name that is not a plain host label is dropped. */
function hostLabel(fqdn: string): string | null {
  const label = fqdn.replace(/\.$/, '').replace(/\.local$/i, '');
  return /^[\w][\w .'-]{0,62}$/.test(label) ? label : null;
}

export async function mdnsHints(ip: string, options: UdpQueryOptions): Promise<MdnsHints | null> {
  const request = encode({
    type: 'query',
    id: Math.floor(Math.random() * 0xffff),
    flags: 0,
    questions: [
      { type: 'PTR', name: reverseName(ip) },
      { type: 'PTR', name: SERVICES },
    ],
  });
  const reply = await udpQuery(ip, options.port ?? MDNS_PORT, request, options, (message) => {
    try {
      return decode(message).type === 'response';
    } catch {
      return false;
    }
  });
  if (!reply) return null;
  const packet = decode(reply);
  const records = [...(packet.answers ?? []), ...(packet.additionals ?? [])];
  const name = records.filter((a) => a.name.toLowerCase() === reverseName(ip)).map(dataOf).find((d): d is string => d !== null);
  const services = records
    .filter((a) => a.name.toLowerCase() === SERVICES)
    .map(dataOf)
    .filter((d): d is string => d !== null)
    .map((d) => d.replace(/\.local\.?$/i, ''))
    .filter((d) => /^_[\w-]+\._(?:tcp|udp)$/.test(d));
  const result = { name: name ? hostLabel(name) : null, services: [...new Set(services)].slice(0, MAX_SERVICES) };
  return result.name || result.services.length > 0 ? result : null;
}
