/**
 * THE TRUTH: the simulated client office, declared once. Everything the lab
 * builds (namespaces, addresses, MACs, agents, recordings) and everything the
 * lab tests expect is derived from this table.
 *
 * Address plan: office LAN 10.77.0.0/24, router .1, technician .250.
 * MACs use real vendor OUIs; the low three bytes are 77:00:<host index>
 * (switch port MACs: 77:<host index>:<port>), so they never collide.
 */
import type {
  BaseRecording,
  ExpectedIdentity,
  LabAttachment,
  LabHost,
  LabInterface,
  LabIpConflict,
  LabSnmpAgent,
  LabSnmpCredentials,
  Office,
} from './office-types.js';

export type * from './office-types.js';

const LAN_PREFIX = '10.77.0.';

/** Real IEEE OUIs, chosen to match each device's maker. */
const OUI = {
  cisco: '00:1b:54',
  ciscoAlt: 'f4:cf:e2',
  hp: '3c:52:82',
  hpPrinter: '00:1e:0b',
  apc: '00:c0:b7',
  synology: '00:11:32',
  ubiquiti: '24:5a:4c',
  ubiquitiAlt: 'b4:fb:e4',
  dell: 'b8:ca:3a',
  dellAlt: 'd4:be:d9',
  intel: '00:0e:0c',
  supermicro: '00:25:90',
  apple: '3c:07:54',
  lenovo: '80:96:21',
  brother: '3c:2a:f4',
  yealink: '80:5e:c0',
  axis: '00:40:8c',
  raspberryPi: 'b8:27:eb',
  raspberryPiTrading: 'e4:5f:01',
  espressif: '3c:61:05',
} as const;

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');

/** A host's MAC: vendor OUI + 77:00:<index>. */
export function hostMac(oui: string, index: number): string {
  return `${oui}:77:00:${hex2(index)}`;
}

/** A switch port's own MAC: vendor OUI + 77:<switch index>:<port number>. */
export function portMac(oui: string, switchIndex: number, port: number): string {
  return `${oui}:77:${hex2(switchIndex)}:${hex2(port)}`;
}

const PUBLIC: LabSnmpCredentials = { version: '2c', community: 'public' };
const UPS_COMMUNITY: LabSnmpCredentials = { version: '2c', community: 'Ups-M0nitor' };
const NAS_V3: LabSnmpCredentials = {
  version: '3',
  user: 'fwmonitor',
  level: 'authPriv',
  authProtocol: 'SHA',
  authKey: 'lab-auth-pass-2024',
  privProtocol: 'AES',
  privKey: 'lab-priv-pass-2024',
};

/** The fragments every project-authored SNMP device starts with. */
const CORE = ['system', 'interfaces', 'ip-addresses'] as const;

function snmpsim(credentials: LabSnmpCredentials, fragments: readonly string[], base?: BaseRecording): LabSnmpAgent {
  return base ? { kind: 'snmpsim', credentials, fragments, base } : { kind: 'snmpsim', credentials, fragments };
}

/** A host with one Ethernet NIC (plus loopback when the OS reports one). */
function nic(mac: string, name: string, descr: string, loopback: { name: string; descr: string } | null, speedMbps = 1000): LabInterface[] {
  const eth: LabInterface = { ifIndex: loopback ? 2 : 1, name, descr, ifType: 6, mac, speedMbps, up: true };
  if (!loopback) return [eth];
  return [{ ifIndex: 1, name: loopback.name, descr: loopback.descr, ifType: 24, mac: null, speedMbps: 10_000, up: true }, eth];
}

const LINUX_LO = { name: 'lo', descr: 'lo' };
const WINDOWS_LO = { name: 'loopback_0', descr: 'Software Loopback Interface 1' };

