/**
 * What an enterprise makes, from what its MIBs manage: security gear,
 * sensors, printers, storage, radios, or network equipment of no narrower kind.
 *
 * Optical-transport, carrier-Ethernet and access makers (and the big makers
 * of everything network) rarely have a products MIB that says "switch" or
 * "router", so the class votes give them nothing. But their MIBs are about
 * VLANs, spanning tree, MPLS, optics and line interfaces, and a UPS, printer
 * or sensor maker's MIBs never are (0–2 % of their objects against 5–40 % for
 * network makers, over the 13,691 compiled modules). Such a vendor's usual
 * class is "network device": a weak prior that only speaks when nothing
 * narrower does. A vendor a fifth of whose objects are about firewall
 * policies, VPN tunnels, intrusion prevention or content filtering
 * (Check Point 37 %, WatchGuard 73 %, Forcepoint 88 %; Cisco 0.6 %) makes
 * firewalls: that is narrower, so it wins over "network device". So do the
 * makers whose objects are mostly about probes and humidity (AKCP 96 %,
 * NetBotz 48 %), paper and toner (Lexmark 18 %, Minolta 17 %), or volumes and
 * LUNs (NetApp 27 %, Isilon 34 %): the vocabulary of a vendor never seen in
 * a sysObjectID table still says what it makes.
 */
import type { DeviceType } from '../../shared/device-types';
import { enterpriseOf } from '../../electron/engine/identify/enterprises';
import { GENERIC_AGENT_ENTERPRISES } from '../../electron/engine/identify/rules/probe-gates';
import { classOfModule, isNetworkModule, isRadioModule, NETWORK_CLASSES, words } from './grammar';
import type { MibModule } from './smidump';

/** Object names that only network equipment has: protocols, forwarding tables, optics, line interfaces. */
const NETWORK_OBJECT_WORDS =
  /\b(?:vlans?|stp|rstp|mstp|spanning ?tree|lacp|igmp|snooping|ospf|bgp|mpls|vrrp|qos|acl|fdb|mac ?(?:address )?table|trunk|lldp|dot1[dqxs]|optical|sfp|transceiver|wdm|och|otn|pon|onu|olt|dsl|e1|t1|ds1|sdh|sonet|rx ?power|tx ?power)\b/;

/**
 * Object-name vocabularies that say what a vendor makes, narrowest first: the first whose share of the
 * vendor's objects (and least count) is met wins. Shares are set between the makers of that class and
 * everyone else over the compiled modules: HP's printer objects are 3 % of its MIBs, APC's sensor objects
 * 19 %, Synology's volume objects 6 %; those vendors are placed by their product tables instead.
 * Never UPS words: a NAS maker's UPS-monitoring MIB is mostly battery objects (Synology 87 %).
 */
const OBJECT_VOCABULARIES: ReadonlyArray<{ type: DeviceType; words: RegExp; share: number; least: number }> = [
  // Policies and rules of a firewall, VPN, IPS, filtering.
  {
    type: 'firewall',
    words: /\b(?:fw|firewall|vpn|ipsec|ike|ips|ids|antivirus|anti ?virus|anti ?spam|url ?filter\w*|web ?filter\w*|threat\w*|sandbox|utm|ssl ?vpn|app ?ctrl|application control|intrusion|malware|botnet|content ?filter\w*)\b/,
    share: 0.2,
    least: 30,
  },
  // Probes, humidity, contacts and leaks: environment monitors (AKCP, NetBotz, Vutlan, IT Watchdogs, Comet; HW group writes "sens").
  {
    type: 'environment-sensor',
    words: /\b(?:humidity|hygro\w*|dew ?point|dry ?contacts?|water|leak|smoke|airflow|door|motion|probes?|thermometers?|sensors?|sens|temperature|temp)\b/,
    share: 0.25,
    least: 20,
  },
  // Paper, toner and trays: printers and their print servers (Lexmark, Minolta, Brother, Kyocera).
  {
    type: 'printer',
    words: /\b(?:printers?|print|toner|cartridges?|fuser|drum|paper|tray|marker|copier|fax|staple\w*)\b/,
    share: 0.08,
    least: 15,
  },
  // Volumes, LUNs, RAID and shares: storage arrays and filers (NetApp, Isilon, EqualLogic, Data Domain).
  {
    type: 'nas',
    words: /\b(?:raid|luns?|volumes?|disks?|array|filesystems?|snapshots?|quotas?|nfs|cifs|smb|iscsi|replication|aggregates?|spindles?|vdisks?|filers?)\b/,
    share: 0.25,
    least: 30,
  },
];

/**
 * A vendor a tenth of whose modules are about the radio itself (two at least: RADIO_MODULE_WORDS)
 * makes radios and access points (Alvarion, Cambium, Ruckus; Cisco's are 2 %).
 */
