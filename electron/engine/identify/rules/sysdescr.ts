/**
 * sysDescr patterns → type / vendor, and model / firmware / serial through
 * named capture groups. Specific product patterns weigh more than the generic
 * "version x.y" and "lone model token" patterns at the end.
 */
import type { DeviceType } from '../../../../shared/device-types';
import { OID } from '../oids';
import type { Rule } from '../types';

interface DescrRule {
  id: string;
  match: RegExp;
  type?: DeviceType;
  vendor?: string;
  weight?: number;
  /** Enterprises of the vendor whose format this is, where `vendor` does not say (rule-owners.ts). */
  owner?: readonly number[];
  /** Only for agents under these sysObjectID prefixes (for patterns that outrank ENTITY-MIB). */
  objectIds?: readonly string[];
  /**
   * Match the sysDescr's words (DESCR_WORDS: "RackSwitch" → "Rack Switch", "AP6" → "AP 6"), not its text:
   * for class words, which products glue to their names.
   */
  words?: true;
}

const D: readonly DescrRule[] = [
  // Printers
  { id: 'hp-jetdirect', match: /JETDIRECT|HP ETHERNET MULTI-ENVIRONMENT|HP Laser MFP/i, type: 'printer', vendor: 'HP' },
  { id: 'hp-jetdirect-serial', owner: [11], match: /,SN:(?<serial>[A-Z0-9]{6,})/, weight: 40 },
  { id: 'brother', match: /^Brother NC-[\w-]+,\s*Firmware Ver\.?\s*(?<firmware>[\w.]+)/i, type: 'printer', vendor: 'Brother' },
  { id: 'ricoh', match: /^RICOH (?<model>(?:Aficio |MP |SP |IM |P |M )?[\w ]*?\w) (?<firmware>\d[\w.]*) \//, type: 'printer', vendor: 'Ricoh' },
  { id: 'ricoh-any', match: /RICOH (?:Aficio|Network Printer|MP |SP |IM )/i, type: 'printer', vendor: 'Ricoh' },
  { id: 'kyocera', match: /^KYOCERA|^TA_UTAX|UTAX Printing System|Kyocera.*Printing System/i, type: 'printer', vendor: 'Kyocera' },
  { id: 'canon', match: /^Canon (?<model>(?:iR-?ADV |LBP|MF|iR |imageRUNNER )[\w\- ]*?)(?: \/P|$)/i, type: 'printer', vendor: 'Canon' },
  { id: 'konica', match: /KONICA MINOLTA (?<model>bizhub [\w ]+)/i, type: 'printer', vendor: 'Konica Minolta' },
  { id: 'lexmark', match: /^Lexmark (?<model>[\w-]+)(?: version (?<firmware>[\w.-]+))?/i, type: 'printer', vendor: 'Lexmark' },
  { id: 'xerox', match: /^Xerox (?<model>(?:WorkCentre|Phaser|VersaLink|AltaLink|ColorQube)[\w -]*?)(?:;|$|,| v)/i, type: 'printer', vendor: 'Xerox' },
  { id: 'xerox-any', match: /Xerox|FUJI XEROX/i, type: 'printer', vendor: 'Xerox', weight: 40 },
  { id: 'sharp', match: /^(?<model>SHARP MX-[\w]+)/i, type: 'printer', vendor: 'Sharp' },
  { id: 'oki', match: /^OKI OkiLAN .*Attached to (?<model>[\w-]+) Rev\.(?<firmware>[\d.]+)/i, type: 'printer', vendor: 'OKI' },
  { id: 'samsung-printer', match: /^Samsung (?<model>(?:ML|CLP|CLX|SCX|M|C|SL)-?[\w]+)/i, type: 'printer', vendor: 'Samsung' },
  { id: 'toshiba-estudio', match: /TOSHIBA e-STUDIO|TOSHIBA TEC/i, type: 'printer', vendor: 'Toshiba' },
  { id: 'epson', match: /^EPSON (?!.*Scan Server)/i, type: 'printer', vendor: 'Epson' },
  { id: 'epson-scanner', match: /^EPSON .*Scan Server/i, type: 'printer', vendor: 'Epson' },
  { id: 'dell-printer', match: /^Dell (?:Color )?(?:Laser|MFP)|Dell .*Printer/i, type: 'printer', vendor: 'Dell' },
  { id: 'generic-printer', owner: [11], match: /\b(?:printer|print server|laserjet|officejet|mfp)\b/i, type: 'printer', weight: 35 },
  // UPS / power
  { id: 'apc-nmc', match: /^APC (?:Web\/SNMP Management Card|SNMP Agent|Embedded PowerNet)/i, type: 'ups', vendor: 'APC', weight: 40 },
  { id: 'apc-nmc-firmware', owner: [318], match: /\bPF:(?<firmware>v[\w.]+)/, weight: 40 },
  { id: 'apc-nmc-serial', owner: [318], match: /\bSN: ?(?<serial>[A-Z0-9]{8,})/, weight: 40 },
  { id: 'apc-product', match: /^APC (?<model>(?:InRow|Uniflair|Smart-UPS|Symmetra)[\w ]*?) \(MB:/i, vendor: 'APC' },
  { id: 'eaton-ups', match: /^(?<model>Eaton (?:\d+\w*|5P|5PX|9PX|9SX|9130|9155|93PM)\b[\w ]*)$/i, type: 'ups', vendor: 'Eaton' },
  { id: 'eaton-ats', match: /^Eaton ATS/i, type: 'pdu', vendor: 'Eaton' },
  { id: 'eaton-card', match: /^(?:ConnectUPS|Network Management Card|Eaton Gigabit Network Card|WebPower)/i, type: 'ups', vendor: 'Eaton' },
  { id: 'webpower-serial', owner: [2468], match: /\(SN (?<serial>\w+)\)/, weight: 40 },
  { id: 'liebert', match: /^Liebert (?<model>[\w-]+)/i, type: 'ups', vendor: 'Vertiv (Liebert)' },
  { id: 'ups-word', match: /\bUPS\b|NET Agent|PowerAlert|Smart-UPS|Back-UPS|Netman/i, type: 'ups', weight: 40 },
  { id: 'pdu-word', match: /\bPDU\b|Power Distribution|Outlet (?:Metered|Switched)|Sinetica/i, type: 'pdu', weight: 45 },
  // NAS
  { id: 'synology', match: /Synology|DiskStation|RackStation/i, type: 'nas', vendor: 'Synology' },
  { id: 'qnap', match: /QNAP|^Linux TS-\w+/i, type: 'nas', vendor: 'QNAP' },
  { id: 'truenas', match: /TrueNAS|FreeNAS/i, type: 'nas' },
  { id: 'isilon', match: /Isilon OneFS/i, type: 'nas', vendor: 'Dell EMC' },
  { id: 'tape-library', owner: [20884], match: /Tape Library|FlexStor/i, type: 'nas' },
  // Firewalls
  { id: 'pfsense', match: /pfsense/i, type: 'firewall', vendor: 'Netgate' },
  { id: 'opnsense', match: /OPNsense/i, type: 'firewall' },
  { id: 'sonicwall', match: /^SonicWALL (?<model>[\w ]+?)(?: wireless-N| \(|$)/i, type: 'firewall', vendor: 'SonicWall' },
  { id: 'sonicwall-firmware', match: /SonicOS (?:Enhanced )?(?<firmware>\d[\w.-]+)/i, vendor: 'SonicWall' },
  { id: 'pfsense-firmware', owner: [12325], match: /^pfSense \S+ (?<firmware>\d[\w.]*-RELEASE)/i },
  { id: 'meraki-ap', match: /^Meraki (?<model>MR\d+\w*)/i, type: 'access-point', vendor: 'Cisco Meraki' },
  { id: 'meraki-switch', match: /^Meraki (?<model>MS\d+[\w-]*)/i, type: 'switch', vendor: 'Cisco Meraki' },
  { id: 'meraki-appliance', match: /^Meraki (?<model>(?:MX|Z)\d+\w*)/i, type: 'firewall', vendor: 'Cisco Meraki' },
  { id: 'sophos', match: /Sophos|Cyberoam|\bUTM\b|\bXG Firewall/i, type: 'firewall', vendor: 'Sophos' },
  { id: 'checkpoint-kernel', match: /^Linux \S+ [\d.-]+cpx86/, type: 'firewall', vendor: 'Check Point' },
  { id: 'zyxel-usg', match: /^(?<model>(?:USG|ZyWALL|ATP|VPN)\d* ?[\w ]*\d\w*)$/i, type: 'firewall', vendor: 'Zyxel' },
  { id: 'cisco-asa', match: /Cisco Adaptive Security Appliance Version (?<firmware>[\w.()]+)/i, type: 'firewall', vendor: 'Cisco' },
  { id: 'cisco-ftd', match: /Cisco Firepower Threat Defense, Version (?<firmware>[\w.]+ \(Build \d+\))/i, type: 'firewall', vendor: 'Cisco' },
  { id: 'fortigate', match: /^Forti(?:Gate|OS)/i, type: 'firewall', vendor: 'Fortinet' },
  { id: 'watchguard', match: /WatchGuard|Fireware/i, type: 'firewall', vendor: 'WatchGuard' },
  { id: 'pulse', match: /Pulse (?:Connect )?Secure.*?,(?<firmware>\d[\w.]+ \(build \d+\))/i, type: 'firewall', vendor: 'Pulse Secure' },
  { id: 'palo-alto', match: /Palo Alto Networks/i, type: 'firewall', vendor: 'Palo Alto Networks' },
  { id: 'firewall-word', match: /\bfirewall\b|\bVPN (?:gateway|appliance)\b/i, type: 'firewall', weight: 40, words: true },
  // Cisco
  { id: 'cisco-ios', match: /Cisco (?:IOS|Internetwork Operating System).*?Version (?<firmware>[\w.()]+)/is, vendor: 'Cisco' },
  { id: 'cisco-iosxe', match: /Cisco IOS[ -]XE.*?Version (?<firmware>[\w.()]+)/is, vendor: 'Cisco' },
  { id: 'cisco-ios-router', match: /Cisco IOS Software.*\b(?:C8[0-9]{2}|C1[18]\d\d|C19\d\d|C2[89]00|C3[89]00|C28\d\d|C18\d\d|ISR\w*|c8000\w*|C1100)[\w-]* Software/i, type: 'router', vendor: 'Cisco' },
  { id: 'cisco-catalyst', match: /Cisco IOS.*\b(?:C2960|C3560|C3750|C3850|C9\d00|CAT9K|Catalyst|C2950|C4500|IE\d+)/is, type: 'switch', vendor: 'Cisco', weight: 62 },
  { id: 'cisco-nxos', match: /Cisco NX-OS.*?Version (?<firmware>[\w.()]+)/is, type: 'switch', vendor: 'Cisco' },
  { id: 'cisco-iosxr', match: /Cisco IOS XR Software \((?<model>[\w-]+)\), +Version (?<firmware>[\w.]+)/i, type: 'router', vendor: 'Cisco' },
  { id: 'cisco-sb', match: /^(?<model>S[GFX]\d{3}\w*-\d+\w*(?:-\w+)?) \d+-Port/i, type: 'switch', vendor: 'Cisco' },
  { id: 'cisco-ie', match: /^Cisco +(?<model>IE[\w-]+) +(?<serial>[A-Z]{3}\w{8})\b/i, type: 'switch', vendor: 'Cisco' },
  { id: 'cisco-wlc', match: /Cisco Controller|Cisco Wireless LAN Controller/i, type: 'wireless-controller', vendor: 'Cisco' },
  { id: 'cisco-gss', match: /Global Site Selector|Cisco Application Control/i, type: 'router', vendor: 'Cisco' },
  // HP / Aruba / H3C
  // "HP J9773A 2530-24G-PoEP Switch, revision YA.16.02…" and the older "ProCurve J9021A Switch 2810-24G, revision N.11.75…".
  { id: 'hp-procurve', match: /^(?:HP|Hewlett-Packard|ProCurve|HPE|Aruba) (?<model>J\w{4}A(?: Switch)? [\w+-]+)(?: Switch)?, revision (?<firmware>[\w.]+)/i, type: 'switch', vendor: 'HP' },
  { id: 'aruba-instant-on', match: /^Aruba Instant On (?<model>.+?) Switch (?<model2>JL\w+), \w+?_(?<firmware>\d+\.\d+\.[\d.]+)/i, type: 'switch', vendor: 'Aruba' },
  { id: 'aruba-os', match: /^ArubaOS \(MODEL: (?<model>[^)]+)\), Version (?<firmware>[\w.-]+)/i, type: 'access-point', vendor: 'Aruba' },
  { id: 'aruba-os-controller', match: /^ArubaOS \(MODEL: [^)]*Controller/i, type: 'wireless-controller', vendor: 'Aruba', weight: 75 },
  { id: 'aruba-cx', match: /^Aruba (?<model2>JL\w+) (?<model>\d{4}\w*) (?<firmware>[A-Z]{2}\.\d+\.\d+\.\d+)/i, type: 'switch', vendor: 'Aruba' },
  { id: 'comware', match: /Comware (?:Platform )?Software, Software Version (?<firmware>[\d.]+)/i, type: 'switch', vendor: 'HPE (H3C)' },
  { id: 'comware-model', owner: [25506, 11], match: /Comware.*\n?.*?(?:HPE?|H3C) (?<model>[\w-]+(?: [\w-]+)*? Switch(?: with \d+ Interface Slots)?)/is, weight: 55 },
  { id: 'hp-ilo', match: /^Integrated Lights-Out \d+ (?<firmware>[\d.]+)/i, type: 'server', vendor: 'HPE' },
  // Dell
  { id: 'dell-networking', match: /^(?<model>(?:Dell (?:EMC )?Networking|PowerConnect) [\w-]+), (?<firmware>[\d.]+)/i, type: 'switch', vendor: 'Dell' },
  { id: 'dell-idrac', match: /iDRAC|Dell Remote Access/i, type: 'server', vendor: 'Dell' },
  // Juniper / Extreme / others
  { id: 'junos', match: /Juniper Networks, Inc\. (?<model>[\w-]+) .*?JUNOS (?<firmware>[\w.-]+)/i, vendor: 'Juniper' },
  { id: 'junos-switch', match: /Juniper Networks.*\b(?:ex\d+|qfx\d+).*Switch/i, type: 'switch', vendor: 'Juniper' },
  { id: 'junos-srx', match: /Juniper Networks.*\bsrx\d+/i, type: 'firewall', vendor: 'Juniper' },
  { id: 'juniper-wlc', match: /Juniper Networks, Inc (?<model>WLC\w+) (?<firmware>[\d.]+)/i, type: 'wireless-controller', vendor: 'Juniper' },
  { id: 'extremexos', match: /ExtremeXOS \((?<model>.+?)\) version (?<firmware>[\w.]+)/i, type: 'switch', vendor: 'Extreme Networks' },
  // VOSS's entPhysicalModelName drops the line prefix ("8404C" for VSP-8404C): the sysDescr names the product.
  {
    id: 'voss',
    match: /^(?<model>(?:VSP|XA|\d{4})-?[\w+-]+) \((?<firmware>[\d.]+\w*)\)/i,
    type: 'switch',
    vendor: 'Extreme Networks',
    weight: 72,
    objectIds: ['1.3.6.1.4.1.2272', '1.3.6.1.4.1.1916'],
  },
  { id: 'ironware', match: /IronWare Version V?(?<firmware>[\w.]+)/i, vendor: 'Brocade' },
  { id: 'netiron', owner: [1991, 1916], match: /Extreme Networks NetIron|Brocade NetIron|Foundry Networks/i, type: 'router' },
  { id: 'huawei-vrp', match: /^(?<model>[\w-]+)\s+Huawei Versatile Routing Platform Software.*?Version [\d.]+ \((?:\w+ )?(?<firmware>V\w+)\)/is, type: 'switch', vendor: 'Huawei' },
  { id: 'routeros', match: /^RouterOS (?<model>[\w+-]+)/i, type: 'router', vendor: 'MikroTik' },
  { id: 'swos', match: /^(?<model>[\w-]+) SwOS v(?<firmware>[\d.]+)/i, type: 'switch', vendor: 'MikroTik' },
  { id: 'edgeos', match: /^EdgeOS v(?<firmware>\d+\.\d+\.\d+)/i, type: 'router', vendor: 'Ubiquiti' },
  { id: 'edgeswitch', match: /^(?:EdgeSwitch|USW[ -]|UniFi ?Switch|US-\d+)/i, type: 'switch', vendor: 'Ubiquiti' },
  { id: 'unifi-switch-model', match: /^(?<model>USW-[\w-]+|US-\d+[\w-]*), (?<firmware>\d+\.\d+\.\d+[\d.]*)/i, vendor: 'Ubiquiti' },
  { id: 'unifi-ap', match: /^(?:UAP|U6|U7|UniFi AP|UAP-)/i, type: 'access-point', vendor: 'Ubiquiti' },
  // UniFi APs describe themselves as "<model> <firmware>": "UAP-AC-Pro 6.5.55.14777", "U6-Lite 6.6.55.15189".
  { id: 'unifi-ap-model', match: /^(?<model>UAP-[\w-]+|U[67]-[\w-]+) (?<firmware>\d+\.\d+\.\d+[\d.]*)$/i, vendor: 'Ubiquiti' },
  { id: 'vyos', match: /^VyOS (?<firmware>[\w.-]+)/i, type: 'router', vendor: 'VyOS' },
  { id: 'tplink-jetstream', match: /^JetStream .*(?:Switch)/i, type: 'switch', vendor: 'TP-Link' },
  { id: 'dlink', match: /^(?<model>(?:WS\d-)?D[GXE]S-[\w/-]+) (?<firmware>\d+\.\d+\.\d+)/i, type: 'switch', vendor: 'D-Link' },
  { id: 'netgear', match: /^(?:NETGEAR )?(?<model>(?:GS|GSM|XS|M4\d{3}|FS|JGS)\d+[\w-]*)/i, type: 'switch', vendor: 'Netgear' },
  { id: 'zyxel-switch', match: /^(?<model>(?:GS|XGS|XS|MGS|GES)-?\d+[\w-]*)$/i, type: 'switch', vendor: 'Zyxel', weight: 72 },
  { id: 'allied', match: /^(?<model>(?:CentreCOM|AT-)[\w -]+?),? version (?<firmware>[\w.-]+)/i, vendor: 'Allied Telesis' },
  { id: 'hiveos', match: /^(?<model>AP[\w-]+), HiveOS (?<firmware>[\w.]+(?: build-\w+)?)/i, type: 'access-point', vendor: 'Aerohive' },
  { id: 'cambium', match: /^Cambium (?:Networks )?(?:cnMatrix |cnWave |cnPilot )?(?<model>[\w-]+)/i, vendor: 'Cambium' },
  { id: 'cambium-ver', match: /^Cambium.*?(?:SW:|Version )(?<firmware>[\w.-]+)/i, vendor: 'Cambium' },
  { id: 'canopy', match: /^CANOPY (?<firmware>[\d.]+) (?:AP|SM)/i, type: 'access-point', vendor: 'Cambium' },
  { id: 'mimosa', match: /^Mimosa/i, type: 'access-point', vendor: 'Mimosa' },
  { id: 'alta', match: /^Alta (?<model>AP\w*) (?<firmware>[\w.]+)$/i, type: 'access-point', vendor: 'Alta Labs' },
  { id: 'engenius', match: /^EnGenius (?<model>[\w-]+)/i, vendor: 'EnGenius' },
  { id: 'alaxala', match: /^ALAXALA .*?\[(?<model>[\w-]+)\]/i, type: 'switch', vendor: 'ALAXALA' },
  { id: 'qtech', match: /^(?<model>QSW-[\w-]+) Device.*?SoftWare Version (?:[\w-]+_)?(?<firmware>\d[\d.]+)/is, type: 'switch', vendor: 'Qtech' },
  { id: 'fiberhome', match: /^(?<model>[\w-]+ FiberHome \w+) .*?Version (?<firmware>V\w+)/i, type: 'switch', vendor: 'FiberHome' },
  { id: 'datacom', match: /^(?<model>DM\d+\w*) .*DmOS version (?<firmware>[\w.-]*\w)\)/i, type: 'switch', vendor: 'Datacom' },
  { id: 'metamako', match: /^Metamako MOS release (?<firmware>[\d.]+) .*running on an? (?<model>.+)$/i, type: 'switch', vendor: 'Arista' },
  { id: 'eltex-mes', match: /^(?<model>MES\d+\w*(?: [AD]C)?) \d+-port/i, type: 'switch', vendor: 'Eltex' },
  { id: 'ocnos', match: /^Hardware Model:(?<model>[\w-]+), Software version: OcNOS,(?<firmware>[\w.]+)/i, type: 'switch', vendor: 'IP Infusion' },
  { id: 'patton-smartnode', match: /^(?<model>SN\d+[\w/]*?)\s*Hardware Release/i, type: 'router', vendor: 'Patton' },
  { id: 'occam-blc', match: /^(?<model>BLC \d+(?: \d+)?)$/, type: 'switch', vendor: 'Occam Networks' },
  { id: 'bdt-library', match: /^(?<model>BDT [\w ]+)$/, type: 'nas', vendor: 'BDT' },
  // "SG300-28 28-Port Gigabit Managed Switch", "MES2424B AC 28-port 1G/10G Managed Switch": a model code (with a
  // digit; "JetStream 24-Port…" names a line, not a model), an optional power suffix, then the port count.
  { id: 'cisco-sg-generic', match: /^(?:(?<model>(?=[\w-]*\d)[\w-]+(?: [AD]C)?)|[\w-]+) \d+-Port .*(?:Managed|Smart) Switch/i, type: 'switch' },
  { id: 'ekinops', match: /^Ekinops \d+ Platform, (?<model>\w+), (?<firmware>Release [\d.]+)/i, type: 'switch', vendor: 'Ekinops' },
  { id: 'arris-cmts', match: /^CMTS_V(?<firmware>[\d.]+)/i, type: 'router', vendor: 'Arris' },
  { id: 'omnitron', match: /^Omnitron iConverter (?<model>[\w-]+ \w+) v(?<firmware>[\d.]+)/i, type: 'switch', vendor: 'Omnitron' },
  { id: 'rnx-pdu', match: /^RNX UPDU (?<model>\w+) .*S\/N: (?<serial>\w+), Version (?<firmware>[\w.-]+)/i, type: 'pdu', vendor: 'RNX' },
  { id: 'saf', match: /^SAF microwave radio;(?<model>[\w ]+?) v(?<firmware>[\d.]+);.*SN: ?(?<serial>\w+)/i, type: 'access-point', vendor: 'SAF Tehnika' },
  { id: 'saf-integra', match: /^Prod: (?<model>[\w-]+);Vers: (?<firmware>[\d.]+)/i, type: 'access-point', vendor: 'SAF Tehnika' },
  { id: 'netonix', match: /^Netonix (?<model>[\w-]+)/i, type: 'switch', vendor: 'Netonix' },
  { id: 'phybridge', match: /^(?:Phybridge )?FLEX[ -]?24 Switch/i, type: 'switch', vendor: 'Phybridge' },
  { id: 'velocloud', match: /^VeloCloud (?<model>\w+)/i, type: 'router', vendor: 'VMware' },
  { id: 'illustra', match: /^illustra (?<model>\w+) Network camera.*Illustra\.(?<firmware>[\w.]+)/i, type: 'camera', vendor: 'Illustra' },
  { id: 'axis', match: /^\s*; AXIS (?<model>[\w -]+?); (?:Network Camera|PTZ Camera|Dome Camera|Connectivity Hub|[\w ]+); (?<firmware>[\d.]+);/i, vendor: 'Axis' },
  { id: 'axis-camera', match: /^\s*; AXIS .*Camera;/i, type: 'camera', vendor: 'Axis' },
  { id: 'hikvision', match: /Hikvision|HIKVISION/, type: 'camera', vendor: 'Hikvision' },
  { id: 'camera-word', match: /\b(?:(?:IP |Network |PTZ |Dome |Bullet )?Camera|NVR|DVR|Video (?:Encoder|Server|Recorder))\b/i, type: 'camera', weight: 40, words: true },
  { id: 'bluecoat', match: /^Blue Coat (?<model>SG-\w+)/i, type: 'router', vendor: 'Blue Coat' },
  { id: 'adtran-netvanta', match: /^NetVanta|^ADTRAN/i, type: 'router', vendor: 'Adtran' },
  { id: 'netopia', match: /^Netopia/i, type: 'router', vendor: 'Netopia' },
  { id: 'perle', match: /^Perle /i, type: 'router', vendor: 'Perle' },
  { id: 'cnpilot-router', match: /^cnPilot (?<model>R\d+\w*) (?<firmware>[\w.-]+)/i, type: 'router', vendor: 'Cambium' },
  { id: 'cnpilot-ap', match: /^cnPilot (?<model>E\d+\w*)/i, type: 'access-point', vendor: 'Cambium' },
  { id: 'cambium-cmm', match: /^CMM\d/i, type: 'access-point', vendor: 'Cambium' },
  { id: 'supermicro-switch', match: /^SBM-/i, type: 'switch', vendor: 'Supermicro' },
  { id: 'hp-virtual-connect', match: /^HP VC (?<model>[\w/-]+ Module) (?<firmware>[\d.]+)/i, type: 'switch', vendor: 'HPE' },
  { id: 'samsung-device', match: /^Samsung /i, type: 'printer', vendor: 'Samsung', weight: 40 },
  { id: 'vmware-esxi', match: /^VMware ESXi? (?<firmware>[\d.]+)/i, type: 'hypervisor', vendor: 'VMware' },
  { id: 'vmware-vcsa', match: /^VMware-vCenter-Server-Appliance (?<firmware>[\d.]+)/i, type: 'server', vendor: 'VMware' },
  { id: 'proxmox', match: /\bpve\b|Proxmox/i, type: 'hypervisor' },
  { id: 'ibm-i', match: /^IBM OS\/400 (?<firmware>V\dR\dM\d)/i, type: 'server', vendor: 'IBM' },
  { id: 'openvms', match: /OpenVMS/i, type: 'server' },
  { id: 'netware', match: /NetWare/i, type: 'server', vendor: 'Novell' },
  { id: 'broadworks', match: /Broadworks/i, type: 'server', vendor: 'BroadSoft' },
  // Environment sensors
  { id: 'env-sensor', owner: [20916, 3699, 3854, 21796, 21239, 17373, 318, 17095], match: /RoomAlert|ENVIROMUX|SensorProbe|securityProbe|HWg-STE|Temperature (?:&|and) Sensor|WebMon|Thermograph|NetBotz|Sensorgateway|Geist|WxGoos|ServersCheck/i, type: 'environment-sensor' },
  // Phones
  { id: 'voip-phone', owner: [37459, 13885, 42397, 1526], match: /\b(?:IP Phone|VoIP|SIP Phone|Yealink|Polycom|Grandstream GXP|Snom)\b/i, type: 'phone', weight: 45 },
  // Operating systems (weak: appliances run them too)
  { id: 'windows', owner: [311], match: /Software: Windows (?<firmware>[\w. ]+?(?:Version [\d.]+)?)(?: \(|$)/i, type: 'server', weight: 40 },
  { id: 'windows-workstation', owner: [311], match: /Windows (?:2000 Version|XP|Vista|7|8|8\.1|10|11)\b(?!.*Server)|Windows NT Version [\d.]+ \(Build \d+ Multiprocessor Free\)|Workstation/i, type: 'workstation', weight: 42 },
  { id: 'linux-kernel', match: /^Linux \S+ (?<firmware>\d+\.\d+[\w.\-+~]*)/, weight: 20 },
  { id: 'linux', match: /^Linux\b/, type: 'server', weight: 20 },
  { id: 'freebsd', match: /^FreeBSD \S+ (?<firmware>[\w.-]+)/, type: 'server', weight: 20 },
  { id: 'openbsd', match: /OpenBSD/, type: 'server', weight: 20 },
  // Generic words (weak)
  { id: 'switch-word', match: /\bswitch\b|\bswitching\b/i, type: 'switch', weight: 35, words: true },
  { id: 'router-word', match: /\brouter\b|\bgateway\b|\bCPE\b|\bDSL\b|\bCMTS\b|\bOLT\b|\bSD-?WAN\b/i, type: 'router', weight: 33, words: true },
  // Not "wireless-N" or "wireless-AC": a router or firewall named for the Wi-Fi built into it ("SonicWALL TZ 205 wireless-N").
  { id: 'ap-word', match: /\baccess point\b|\bwireless\b(?![- ](?:a|b|g|n|ac|ax)\b)|\bmicrowave\b|\bradio\b|\bPtP\b|\bPMP\b/i, type: 'access-point', weight: 33, words: true },
  // "AP" as a word of its own ("CANOPY 16.0 AP", "Alta AP6" → "Alta AP 6"): upper case only, "ap" is too common a syllable.
  // As strong as the words above: a radio link says "AP" and keeps a bridge table (bridge:port-table-no-processes, 32).
  { id: 'ap-token', match: /(?:^|[\s,;(/])AP(?=$|[\s,;)/])/, type: 'access-point', weight: 33, words: true },
  { id: 'wlc-word', match: /\bwireless (?:lan )?controller\b|\bSmartZone\b/i, type: 'wireless-controller', weight: 45, words: true },
  // Baseboard management controllers: the server they manage is what a technician acts on.
  { id: 'bmc-word', match: /\bLights-Out\b|\bBaseboard Management\b|\bManagement Controller\b|\bBMC\b|\bIPMI\b/i, type: 'server', weight: 34, words: true },
  // "Server Appliance", "Server-Appliance": product names hyphenate as often as they space.
  { id: 'server-word', match: /\b(?:Application|File|Media|Mail|Web|Database|Management)[- ]Server\b|\bServer[- ]Appliance\b|\bOS\/400\b/i, type: 'server', weight: 34, words: true },
  { id: 'storage-word', match: /\bTape Library\b|\bDisk Array\b|\bStorage (?:Array|System|Server|Appliance)\b|\bNAS\b|\bRAID (?:Controller|System)\b/i, type: 'nas', weight: 36, words: true },
];

/** Generic, last-resort extractions: weak weights so any specific source wins. */
const GENERIC: readonly DescrRule[] = [
  // "Version 12.1(22)EA14": the parenthesised train is part of the version.
  { id: 'generic-version', match: /\b(?:version|ver\.?|release|firmware|fw|sw|software)[:\s]+v?(?<firmware>\d+(?:[.\-_]\w+)+(?:\([\w.]+\)[\w.-]*)?)/i, weight: 18 },
  // "…OS 10.6r4 build-dcfd27b", "SmartOS v2.4.14": a name ending in OS, then its version.
  { id: 'generic-os-version', match: /\b[A-Z][\w]*OS[\s-]+v?(?<firmware>\d+(?:\.\w+)+(?:[ -]build[- ]?\w+)?)/, weight: 17 },
  // "Integrated Lights-Out 4 2.72 Oct 20 2019": a version just before its build date.
  { id: 'generic-version-date', match: /\b(?<firmware>\d+\.\d+(?:\.\w+)*)\s+(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})/, weight: 16 },
  // VRP-style "V200R019C10SPC500", OS/400-style "V7R1M0".
  { id: 'generic-vrm-version', match: /\b(?<firmware>V\d+R\d+(?:M\d+|C\d+)?(?:SPC\d+)?)\b/, weight: 17 },
  // "AP305C-1, HiveOS 10.6r4": model, comma, the OS and its version.
  { id: 'generic-model-comma-os', match: /^(?<model>[A-Za-z][\w+/-]*\d[\w+/-]*),\s*\w*OS\s+v?(?<firmware>\d[\w.()-]*)/, weight: 32 },
  // "AT-TQ4600 version 4.0.1.07", "EnGenius EWS7952P v1.2.3": a model code, then the version word.
  { id: 'generic-model-version-word', match: /^(?:[A-Z][A-Za-z]+ )?(?<model>(?=[^ ]*\d)[A-Za-z][\w/+-]{2,31}),? (?:version|ver\.?|firmware|fw|release)[ :]*v?(?<firmware>\d[\w.()-]*)/i, weight: 31 },
  // "Alta AP6 2.2w", "RICOH MP C2503 1.35 / RICOH Network Printer C model / …": maker, model (a short series
  // prefix allowed), version, and nothing more or a " / " list of what the box also is.
  { id: 'generic-vendor-model-version', match: /^[A-Z][A-Za-z]+ (?<model>(?:[A-Z]{1,4} )?(?=[^ ]*\d)[A-Za-z][\w/+-]{1,31}) v?(?<firmware>\d+(?:\.\w+){1,4})(?:$| \/ )/, weight: 29 },
  // "; AXIS P5676-LE; PTZ Camera; 11.10.61; …": semicolon fields, the model first and a bare version later.
  { id: 'generic-semicolon-fields', match: /^\s*;\s*(?<model>[^;]*\d[^;]*?)\s*;[^;]*;\s*(?<firmware>\d+(?:\.\d+)+)\s*;/, weight: 30 },
  // "PowerConnect 6248, 3.3.7.3, VxWorks 6.5", "Dell Networking N2048P, 6.1.0.6, Linux 3.6.5": model, version, platform.
  { id: 'generic-model-comma-version', match: /^(?<model>[A-Za-z][\w +/-]{0,38}?\d[\w+/-]*), v?(?<firmware>\d+(?:\.\d+){1,4}[a-z]?), /, weight: 31 },
  // Labelled fields: "Prod: Integra-X;Vers: 3.19.6;…", "Hardware Model:UFI_S9500-30XS, Software version: OcNOS,6.4.1.32".
  { id: 'generic-labelled-model', match: /(?:^|[;,]\s*)(?:Prod(?:uct)?|(?:Hardware |HW )?Model)\s*:\s*(?<model>[A-Za-z][^;,:]{1,40}?)\s*(?=[;,]|$)/, weight: 33 },
  { id: 'generic-labelled-version', match: /(?:^|[;,]\s*)(?:Vers(?:ion)?|(?:SW|Software|Firmware|FW) ?Version)\s*:\s*(?:[A-Za-z][\w-]*,\s*)?v?(?<firmware>\d[\w.()-]*)/i, weight: 33 },
  // "Ekinops 360 Platform, C600HC, Release 6.3.900": a comma-separated field that is a model code, then the version word.
  { id: 'generic-field-model-version-word', match: /, (?<model>(?=[^ ,]*\d)[A-Za-z][\w/+-]{2,31}), (?:version|ver\.?|firmware|fw|release)[ :]*v?(?<firmware>\d[\w.()-]*)/i, weight: 30 },
  // "ALAXALA AX2430 AX-2430-24TE-B [AX2430S-24T] Switching software…": the model code in brackets.
  { id: 'generic-bracketed-model', match: /\[(?<model>(?=[^\]]*\d)[A-Z][\w/+-]{2,31})\]/, weight: 26 },
  // "QSW-3500-24-AC Device, Compiled Feb 22 2011…": a model code named the device.
  { id: 'generic-model-device', match: /^(?<model>(?=[^ ]*\d)[A-Z][\w/+-]{2,31}) Device\b/, weight: 28 },
  // "CSS106-1G-4P-1S SwOS v2.18": a model code, then an OS name and its version.
  { id: 'generic-model-os-version', match: /^(?<model>[A-Za-z][\w+/-]*\d[\w+/-]*) [A-Z]\w*OS v?(?<firmware>\d+(?:\.\w+)+)$/, weight: 32 },
  // "… release 0.16.5 … running on a MetaMux 48 with C-Series": what the software runs on is the box.
  { id: 'generic-running-on', match: /\brunning on an? (?<model>[A-Z][\w +/()-]{2,40}?)\s*$/, weight: 30 },
  { id: 'generic-v-number', match: /(?:^|[\s(,])v(?<firmware>\d+\.\d+(?:\.\w+)*)\b/i, weight: 15 },
  // "Juniper Networks, Inc WLC880R 7.7.4.4 REL", "CANOPY 16.0.0.1 AP": a bare version of three or more parts,
  // standing alone; not a private or link-local address, which a sysDescr may name.
  {
    id: 'generic-dotted-version',
    match: /(?:^|[\s,(])(?!(?:10|127|169\.254|172\.(?:1[6-9]|2\d|3[01])|192\.168)\.)(?<firmware>\d{1,3}\.\d{1,3}\.\d{1,4}(?:\.\d{1,6})?)(?=$|[\s,)])/,
    weight: 12,
  },
  { id: 'generic-serial', match: /\b(?:S\/N|SN|serial(?: number)?)[:\s]+(?<serial>[A-Z0-9][A-Z0-9-]{5,})/i, weight: 25 },
  // "IPM-8220 1.30.4", "OAW-AP1321 4.0.3": a model code, then a version.
  { id: 'generic-model-version', match: /^(?<model>[A-Za-z][\w/+-]*\d[\w/+-]*) v?(?<firmware>\d+(?:\.\w+){1,4})$/, weight: 30 },
  // A sysDescr that is just a model code: "GS-4012F", "ECS4120-28Fv2", "C9500".
  { id: 'generic-model-token', match: /^(?<model>(?=[^ ]*\d)[A-Za-z][\w/+-]{2,31})$/, weight: 42 },
  // "Vendor Model" two-token sysDescrs: "EnGenius EWS7952P", "Netonix WS-12-250-AC".
  // Class words and shapes any vendor's sysDescr may carry.
  // A model code ending in a port count ("DGS-1210-52MP", "S3900-24F4S", "ECS4120-28F"), or "48 GE": a switch.
  { id: 'generic-port-count-model', match: /\b[A-Z]{1,6}-?\d{2,5}[A-Z]{0,3}-(?:5|8|10|12|16|18|20|24|26|28|32|48|50|52|54)(?:[A-Z]{0,4}\d?[A-Z]{0,3})?\b|\b\d{1,2} ?(?:GE|FE|XE)\b|\b\d{1,2}-Port\b/, type: 'switch', weight: 30 },
  { id: 'generic-ap-model', match: /(?:^|[\s,;(])(?:AP|WAP|EAP|CAP|UAP)-?\d{2,4}[A-Z\d-]*\b|\bManaged AP\b/, type: 'access-point', weight: 31 },
  { id: 'generic-environment', match: /\b(?:sensors?|probes?|environment(?:al)? monitor|enviro\w*|temperature|humidity|thermo(?:meter|graph)|climate monitor)\b/i, type: 'environment-sensor', weight: 34, words: true },
  { id: 'generic-ups-card', match: /\bWeb\/SNMP\b|\b(?:Network )?Management Card\b|\bSNMP (?:Web )?(?:Card|Adapter)\b|\bSmart (?:II )?Card\b/i, type: 'ups', weight: 32, words: true },
  { id: 'generic-power', match: /\bATS\b|\bDistribution Panel\b|\bTransfer Switch\b/i, type: 'pdu', weight: 36, words: true },
  { id: 'generic-power-plant', match: /\b(?:Inverter|Power System|Rectifier|DC Power)\b/i, type: 'ups', weight: 34, words: true },
  { id: 'generic-modem', match: /\b(?:DOCSIS|Modem|CMTS|DSLAM|OLT|ONT|LTE)\b/i, type: 'router', weight: 34, words: true },
  // Network gear of no narrower class: optical transport, multiplexers, media converters.
  { id: 'generic-transport', match: /\b(?:x|c|d)?WDM\b|\bMultiplexer\b|\bTransponder\b|\bMuxponder\b|\bEDFA\b|\bOptical (?:Transport|Amplifier|Line|Network)\b|\bMedia Converter\b|\b(?:SDH|SONET|OTN)\b/i, type: 'network-device', weight: 33, words: true },
  { id: 'generic-scanner-printer', match: /\bScan Server\b|\bSeries OS\b|\bPrint(?:ing)? Server\b/i, type: 'printer', weight: 36 },
  { id: 'generic-vendor-model', match: /^[A-Z][A-Za-z]+ (?<model>(?=[^ ]*\d)[A-Za-z][\w/+-]{2,31})$/, weight: 14 },
];

/** The sysDescr split into words where products glue them ("RackSwitch", "EthernetProbe2", "RouterOS"). */
export const DESCR_WORDS = 'sysdescr.words';

export function descrWords(descr: string): string {
  return descr.replace(/([a-z])(?=[A-Z])/g, '$1 ').replace(/([A-Za-z])(?=\d)/g, '$1 ');
}

function toRule(r: DescrRule, defaultWeight: number): Rule {
  return {
    id: `sysdescr:${r.id}`,
    fact: r.words ? DESCR_WORDS : OID.sysDescr,
    match: r.match,
    ...(r.type || r.vendor ? { set: { ...(r.type ? { type: r.type } : {}), ...(r.vendor ? { vendor: r.vendor } : {}) } } : {}),
    ...(r.objectIds ? { also: [{ fact: OID.sysObjectID, prefix: r.objectIds }] } : {}),
    ...(r.owner ? { owner: r.owner } : {}),
    weight: r.weight ?? defaultWeight,
  };
}

export const SYSDESCR_RULES: readonly Rule[] = [...D.map((r) => toRule(r, 60)), ...GENERIC.map((r) => toRule(r, 15))];