/** Subtrees of a real recording that describe its original network, not the lab. */
const RECORDED_NETWORK_SUBTREES = [
  '1.3.6.1.2.1.2', // interfaces
  '1.3.6.1.2.1.31', // ifMIB (ifXTable)
  '1.3.6.1.2.1.3', // at (address translation)
  '1.3.6.1.2.1.4.20', // ipAddrTable
  '1.3.6.1.2.1.4.21', // ipRouteTable
  '1.3.6.1.2.1.4.22', // ipNetToMediaTable (ARP)
  '1.3.6.1.2.1.4.24', // ipForward
  '1.3.6.1.2.1.4.34', // ipAddressTable
  '1.3.6.1.2.1.4.35', // ipNetToPhysicalTable
  '1.3.6.1.2.1.10.7', // EtherLike-MIB (per port)
  '1.3.6.1.2.1.17', // BRIDGE-MIB (FDB)
  '1.0.8802', // LLDP-MIB
  '1.3.6.1.4.1.9.9.23', // CISCO-CDP-MIB
  '1.3.6.1.4.1.9.9.46', // CISCO-VTP-MIB (per-VLAN FDB contexts)
  '1.3.6.1.6.3', // SNMP engine/USM internals of the recorded agent
];

interface HostInput {
  name: string;
  index: number;
  oui: string;
  answersPing?: boolean;
  snmp?: LabSnmpAgent | null;
  tcpPorts?: number[];
  attachment: LabAttachment | null;
  interfaces?: (mac: string) => LabInterface[];
  expected: Omit<ExpectedIdentity, 'sysName'> & { sysName?: string | null };
  quirk?: LabHost['quirk'];
  facts?: Record<string, string | number>;
  hints?: LabHost['hints'];
  dnsName?: string;
}

function host(input: HostInput): LabHost {
  const mac = hostMac(input.oui, input.index);
  const snmp = input.snmp ?? null;
  return {
    name: input.name,
    index: input.index,
    ip: `${LAN_PREFIX}${input.index}`,
    mac,
    answersPing: input.answersPing ?? true,
    snmp,
    tcpPorts: input.tcpPorts ?? [],
    attachment: input.attachment,
    interfaces: input.interfaces ? input.interfaces(mac) : nic(mac, 'eth0', 'eth0', snmp ? LINUX_LO : null),
    expected: {
      ...input.expected,
      sysName: input.expected.sysName !== undefined ? input.expected.sysName : snmp ? input.name : null,
      ...(input.dnsName ? { name: input.dnsName } : {}),
    },
    ...(input.quirk ? { quirk: input.quirk } : {}),
    ...(input.hints ? { hints: input.hints } : {}),
    ...(input.dnsName ? { dnsName: input.dnsName } : {}),
    facts: input.facts ?? {},
  };
}

const CORE_SWITCH = 'sw-core01';
const ACCESS_SWITCH = 'sw-access01';
const core = (port: string): LabAttachment => ({ switch: CORE_SWITCH, port });
const access = (port: string): LabAttachment => ({ switch: ACCESS_SWITCH, port });
const UNMANAGED = 'unmanaged-sales';
const behindUnmanaged: LabAttachment = { switch: ACCESS_SWITCH, port: '12', behind: UNMANAGED };

/** Ports used by a host or a switch link; the rest are down, as in a real closet. */
const USED_PORTS: Record<string, Set<string>> = { [CORE_SWITCH]: new Set(), [ACCESS_SWITCH]: new Set() };

function ciscoCorePorts(switchIndex: number): LabInterface[] {
  const ports: LabInterface[] = [
    { ifIndex: 1, name: 'Vl1', descr: 'Vlan1', ifType: 53, mac: hostMac(OUI.cisco, switchIndex), speedMbps: 1000, up: true },
  ];
  for (let n = 1; n <= 48; n += 1) {
    ports.push({ ifIndex: 10100 + n, name: `Fa1/0/${n}`, descr: `FastEthernet1/0/${n}`, ifType: 6, mac: portMac(OUI.cisco, switchIndex, n), speedMbps: 100, up: false });
  }
  for (let n = 1; n <= 4; n += 1) {
    ports.push({ ifIndex: 10600 + n, name: `Gi1/0/${n}`, descr: `GigabitEthernet1/0/${n}`, ifType: 6, mac: portMac(OUI.cisco, switchIndex, 48 + n), speedMbps: 1000, up: false });
  }
  return ports;
}

