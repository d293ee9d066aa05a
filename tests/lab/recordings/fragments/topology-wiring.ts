/**
 * The office's wiring as the managed switches would learn it, derived from
 * office.ts (never hand-copied): which MAC each switch learns on which port,
 * bridge-port numbering, and the deterministic "aged-out" variant.
 * Shared by the topology-* fragments and tests/lab/topology.test.ts.
 * Not a fragment itself (no default export).
 */
import type { LabAttachment, LabHost, Office } from '../../office-types.js';

export type FdbVariant = 'full' | 'aged';

/** `FOREWARN_LAB_FDB=aged npm run lab:up` serves the aged-out forwarding tables. */
export function fdbVariantFromEnv(): FdbVariant {
  return process.env.FOREWARN_LAB_FDB === 'aged' ? 'aged' : 'full';
}

/** Managed switches: hosts named by a switch link or by someone's attachment. */
export function managedSwitches(office: Office): LabHost[] {
  const names = new Set([...office.switchLinks.flatMap((l) => [l.a.switch, l.b.switch]), ...office.hosts.flatMap((h) => (h.attachment ? [h.attachment.switch] : []))]);
  return office.hosts.filter((h) => names.has(h.name));
}

/** The port of switch `from` on the path to switch `to`, over the declared switch links. */
export function portToward(office: Office, from: string, to: string): string | null {
  const queue: Array<{ sw: string; first: string | null }> = [{ sw: from, first: null }];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const { sw, first } = queue.shift()!;
    for (const link of office.switchLinks) {
      for (const [here, there] of [
        [link.a, link.b],
        [link.b, link.a],
      ] as const) {
        if (here.switch !== sw || seen.has(there.switch)) continue;
        const port = first ?? here.port;
        if (there.switch === to) return port;
        seen.add(there.switch);
        queue.push({ sw: there.switch, first: port });
      }
    }
  }
  return null;
}

export interface Endpoint {
  name: string;
  mac: string;
  ip: string;
  attachment: LabAttachment;
}

/** Everything plugged into a switch port that is not itself a managed switch: hosts and the technician. */
export function endpoints(office: Office): Endpoint[] {
  const switches = new Set(managedSwitches(office).map((s) => s.name));
  const list: Endpoint[] = office.hosts.filter((h) => h.attachment && !switches.has(h.name)).map((h) => ({ name: h.name, mac: h.mac, ip: h.ip, attachment: h.attachment! }));
  list.push({ name: 'technician', mac: office.technician.mac, ip: office.technician.ip, attachment: office.technician.attachment });
  return list.sort((x, y) => x.mac.localeCompare(y.mac));
}

/**
 * The aged-out variant, deterministic: endpoints sorted by MAC; every third
 * (0, 3, 6…) loses its entry on its own switch (the entry that carries the
 * port), the next (1, 4, 7…) its entries on the other switches. Each endpoint
 * is learned by every switch once, so this removes a third of those entries,
 * and every endpoint stays in at least one table.
 */
export function agedOut(office: Office): { edge: Set<string>; remote: Set<string> } {
  const edge = new Set<string>();
  const remote = new Set<string>();
  endpoints(office).forEach((e, i) => {
    if (i % 3 === 0) edge.add(e.mac);
    else if (i % 3 === 1) remote.add(e.mac);
  });
  return { edge, remote };
}

/**
 * Machines on the wire that the scan cannot list as devices (they own no
 * address of their own): the intruders of the office's IP conflicts.
 * Switches learn their MACs like any other; they never age out (they talk).
 */
export function unlistedStations(office: Office): Endpoint[] {
  return office.ipConflicts.map((c) => ({ name: c.name, mac: c.mac, ip: office.hosts.find((h) => h.name === c.claimsIpOf)!.ip, attachment: c.attachment }));
}

/** The MAC an ARP cache holds for `ip`: the intruder's where it won that cache, else `owner`. */
export function arpMacFor(office: Office, cacheOf: string, ip: string, owner: string): string {
  const won = office.ipConflicts.find((c) => c.wonArpOf.includes(cacheOf) && office.hosts.find((h) => h.name === c.claimsIpOf)?.ip === ip);
  return won?.mac ?? owner;
}

export interface Learned {
  mac: string;
  port: string;
}

/** The MACs switch `sw` learns and on which of its ports, for the chosen variant. */
export function learnedBy(office: Office, sw: LabHost, variant: FdbVariant): Learned[] {
  const aged = variant === 'aged' ? agedOut(office) : { edge: new Set<string>(), remote: new Set<string>() };
  const out: Learned[] = [];
  for (const e of endpoints(office)) {
    const own = e.attachment.switch === sw.name;
    if ((own && aged.edge.has(e.mac)) || (!own && aged.remote.has(e.mac))) continue;
    const port = own ? e.attachment.port : portToward(office, sw.name, e.attachment.switch);
    if (port) out.push({ mac: e.mac, port });
  }
  for (const e of unlistedStations(office)) {
    const port = e.attachment.switch === sw.name ? e.attachment.port : portToward(office, sw.name, e.attachment.switch);
    if (port) out.push({ mac: e.mac, port });
  }
  // Other managed switches (their management traffic): never aged, so uplinks stay recognisable.
  for (const other of managedSwitches(office)) {
    if (other.name === sw.name) continue;
    const port = portToward(office, sw.name, other.name);
    if (port) out.push({ mac: other.mac, port });
  }
  return out;
}

/** Bridge ports number the switch's Ethernet interfaces 1…n, as Cisco and HP do. */
export function bridgePorts(sw: LabHost): Array<{ bridgePort: number; ifIndex: number; name: string }> {
  return sw.interfaces.filter((i) => i.ifType === 6).map((i, n) => ({ bridgePort: n + 1, ifIndex: i.ifIndex, name: i.name }));
}

export function macSubIds(mac: string): string {
  return mac
    .split(':')
    .map((h) => parseInt(h, 16))
    .join('.');
}
