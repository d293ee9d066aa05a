/**
 * The TCP ports a scan probes: the default list, and the parser of a list a
 * technician types ("22, 80, 443, 8000-8010") in Settings or on the command
 * line. One parser, so both say the same thing about the same mistake.
 */

/** Discovery ports (SSH, HTTP, HTTPS, SMB, RDP, JetDirect, IPP) plus Telnet and 8080 for the security findings. */
export const DEFAULT_TCP_PORTS: readonly number[] = [22, 80, 443, 445, 3389, 9100, 631, 23, 8080];

/** Each port is one connection attempt per host: a long list slows every scan. */
export const MAX_TCP_PORTS = 64;

export type TcpPortList = { ports: number[] } | { error: string };

const isPort = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65_535;

/** Ports and ranges separated by commas or spaces, in the order given, each once. */
export function parseTcpPortList(text: string): TcpPortList {
  const tokens = text.split(/[\s,;]+/).filter(Boolean);
  if (tokens.length === 0) return { error: 'Give at least one port.' };
  const ports: number[] = [];
  for (const token of tokens) {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(token);
    const [from, to] = m ? [Number(m[1]), Number(m[2] ?? m[1])] : [NaN, NaN];
    if (!isPort(from) || !isPort(to) || to < from) return { error: `"${token}" is not a port (1–65535) or a range such as 8000-8010.` };
    for (let port = from; port <= to && ports.length <= MAX_TCP_PORTS; port += 1) if (!ports.includes(port)) ports.push(port);
    if (ports.length > MAX_TCP_PORTS) return { error: `At most ${MAX_TCP_PORTS} ports: each is one connection attempt per host.` };
  }
  return { ports };
}

/** A list as the technician would type it back. */
export function formatTcpPortList(ports: readonly number[]): string {
  return ports.join(', ');
}