function procurvePorts(switchIndex: number): LabInterface[] {
  const ports: LabInterface[] = [];
  for (let n = 1; n <= 24; n += 1) {
    ports.push({ ifIndex: n, name: String(n), descr: String(n), ifType: 6, mac: portMac(OUI.hp, switchIndex, n), speedMbps: 1000, up: false });
  }
  ports.push({ ifIndex: 4096, name: 'DEFAULT_VLAN', descr: 'DEFAULT_VLAN', ifType: 53, mac: hostMac(OUI.hp, switchIndex), speedMbps: 1000, up: true });
  return ports;
}

const hosts: LabHost[] = [
  host({
    name: 'gw01',
    index: 1,
    oui: OUI.cisco,
    snmp: snmpsim(PUBLIC, [...CORE, 'entity', 'topology-arp']),
    tcpPorts: [22, 443],
    attachment: core('Gi1/0/1'),
    interfaces: (mac) => [
      { ifIndex: 1, name: 'Gi0/0/0', descr: 'GigabitEthernet0/0/0', ifType: 6, mac, speedMbps: 1000, up: true },
      { ifIndex: 2, name: 'Gi0/0/1', descr: 'GigabitEthernet0/0/1', ifType: 6, mac: portMac(OUI.cisco, 1, 2), speedMbps: 1000, up: true },
      { ifIndex: 3, name: 'Nu0', descr: 'Null0', ifType: 1, mac: null, speedMbps: 10_000, up: true },
    ],
    expected: { type: 'router', vendor: 'Cisco', ouiOrganization: 'Cisco Systems, Inc', model: 'ISR4321/K9', firmware: '16.9.4', serial: 'FDO2213A0KX', os: 'IOS XE' },
    facts: {
      sysDescr: 'Cisco IOS Software [Fuji], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.4, RELEASE SOFTWARE (fc2)\r\nTechnical Support: http://www.cisco.com/techsupport\r\nCopyright (c) 1986-2019 by Cisco Systems, Inc.\r\nCompiled Thu 22-Aug-19 18:09 by mcpre',
      sysObjectID: '1.3.6.1.4.1.9.1.2068',
      sysServices: 78,
      entDescr: 'Cisco ISR4321 Chassis',
      entHardwareRev: 'V04',
      entFirmware: '16.9(4r)',
      voidLinkIfIndex: 2,
    },
  }),
  host({
    name: CORE_SWITCH,
    index: 2,
    oui: OUI.cisco,
    snmp: snmpsim(PUBLIC, [...CORE, 'topology-fdb', 'topology-lldp'], { file: 'cisco_16_switch.snmprec.gz', dropSubtrees: RECORDED_NETWORK_SUBTREES }),
    tcpPorts: [22, 23, 80],
    // The root of the wiring: nothing upstream.
    attachment: null,
    interfaces: () => ciscoCorePorts(2),
    expected: { type: 'switch', vendor: 'Cisco', ouiOrganization: 'Cisco Systems, Inc', model: 'WS-C3750-48PS-S', firmware: '12.2(55)SE10', serial: 'CAT0952N20R', os: 'IOS' },
    facts: { keepRecordedSystem: 1, sysServices: 6 },
  }),
  host({
    name: ACCESS_SWITCH,
    index: 3,
    oui: OUI.hp,
    snmp: snmpsim(PUBLIC, [...CORE, 'topology-fdb', 'topology-lldp', 'health-switch-duplex-crc'], { file: 'hp_perf.snmprec.gz', dropSubtrees: RECORDED_NETWORK_SUBTREES }),
    tcpPorts: [22, 80],
    attachment: core('Gi1/0/2'),
    interfaces: () => procurvePorts(3),
    expected: { type: 'switch', vendor: 'HP', ouiOrganization: 'Hewlett Packard', model: 'J9021A Switch 2810-24G', firmware: 'N.11.75', serial: null, os: null },
    facts: { keepRecordedSystem: 1 },
  }),
  host({
    name: 'ap-lobby',
    index: 4,
    oui: OUI.ubiquiti,
    snmp: snmpsim(PUBLIC, [...CORE]),
    tcpPorts: [22],
    attachment: core('Fa1/0/11'),
    expected: { type: 'access-point', vendor: 'Ubiquiti', ouiOrganization: 'Ubiquiti Inc', model: 'UAP-AC-Pro', firmware: '6.5.55.14777', serial: null, os: null },
    facts: { sysDescr: 'UAP-AC-Pro 6.5.55.14777', sysObjectID: '1.3.6.1.4.1.41112.1.6', sysServices: 2 },
  }),
  host({
    name: 'ap-office',
    index: 5,
    oui: OUI.ubiquitiAlt,
    snmp: snmpsim(PUBLIC, [...CORE]),
    tcpPorts: [22],
    attachment: access('2'),
    expected: { type: 'access-point', vendor: 'Ubiquiti', ouiOrganization: 'Ubiquiti Inc', model: 'U6-Lite', firmware: '6.6.55.15189', serial: null, os: null },
    facts: { sysDescr: 'U6-Lite 6.6.55.15189', sysObjectID: '1.3.6.1.4.1.41112.1.6', sysServices: 2 },
  }),
  host({
    name: 'prn-hp01',
    index: 10,
    oui: OUI.hpPrinter,
    snmp: snmpsim(PUBLIC, [...CORE, 'host-resources-device', 'printer', 'hp-printer-identity', 'health-printer-trouble']),
    tcpPorts: [80, 443, 631, 9100],
    attachment: access('3'),
    expected: { type: 'printer', vendor: 'HP', ouiOrganization: 'Hewlett Packard', model: 'HP LaserJet Pro M404dn', firmware: '002.2149A', serial: 'PHBBK12345', os: null },
    facts: {
      sysDescr: 'HP ETHERNET MULTI-ENVIRONMENT,ROM none,JETDIRECT,JD153,EEPROM JSI23900012,CIDATE 05/18/2021',
      sysObjectID: '1.3.6.1.4.1.11.2.3.9.1',
      sysServices: 72,
      hrDeviceDescr: 'HP LaserJet Pro M404dn',
      firmware: '002.2149A',
    },
  }),
  host({
    name: 'prn-brother01',
    index: 11,
    oui: OUI.brother,
    snmp: snmpsim(PUBLIC, [...CORE, 'host-resources-device', 'printer', 'health-printer-healthy']),
    tcpPorts: [80, 443, 631, 9100],
    attachment: access('4'),
    expected: { type: 'printer', vendor: 'Brother', ouiOrganization: 'Brother Industries, LTD.', model: 'Brother HL-L6200DW series', firmware: '1.52', serial: 'E78321A9N123456', os: null },
    facts: {
      sysDescr: 'Brother NC-8700w, Firmware Ver.1.52  (20.11.05),MID 8CE-K48,FID 2',
      sysObjectID: '1.3.6.1.4.1.2435.2.3.9.1',
      sysServices: 72,
      hrDeviceDescr: 'Brother HL-L6200DW series',
      firmware: '1.52',
    },
  }),
  host({
    name: 'ups01',
    index: 15,
    oui: OUI.apc,
    snmp: snmpsim(UPS_COMMUNITY, [...CORE, 'ups-identity', 'health-ups-battery-replace']),
    tcpPorts: [80, 443],
    attachment: core('Fa1/0/10'),
    expected: { type: 'ups', vendor: 'APC', ouiOrganization: 'AMERICAN POWER CONVERSION CORP', model: 'Smart-UPS 1500', firmware: 'UPS 09.8 (ID18)', serial: 'AS1234567890', os: null },
    facts: {
      sysDescr: 'APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.8.2 PN:apc_hw05_aos_682.bin AF1:v6.8.2 AN1:apc_hw05_sumx_682.bin MN:AP9631 HR:05 SN: ZA1901012345 MD:01/15/2019)',
      sysObjectID: '1.3.6.1.4.1.318.1.3.27',
      sysServices: 72,
    },
  }),
  host({
    name: 'nas01',
    index: 20,
    oui: OUI.synology,
    snmp: snmpsim(NAS_V3, [...CORE, 'synology-identity', 'health-nas-raid-hot-disk']),
    tcpPorts: [80, 443, 445, 5000, 5001],
    attachment: core('Fa1/0/5'),
    expected: { type: 'nas', vendor: 'Synology', ouiOrganization: 'Synology Incorporated', model: 'DS920+', firmware: 'DSM 7.2-64570', serial: '2040PDN123456', os: 'DSM' },
    facts: {
      sysDescr: 'Linux nas01 4.4.302+ #64570 SMP Tue Jul 25 12:43:26 CST 2023 x86_64',
      sysObjectID: '1.3.6.1.4.1.8072.3.2.10',
      sysServices: 76,
    },
  }),
  host({
    name: 'srv-files01',
    index: 21,
    oui: OUI.dell,
    snmp: snmpsim(PUBLIC, [...CORE, 'dell-omsa-identity', 'health-server-volume-full']),
    tcpPorts: [135, 445, 3389],
    attachment: core('Fa1/0/6'),
    interfaces: (mac) => nic(mac, 'ethernet_32769', 'Broadcom NetXtreme Gigabit Ethernet', WINDOWS_LO),
    expected: { type: 'server', vendor: 'Dell', ouiOrganization: 'Dell Inc.', model: 'PowerEdge R740', firmware: null, serial: '7XK2M33', os: 'Windows Server 2019' },
    facts: {
      sysDescr: 'Hardware: Intel64 Family 6 Model 85 Stepping 7 AT/AT COMPATIBLE - Software: Windows Version 6.3 (Build 17763 Multiprocessor Free)',
      sysObjectID: '1.3.6.1.4.1.311.1.1.3.1.2',
      sysServices: 76,
    },
  }),
  host({
    name: 'srv-linux01',
    index: 22,
    oui: OUI.supermicro,
    snmp: snmpsim(PUBLIC, [...CORE], { file: 'recorded/linux-full-walk.snmprec.gz', dropSubtrees: RECORDED_NETWORK_SUBTREES }),
    tcpPorts: [22, 80],
    attachment: core('Fa1/0/7'),
    expected: { type: 'server', vendor: 'Supermicro', ouiOrganization: 'Super Micro Computer, Inc.', model: null, firmware: null, serial: null, os: 'Linux 2.6.21.5-smp' },
    facts: { keepRecordedSystem: 1 },
  }),
  host({
    // A Linux box sharing files over Samba and NFS, behind net-snmp: its programs make it the office's NAS.
    name: 'backup01',
    index: 24,
    oui: OUI.supermicro,
    snmp: snmpsim(PUBLIC, [...CORE, 'processes-file-server']),
    tcpPorts: [22, 445],
    attachment: core('Fa1/0/12'),
    expected: { type: 'nas', quickType: 'server', vendor: 'Supermicro', ouiOrganization: 'Super Micro Computer, Inc.', model: null, firmware: null, serial: null, os: 'Linux 5.15.0-91-generic' },
    facts: {
      sysDescr: 'Linux backup01 5.15.0-91-generic #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023 x86_64',
      sysObjectID: '1.3.6.1.4.1.8072.3.2.10',
    },
  }),
  host({
    name: 'srv-app01',
    index: 23,
    oui: OUI.dellAlt,
    tcpPorts: [22, 443],
    attachment: core('Fa1/0/8'),
    expected: { type: 'server', vendor: 'Dell', ouiOrganization: 'Dell Inc.', model: null, firmware: null, serial: null, os: null },
  }),
  host({
    name: 'hv01',
    index: 30,
    oui: OUI.dell,
    answersPing: false,
    snmp: snmpsim(PUBLIC, [...CORE, 'entity']),
    tcpPorts: [443, 902],
    attachment: core('Fa1/0/9'),
    interfaces: (mac) => nic(mac, 'vmnic0', 'Device vmnic0 at 03:00.0 tg3', null),
    expected: { type: 'hypervisor', vendor: 'Dell', ouiOrganization: 'Dell Inc.', model: 'PowerEdge R650', firmware: '7.0.3', serial: 'HV7R650', os: 'VMware ESXi 7.0.3' },
    facts: {
      sysDescr: 'VMware ESXi 7.0.3 build-21930508 VMware, Inc. x86_64',
      sysObjectID: '1.3.6.1.4.1.6876.4.1',
      sysServices: 72,
      entDescr: 'PowerEdge R650',
      entHardwareRev: 'A01',
      entFirmware: '7.0.3',
    },
  }),
  host({
    name: 'ws-reception',
    index: 40,
    oui: OUI.dellAlt,
    answersPing: false,
    attachment: access('5'),
    expected: { type: 'workstation', vendor: 'Dell', ouiOrganization: 'Dell Inc.', model: null, firmware: null, serial: null, os: null },
  }),
  host({
    name: 'ws-accounting',
    index: 41,
    oui: OUI.hp,
    answersPing: false,
    tcpPorts: [3389],
    attachment: access('6'),
    expected: { type: 'workstation', vendor: 'HP', ouiOrganization: 'Hewlett Packard', model: null, firmware: null, serial: null, os: null },
  }),
  host({
    name: 'ws-legacy',
    index: 42,
    oui: OUI.intel,
    snmp: snmpsim(PUBLIC, [...CORE], { file: 'recorded/winxp-full-walk.snmprec.gz', dropSubtrees: RECORDED_NETWORK_SUBTREES }),
    tcpPorts: [135, 139, 445],
    attachment: access('7'),
    interfaces: (mac) => nic(mac, 'Intel(R) PRO/100 VE Network Connection', 'Intel(R) PRO/100 VE Network Connection', { name: 'MS TCP Loopback interface', descr: 'MS TCP Loopback interface' }, 100),
    expected: { type: 'workstation', vendor: 'Intel', ouiOrganization: 'Intel Corporation', model: null, firmware: null, serial: null, os: 'Windows XP' },
    facts: { keepRecordedSystem: 1 },
  }),
  host({
    name: 'ws-design',
    dnsName: 'design-imac.smithco.lan',
    index: 43,
    oui: OUI.apple,
    tcpPorts: [22],
    attachment: access('8'),
    expected: { type: 'workstation', vendor: 'Apple', ouiOrganization: 'Apple, Inc.', model: null, firmware: null, serial: null, os: null },
  }),
  host({
    name: 'ws-dev01',
    dnsName: 'dev01.smithco.lan',
    index: 44,
    oui: OUI.lenovo,
    tcpPorts: [22],
    attachment: access('9'),
    expected: { type: 'workstation', vendor: 'Lenovo', ouiOrganization: 'Lenovo', model: null, firmware: null, serial: null, os: null },
  }),
  host({
    name: 'ws-sales01',
    dnsName: 'sales01.smithco.lan',
    index: 45,
    oui: OUI.lenovo,
    tcpPorts: [445],
    attachment: behindUnmanaged,
    expected: { type: 'workstation', vendor: 'Lenovo', ouiOrganization: 'Lenovo', model: null, firmware: null, serial: null, os: null },
  }),
  host({
    name: 'ws-sales02',
    dnsName: 'sales02.smithco.lan',
    index: 46,
    oui: OUI.hp,
    answersPing: false,
    attachment: behindUnmanaged,
    expected: { type: 'workstation', vendor: 'HP', ouiOrganization: 'Hewlett Packard', model: null, firmware: null, serial: null, os: null },
  }),
  host({
    name: 'ws-sales03',
    index: 47,
    oui: OUI.dellAlt,
    attachment: behindUnmanaged,
    expected: { type: 'workstation', vendor: 'Dell', ouiOrganization: 'Dell Inc.', model: null, firmware: null, serial: null, os: null },
  }),
  host({
    name: 'phone-reception',
    index: 50,
    oui: OUI.yealink,
    tcpPorts: [80, 443],
    attachment: access('10'),
    expected: { type: 'phone', vendor: 'Yealink', ouiOrganization: 'YEALINK(XIAMEN) NETWORK TECHNOLOGY CO.,LTD.', model: null, firmware: null, serial: null, os: null },
  }),
  host({
    name: 'cam-entrance',
    index: 51,
    oui: OUI.axis,
    tcpPorts: [80, 443, 554],
    attachment: access('11'),
    expected: { type: 'camera', vendor: 'Axis', ouiOrganization: 'Axis Communications AB', model: null, firmware: null, serial: null, os: null },
  }),
  // Hosts without SNMP that name themselves, as peers' scanners read them.
  host({
    name: 'tv-boardroom',
    index: 52,
    oui: OUI.espressif,
    tcpPorts: [80],
    attachment: access('15'),
    hints: {
      mdns: { name: 'Boardroom-TV', services: ['_airplay._tcp', '_raop._tcp'] },
      ssdp: { friendlyName: '[TV] Boardroom', manufacturer: 'Samsung Electronics', modelName: 'QE55Q80T', deviceType: 'urn:schemas-upnp-org:device:MediaRenderer:1' },
    },
    expected: { type: 'iot', vendor: 'Samsung Electronics', ouiOrganization: 'Espressif Inc.', model: 'QE55Q80T', firmware: null, serial: null, os: null, name: 'Boardroom-TV' },
  }),
  host({
    name: 'ws-frontdesk',
    index: 53,
    oui: OUI.dell,
    tcpPorts: [139, 445],
    attachment: access('16'),
    hints: { netbios: { name: 'FRONTDESK-PC', workgroup: 'SMITHCO' } },
    expected: { type: 'workstation', vendor: 'Dell', ouiOrganization: 'Dell Inc.', model: null, firmware: null, serial: null, os: null, name: 'FRONTDESK-PC' },
  }),
  host({
    name: 'prn-reception',
    index: 54,
    oui: OUI.hpPrinter,
    tcpPorts: [80],
    attachment: access('17'),
    hints: { mdns: { name: 'HP3822E5', services: ['_ipp._tcp', '_http._tcp'] }, title: 'HP Color LaserJet MFP M479fdw' },
    expected: { type: 'printer', vendor: 'HP', ouiOrganization: 'Hewlett Packard', model: null, firmware: null, serial: null, os: null, name: 'HP3822E5' },
  }),
  host({
    name: 'nas-backup',
    index: 55,
    oui: OUI.synology,
    tcpPorts: [443, 5000, 5001],
    attachment: access('18'),
    hints: { title: 'nas-backup - Synology DiskStation', tls: { commonName: 'synology', organization: 'Synology Inc.' } },
    // A quick sweep knows it by its MAC's maker; a full assessment reads its certificate too (lab/scan.test.ts).
    expected: { type: 'nas', vendor: 'Synology', ouiOrganization: 'Synology Incorporated', model: null, firmware: null, serial: null, os: null },
  }),
  host({
    name: 'bad-ber',
    index: 200,
    oui: OUI.raspberryPi,
    snmp: { kind: 'node', agent: 'malformed-ber', credentials: PUBLIC },
    attachment: core('Fa1/0/21'),
    quirk: 'malformed-ber',
    // Its replies are garbage, so no sysName can be read from it.
    expected: { type: 'unknown', vendor: 'Raspberry Pi', ouiOrganization: 'Raspberry Pi Foundation', model: null, firmware: null, serial: null, os: null, sysName: null },
  }),
  host({
    name: 'bad-loop',
    index: 201,
    oui: OUI.espressif,
    snmp: { kind: 'node', agent: 'looping-walk', credentials: PUBLIC },
    attachment: core('Fa1/0/22'),
    quirk: 'looping-walk',
    expected: { type: 'unknown', vendor: 'Espressif', ouiOrganization: 'Espressif Inc.', model: null, firmware: null, serial: null, os: null },
    facts: { sysDescr: 'ESP32 sensor bridge 0.9 (lwIP SNMP)', sysObjectID: '1.3.6.1.4.1.26381' },
  }),
  host({
    name: 'big-table',
    index: 202,
    oui: OUI.supermicro,
    snmp: snmpsim(PUBLIC, ['system', 'ip-addresses', 'big-interface-table']),
    tcpPorts: [22],
    attachment: core('Fa1/0/20'),
    quirk: 'big-table',
    expected: { type: 'server', vendor: 'Supermicro', ouiOrganization: 'Super Micro Computer, Inc.', model: null, firmware: null, serial: null, os: 'Linux 5.15.0-91-generic' },
    facts: {
      sysDescr: 'Linux big-table 5.15.0-91-generic #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023 x86_64',
      sysObjectID: '1.3.6.1.4.1.8072.3.2.10',
      bigTableRows: 100_000,
    },
  }),
  host({
    name: 'hostile',
    index: 203,
    oui: OUI.raspberryPiTrading,
    snmp: snmpsim(PUBLIC, [...CORE, 'hostile-strings']),
    attachment: core('Fa1/0/23'),
    quirk: 'hostile-strings',
    expected: {
      type: 'unknown',
      vendor: 'Raspberry Pi',
      ouiOrganization: 'Raspberry Pi Trading Ltd',
      model: null,
      firmware: null,
      serial: null,
      os: null,
      // HTML, a script, a terminal escape, a bell and a NUL: text, never markup.
      sysName: '<img src=x onerror=alert(1)><script>alert("fw")</script>\u001b[31mRED\u0007\u0000end',
    },
    facts: { sysObjectID: '1.3.6.1.4.1.8072.3.2.10', hostileDescrBytes: 60_000 },
  }),
];

