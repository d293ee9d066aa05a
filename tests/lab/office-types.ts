/**
 * The vocabulary of the lab's office description (tests/lab/office.ts).
 * Kept apart from the data so the description reads as a table.
 */
import type { DeviceType } from '../../shared/device-types.js';

/** The SNMP credentials a lab agent accepts (lab-only test values, not secrets). */
export type LabSnmpCredentials =
  | { version: '2c'; community: string }
  | {
      version: '3';
      user: string;
      level: 'authPriv';
      authProtocol: 'SHA';
      authKey: string;
      privProtocol: 'AES';
      privKey: string;
    };

/**
 * A real recording shipped by Debian's snmpsim, used as the base of a device.
 * Subtrees that would contradict the lab's truth (interfaces, addresses,
 * forwarding/ARP/neighbour tables of the recorded network) are dropped and
 * rebuilt from fragments.
 */
export interface BaseRecording {
  /** Path relative to /usr/share/doc/snmpsim/examples/data; `.gz` is decompressed. */
  file: string;
  dropSubtrees: readonly string[];
}

/** An snmpsim agent serving a recording assembled from a base and fragments. */
export interface SnmpsimAgent {
  kind: 'snmpsim';
  credentials: LabSnmpCredentials;
  base?: BaseRecording;
  /**
   * Fragment names: files in tests/lab/recordings/fragments/ (without `.ts`).
   * Later fragments override earlier lines with the same OID.
   */
  fragments: readonly string[];
}

/** A deliberately broken agent written in Node (tests/lab/agents/<agent>.ts). */
export interface MisbehavingAgent {
  kind: 'node';
  agent: 'malformed-ber' | 'looping-walk';
  /** The community a scanner would try; the agent answers whatever it is sent. */
  credentials: LabSnmpCredentials;
}

export type LabSnmpAgent = SnmpsimAgent | MisbehavingAgent;

/** One interface as the device reports it in IF-MIB. */
export interface LabInterface {
  ifIndex: number;
  /** ifName (what topology links cite as `port`). */
  name: string;
  /** ifDescr. */
  descr: string;
  /** 6 = ethernetCsmacd, 24 = softwareLoopback, 53 = propVirtual. */
  ifType: number;
  mac: string | null;
  speedMbps: number;
  /** Whether the link is up (ifOperStatus 1) or down (2). */
  up: boolean;
}

/** Where a host is plugged in: a managed switch and that switch's port name. */
export interface LabAttachment {
  /** Name of the managed switch host. */
  switch: string;
  /** The switch's ifName of the port. */
  port: string;
  /** Name of the unmanaged switch in between, when there is one. */
  behind?: string;
}

/** What identification should conclude about the device. */
export interface ExpectedIdentity {
  /** What a full assessment concludes. */
  type: DeviceType;
  /** What the quick sweep (the system group alone) can conclude, where the full assessment reads more (the programs a box runs). */
  quickType?: DeviceType;
  /** Short vendor name a technician would use. */
  vendor: string;
  /** The organisation IEEE registered for the MAC's OUI (first line of the entry). */
  ouiOrganization: string;
  model: string | null;
  firmware: string | null;
  serial: string | null;
  os: string | null;
  /** sysName as the agent reports it (normally the host's name); null without SNMP. */
  sysName: string | null;
  /** The name Forewarn should give a host without SNMP: its DNS name, else what it says of itself (its hints). */
  name?: string;
}

/** What a host without SNMP says of itself, served by its listener (agents/tcp-listener.ts). */
export interface LabHostHints {
  mdns?: { name: string; services: string[] };
  netbios?: { name: string; workgroup: string };
  /** A UPnP root device; its description is served on the host's port 80 at /upnp.xml. */
  ssdp?: { friendlyName: string; manufacturer: string; modelName: string; deviceType: string };
  /** The title of the page on port 80 (and 443 with `tls`). */
  title?: string;
  /** Port 443 speaks TLS with a self-signed certificate of this subject. */
  tls?: { commonName: string; organization: string };
  /** The office DNS server runs here (the router): address → PTR name, from the hosts' `dnsName`. */
  dns?: Record<string, string>;
}

export interface LabHost {
  /** Lower-case DNS-like name; also the namespace suffix (`fw-<name>`). */
  name: string;
  /** Last octet of the address; also the source of the MAC's low bytes. */
  index: number;
  ip: string;
  mac: string;
  answersPing: boolean;
  snmp: LabSnmpAgent | null;
  tcpPorts: readonly number[];
  /** Null only for the root of the wiring (the core switch). */
  attachment: LabAttachment | null;
  interfaces: readonly LabInterface[];
  expected: ExpectedIdentity;
  /** Why this host is in the lab when it is there to misbehave. */
  quirk?: 'malformed-ber' | 'looping-walk' | 'big-table' | 'hostile-strings';
  /** Free-form facts fragments may use (e.g. sysDescr, sysObjectID, uptime). */
  facts: Readonly<Record<string, string | number>>;
  /** Names and hints it answers with over mDNS, NetBIOS, SSDP and HTTP. */
  hints?: LabHostHints;
  /** The name the office DNS (the router) registered for its address, as DHCP does for clients. */
  dnsName?: string;
}

export interface LabSwitchLink {
  a: { switch: string; port: string };
  b: { switch: string; port: string };
  via: 'lldp';
}

export interface LabUnmanagedSwitch {
  name: string;
  attachment: { switch: string; port: string };
}

/**
 * A machine that took an address another host owns (a hand-set static IP):
 * the office's duplicate-IP situation. It is plugged in (switches learn its
 * MAC on its port) and it won the router's ARP cache, while the owner still
 * answers the technician's laptop. It gets no namespace: two live hosts on one
 * address would turn every probe of that address into a coin toss, and what
 * Forewarn reads (the router's ARP table, the switches' forwarding tables,
 * its own ARP cache) is exactly what is modelled here.
 */
export interface LabIpConflict {
  /** Short name for the intruding machine (not a lab host). */
  name: string;
  mac: string;
  /** The organisation IEEE registered for its OUI (first line of the entry). */
  ouiOrganization: string;
  /** Where it is plugged in. */
  attachment: LabAttachment;
  /** The lab host whose address it claims. */
  claimsIpOf: string;
  /** The ARP caches that hold the intruder's MAC for the address (the others hold the owner's). */
  wonArpOf: readonly string[];
  /** Why it is there, in the office's story. */
  story: string;
}

export interface LabTechnician {
  namespace: string;
  ip: string;
  mac: string;
  prefixLength: number;
  gateway: string;
  attachment: LabAttachment;
}

/** The far, mostly empty network the router forwards to the void namespace. */
export interface LabVoid {
  namespace: string;
  cidr: string;
  /** The few addresses in it that answer (ping and TCP 22). */
  liveAddresses: readonly string[];
  /** Point-to-point link between the router and the void namespace. */
  routerSide: string;
  voidSide: string;
  linkPrefixLength: number;
}

export interface Office {
  name: string;
  lanCidr: string;
  lanPrefixLength: number;
  /** Namespace holding the bridge that is the office LAN. */
  lanNamespace: string;
  bridge: string;
  technician: LabTechnician;
  /** Name of the host that routes (the technician's gateway). */
  router: string;
  void: LabVoid;
  hosts: readonly LabHost[];
  switchLinks: readonly LabSwitchLink[];
  unmanagedSwitches: readonly LabUnmanagedSwitch[];
  ipConflicts: readonly LabIpConflict[];
}
