/**
 * Identification vocabulary: facts read from a device, the declarative rules
 * that turn facts into evidence, and the resulting identity.
 */
import type { DeviceType } from '../../../shared/device-types';
import type { Evidence } from '../../../shared/scan-document';
import type { VendorScope } from './rule-owners';
import type { HostHints } from '../discovery/host-hints';

export type { Evidence };

/** One value observed on a device, with where it came from (an OID, `mac`, `tcp:9100`). */
export interface Fact {
  value: string;
  source: string;
}

/**
 * Facts by key. Keys are numeric OID instances (`1.3.6.1.2.1.1.1.0`), a column's
 * first row (`first:<column OID>`), or derived names (`ent.model`, `hr.printer.descr`,
 * `mac.oui`, `tcp.open`...).
 */
export type Facts = Map<string, Fact>;

export type ValueField = 'vendor' | 'model' | 'firmware' | 'serial' | 'hostname';

/** A test on one fact. All tests present on a condition must hold. */
export interface Condition {
  fact: string;
  /** OID-style prefix match on a dotted value (sysObjectID), dot-boundary aware. */
  prefix?: string | readonly string[];
  /** Regex on the value. */
  match?: RegExp;
  /** The fact must be absent (or present when false). */
  absent?: boolean;
  /** Numeric bounds on the value. */
  min?: number;
  max?: number;
  /** At least one of these bits is set (LLDP capability bits as an integer, see facts.ts). */
  anyBit?: number;
}

/**
 * A declarative identification rule. When `fact` passes the tests and every
 * `also` condition holds, the rule emits evidence: `set` constants, the named
 * capture groups of `match` (model / firmware / serial / vendor), and `take`
 * (the whole value becomes that field).
 */
export interface Rule extends Condition {
  id: string;
  also?: readonly Condition[];
  set?: { type?: DeviceType; vendor?: string; model?: string };
  take?: ValueField;
  /** Higher wins when rules disagree on a field. */
  weight: number;
  /** Enterprises this hand-written rule was written for, where its facts do not show it (rule-owners.ts). */
  owner?: readonly number[];
  /** Compiled from a public source (IANA registry, vendor MIBs): generic knowledge, never switched off. */
  compiled?: boolean;
}

export interface Identity {
  vendor: string | null;
  type: DeviceType;
  model: string | null;
  firmware: string | null;
  serial: string | null;
  /** The host's name: its DNS name, else the name it gave over mDNS, NetBIOS or UPnP (host-hints). */
  hostname?: string | null;
  evidence: Evidence[];
}

/** What discovery already knows about the host before identification. */
export interface HostFacts {
  mac?: string | null;
  hostname?: string | null;
  openTcpPorts?: readonly number[];
  /** What the host said of itself without SNMP: mDNS, NetBIOS, UPnP, its web page (discovery/host-hints). */
  hints?: HostHints | null;
  /** The system group, if discovery already read it (saves a round trip). */
  system?: Partial<IdentitySystemGroup> | null;
}

/** The system-group fields identification reads (sysServices too, which the probe does not ask). */
export interface IdentitySystemGroup {
  sysDescr: string | null;
  sysObjectID: string | null;
  sysName: string | null;
  sysServices: number | null;
}

export interface IdentifyOptions {
  /** System group + MAC + ports only: no walks, no further GETs. */
  quick: boolean;
  signal?: AbortSignal;
  /** Switch off these vendors' hand-written rules (bench:corpus --leave-vendor-out). */
  withoutVendor?: VendorScope;
}