for (const h of hosts) if (h.attachment) USED_PORTS[h.attachment.switch]?.add(h.attachment.port);

/**
 * The office's duplicate IP: a contractor set up a Raspberry Pi signage player
 * in reception with a static address copied from the entrance camera's sheet.
 * When the Pi booted it announced the address (gratuitous ARP) and took over
 * the router's ARP cache, so the camera's cloud uploads go to the Pi; the
 * camera still answers the technician's laptop directly.
 */
const ipConflicts: LabIpConflict[] = [
  {
    name: 'pi-signage',
    mac: hostMac(OUI.raspberryPi, 60),
    ouiOrganization: 'Raspberry Pi Foundation',
    attachment: access('13'),
    claimsIpOf: 'cam-entrance',
    wonArpOf: ['gw01'],
    story: 'Raspberry Pi signage player, static address copied from the entrance camera',
  },
];
for (const c of ipConflicts) {
  if (!hosts.some((h) => h.name === c.claimsIpOf)) throw new Error(`lab: ${c.name} claims the address of unknown host ${c.claimsIpOf}`);
  if (hosts.some((h) => h.mac === c.mac)) throw new Error(`lab: ${c.name} reuses a host's MAC`);
  USED_PORTS[c.attachment.switch]?.add(c.attachment.port);
}