const WIRELESS_MODULE_SHARE = 0.1;

/** Share of a vendor's objects, and least count, that make it a network maker. */
const OBJECT_SHARE = 0.05;
const MIN_OBJECTS = 20;
/** Or: share of its modules named for network work (and at least two of them). */
const MODULE_SHARE = 0.2;
const MIN_MODULES = 2;
/** A vendor whose modules name other classes (UPS, camera…) this often, against network ones, is mixed. */
const OTHER_CLASS_RATIO = 0.25;

interface Tally {
  objects: number;
  networkObjects: number;
  /** Objects matching each of OBJECT_VOCABULARIES, by index. */
  vocabularyObjects: number[];
  modules: number;
  networkModules: number;
  wirelessModules: number;
  otherClassModules: number;
}

/** The enterprise most of a module's objects sit under: whose module it is. */
export function moduleEnterprise(module: MibModule): number | null {
  const counts = new Map<number, number>();
  for (const o of module.objects) {
    const e = enterpriseOf(o.oid);
    if (e !== null) counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? null;
}

function tallies(modules: readonly MibModule[]): Map<number, Tally> {
  const out = new Map<number, Tally>();
  const tallyOf = (e: number) => out.get(e) ?? out.set(e, { objects: 0, networkObjects: 0, vocabularyObjects: OBJECT_VOCABULARIES.map(() => 0), modules: 0, networkModules: 0, wirelessModules: 0, otherClassModules: 0 }).get(e)!;
  for (const module of modules) {
    for (const o of module.objects) {
      const e = o.kind === 'node' ? null : enterpriseOf(o.oid);
      if (e === null) continue;
      const t = tallyOf(e);
      t.objects++;
      const named = words(o.name);
      if (NETWORK_OBJECT_WORDS.test(named)) t.networkObjects++;
      OBJECT_VOCABULARIES.forEach((v, i) => {
        if (v.words.test(named)) t.vocabularyObjects[i]!++;
      });
    }
    const e = moduleEnterprise(module);
    if (e === null) continue;
    const t = tallyOf(e);
    t.modules++;
    if (isRadioModule(module.name)) t.wirelessModules++;
    const cls = classOfModule(module.name, module.description);
    if (isNetworkModule(module.name) || (cls && NETWORK_CLASSES.has(cls))) t.networkModules++;
    else if (cls) t.otherClassModules++;
  }
  return out;
}

function makesNetworkEquipment(t: Tally): boolean {
  const byObjects = t.networkObjects >= MIN_OBJECTS && t.networkObjects >= OBJECT_SHARE * t.objects;
  const byModules = t.networkModules >= MIN_MODULES && t.networkModules >= MODULE_SHARE * t.modules;
  return (byObjects || byModules) && t.otherClassModules <= OTHER_CLASS_RATIO * Math.max(t.networkModules, 1);
}

function makesWirelessGear(t: Tally): boolean {
  return t.wirelessModules >= MIN_MODULES && t.wirelessModules >= WIRELESS_MODULE_SHARE * t.modules;
}

/** The narrowest class whose vocabulary fills its share of the vendor's objects, or null. */
function vocabularyClass(t: Tally): DeviceType | null {
  return OBJECT_VOCABULARIES.find((v, i) => t.vocabularyObjects[i]! >= v.least && t.vocabularyObjects[i]! >= v.share * t.objects)?.type ?? null;
}

/**
 * Enterprise → the class its objects' vocabulary states (firewall, environment sensor, printer, storage),
 * else "access-point" for one whose modules are about radios, else "network-device" for one whose MIBs
 * are network equipment's. Generic agents (net-snmp, UCD: their MIBs hold a Linux box's own ipfw tables
 * and disk tables) make no class.
 */
/** Modules a vendor publishes before the silence of its MIBs about a class says something. */
const MANY_MODULES = 4;

/**
 * Enterprises with MANY_MODULES or more MIB modules (generic agents aside): vendors whose MIBs were
 * read whole. Where none of them states a class, the vendor is not known to make network gear.
 */
export function vendorsWithManyModules(modules: readonly MibModule[]): number[] {
  return [...tallies(modules)].filter(([enterprise, t]) => t.modules >= MANY_MODULES && !GENERIC_AGENT_ENTERPRISES.includes(enterprise)).map(([e]) => e);
}

export function vendorVocabularyClasses(modules: readonly MibModule[]): Record<number, DeviceType> {
  const out: Record<number, DeviceType> = {};
  for (const [enterprise, t] of tallies(modules)) {
    if (GENERIC_AGENT_ENTERPRISES.includes(enterprise)) continue;
    const cls = vocabularyClass(t) ?? (makesWirelessGear(t) ? 'access-point' : makesNetworkEquipment(t) ? 'network-device' : null);
    if (cls) out[enterprise] = cls;
  }
  return out;
}
