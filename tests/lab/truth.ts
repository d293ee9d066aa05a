/**
 * The lab's truth, derived from office.ts in the shapes tests compare against:
 * who is live, who answers what, how SNMP is reached, and the wiring as the
 * topology links a perfect scan would infer (issue 5's link form, with host
 * names where the scan document has device ids).
 */
import { hostNamespace, office } from './office.js';
import type { ExpectedIdentity, LabAttachment, LabHost, LabSnmpCredentials } from './office-types.js';

export interface TruthLink {
  a: { device: string; port: string | null };
  b: { device: string; port: string | null };
  via: 'lldp' | 'fdb';
  confidence: 'confirmed' | 'inferred';
}

export interface TruthHost {
  name: string;
  namespace: string;
  ip: string;
  mac: string;
  answersPing: boolean;
  /** How to reach its SNMP agent; null when it has none. */
  snmp: LabSnmpCredentials | null;
  /** True when a correct SNMP reply can be read (not the malformed-BER agent). */
  snmpReadable: boolean;
  tcpPorts: readonly number[];
  attachment: LabAttachment | null;
  expected: ExpectedIdentity;
  quirk: LabHost['quirk'] | null;
  /** The name the office DNS (the router) gives its address, if any. */
  dnsName: string | null;
}

function toTruthHost(h: LabHost): TruthHost {
  return {
    name: h.name,
    namespace: hostNamespace(h),
    ip: h.ip,
    mac: h.mac,
    answersPing: h.answersPing,
    snmp: h.snmp ? h.snmp.credentials : null,
    snmpReadable: h.snmp !== null && h.quirk !== 'malformed-ber',
    tcpPorts: h.tcpPorts,
    attachment: h.attachment,
    expected: h.expected,
    quirk: h.quirk ?? null,
    dnsName: h.dnsName ?? null,
  };
}

const switchNames = new Set(office.switchLinks.flatMap((l) => [l.a.switch, l.b.switch]));

function wiring(): TruthLink[] {
  const links: TruthLink[] = office.switchLinks.map((l) => ({
    a: { device: l.a.switch, port: l.a.port },
    b: { device: l.b.switch, port: l.b.port },
    via: l.via,
    confidence: 'confirmed',
  }));
  for (const u of office.unmanagedSwitches) {
    links.push({ a: { device: u.attachment.switch, port: u.attachment.port }, b: { device: u.name, port: null }, via: 'fdb', confidence: 'inferred' });
  }
  const endpoints = [...office.hosts.map((h) => ({ name: h.name, attachment: h.attachment })), { name: 'technician', attachment: office.technician.attachment }];
  for (const { name, attachment } of endpoints) {
    if (!attachment || switchNames.has(name)) continue;
    const upstream = attachment.behind ? { device: attachment.behind, port: null } : { device: attachment.switch, port: attachment.port };
    links.push({ a: upstream, b: { device: name, port: null }, via: 'fdb', confidence: 'inferred' });
  }
  return links;
}

const hosts = office.hosts.map(toTruthHost);

/** A duplicate IP as the scan should report it (topology.duplicate-ip on the owner's device). */
export interface TruthIpConflict {
  ip: string;
  /** The lab host that owns the address (the device the scan lists at it). */
  owner: string;
  ownerMac: string;
  ownerAttachment: LabAttachment;
  ownerOui: string;
  /** The machine that took it: in no device list, only in the tables. */
  intruder: string;
  intruderMac: string;
  intruderAttachment: LabAttachment;
  intruderOui: string;
  /** ARP caches that hold the intruder's MAC. */
  wonArpOf: readonly string[];
}

function ipConflicts(): TruthIpConflict[] {
  return office.ipConflicts.map((c) => {
    const owner = hosts.find((h) => h.name === c.claimsIpOf)!;
    return {
      ip: owner.ip,
      owner: owner.name,
      ownerMac: owner.mac,
      ownerAttachment: owner.attachment!,
      ownerOui: owner.expected.ouiOrganization,
      intruder: c.name,
      intruderMac: c.mac,
      intruderAttachment: c.attachment,
      intruderOui: c.ouiOrganization,
      wonArpOf: c.wonArpOf,
    };
  });
}

export const truth = {
  office,
  hosts,
  lanCidr: office.lanCidr,
  technician: office.technician,
  router: hosts.find((h) => h.name === office.router) as TruthHost,
  /** Every address that is alive on the office LAN, the technician excluded. */
  liveLanIps: hosts.map((h) => h.ip),
  snmpHosts: hosts.filter((h) => h.snmp !== null),
  noSnmpHosts: hosts.filter((h) => h.snmp === null),
  icmpDroppingHosts: hosts.filter((h) => !h.answersPing),
  v3OnlyHosts: hosts.filter((h) => h.snmp?.version === '3'),
  nonDefaultCommunityHosts: hosts.filter((h) => h.snmp?.version === '2c' && h.snmp.community !== 'public'),
  misbehavingHosts: hosts.filter((h) => h.quirk !== null),
  /** The far, mostly empty /16 behind the router, and the few addresses alive in it. */
  voidNetwork: { cidr: office.void.cidr, liveAddresses: office.void.liveAddresses },
  /** The intruders of IP conflicts are on the wire but own no address: no device, no link of their own. */
  links: wiring(),
  ipConflicts: ipConflicts(),
  unmanagedSwitches: office.unmanagedSwitches.map((u) => u.name),
};

export type Truth = typeof truth;

export function truthHost(name: string): TruthHost {
  const found = hosts.find((h) => h.name === name);
  if (!found) throw new Error(`no lab host named ${name}`);
  return found;
}

/** net-snmp command-line arguments (snmpget/snmpwalk) for a lab credential. */
export function netSnmpCliArgs(credentials: LabSnmpCredentials): string[] {
  if (credentials.version === '2c') return ['-v2c', '-c', credentials.community];
  return ['-v3', '-l', credentials.level, '-u', credentials.user, '-a', credentials.authProtocol, '-A', credentials.authKey, '-x', credentials.privProtocol, '-X', credentials.privKey];
}