const technician = {
  namespace: 'fw-tech',
  ip: `${LAN_PREFIX}250`,
  mac: hostMac(OUI.intel, 250),
  prefixLength: 24,
  gateway: `${LAN_PREFIX}1`,
  attachment: access('1'),
};
USED_PORTS[ACCESS_SWITCH]?.add(technician.attachment.port);

const switchLinks = [
  { a: { switch: CORE_SWITCH, port: 'Gi1/0/2' }, b: { switch: ACCESS_SWITCH, port: '24' }, via: 'lldp' as const },
];
for (const link of switchLinks) {
  USED_PORTS[link.a.switch]?.add(link.a.port);
  USED_PORTS[link.b.switch]?.add(link.b.port);
}

// The router is the office's DNS server, with the names DHCP registered for its clients.
const router = hosts.find((h) => h.name === 'gw01')!;
router.hints = { ...router.hints, dns: Object.fromEntries(hosts.filter((h) => h.dnsName).map((h) => [h.ip, h.dnsName!])) };

// Ports with something plugged in are up; the rest stay down.
for (const h of hosts) {
  const used = USED_PORTS[h.name];
  if (!used) continue;
  h.interfaces = h.interfaces.map((i) => (i.ifType === 6 ? { ...i, up: used.has(i.name) } : i));
}

export const office: Office = {
  name: 'Forewarn lab office',
  lanCidr: '10.77.0.0/24',
  lanPrefixLength: 24,
  lanNamespace: 'fw-lan',
  bridge: 'br-office',
  technician,
  router: 'gw01',
  void: {
    namespace: 'fw-void',
    cidr: '10.78.0.0/16',
    liveAddresses: ['10.78.1.10', '10.78.200.20'],
    routerSide: '10.79.0.1',
    voidSide: '10.79.0.2',
    linkPrefixLength: 30,
  },
  hosts,
  switchLinks,
  unmanagedSwitches: [{ name: UNMANAGED, attachment: { switch: ACCESS_SWITCH, port: '12' } }],
  ipConflicts,
};

/** The namespace a host lives in. */
export function hostNamespace(h: Pick<LabHost, 'name'>): string {
  return `fw-${h.name}`;
}

export function findHost(name: string): LabHost {
  const found = office.hosts.find((h) => h.name === name);
  if (!found) throw new Error(`no lab host named ${name}`);
  return found;
}
