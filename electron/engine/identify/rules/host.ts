/**
 * Heuristics for hosts without SNMP (and tie-breakers for those with it):
 * open TCP ports, the MAC's OUI vendor, the hostname. All weak: any SNMP
 * evidence naming a product outweighs them.
 */
import type { Rule } from '../types';
import { OID } from '../oids';

const port = (n: number) => `tcp:${n}`;

export const HOST_RULES: readonly Rule[] = [
  // Vendor from the MAC's OUI; a randomised (locally administered) MAC names no vendor.
  { id: 'oui', fact: 'mac.vendor', take: 'vendor', weight: 20 },
  { id: 'oui:randomised', fact: 'mac.randomised', set: { vendor: 'randomised MAC' }, weight: 1 },
  // Open ports
  { id: 'ports:jetdirect', fact: port(9100), set: { type: 'printer' }, weight: 14 },
  { id: 'ports:ipp-lpd', fact: port(631), also: [{ fact: port(3389), absent: true }, { fact: port(22), absent: true }], set: { type: 'printer' }, weight: 12 },
  { id: 'ports:lpd', fact: port(515), set: { type: 'printer' }, weight: 12 },
  { id: 'ports:rdp-smb', fact: port(3389), also: [{ fact: port(445) }], set: { type: 'workstation' }, weight: 10 },
  { id: 'ports:smb', fact: port(445), set: { type: 'workstation' }, weight: 6 },
  { id: 'ports:rtsp', fact: port(554), set: { type: 'camera' }, weight: 10 },
  { id: 'ports:sip', fact: port(5060), set: { type: 'phone' }, weight: 8 },
  { id: 'ports:synology-dsm', fact: port(5000), also: [{ fact: port(5001) }], set: { type: 'nas' }, weight: 10 },
  { id: 'ports:esxi', fact: port(902), also: [{ fact: port(443) }], set: { type: 'hypervisor' }, weight: 12 },
  { id: 'ports:ssh-only', fact: port(22), also: [{ fact: port(445), absent: true }, { fact: port(9100), absent: true }], set: { type: 'server' }, weight: 4 },
  // Vendor → class, for vendors that make one class of device. The single-class makers of
  // appliances (NAS, UPS, phones, cameras) outrank generic OS guesses ("Linux" → server,
  // an enterprise's usual class at 25): their boxes run stock Linux and net-snmp.
  { id: 'oui:printer-vendor', fact: 'mac.vendor', match: /^(?:Brother|Canon|Ricoh|Xerox|Lexmark|Epson|Kyocera|Konica Minolta|Sharp|OKI)$/, set: { type: 'printer' }, weight: 12 },
  { id: 'oui:ups-vendor', fact: 'mac.vendor', match: /^(?:APC|Eaton|CyberPower|Tripp Lite)$/, set: { type: 'ups' }, weight: 26 },
  { id: 'oui:nas-vendor', fact: 'mac.vendor', match: /^(?:Synology|QNAP)$/, set: { type: 'nas' }, weight: 26 },
  { id: 'oui:phone-vendor', fact: 'mac.vendor', match: /^(?:Polycom|Yealink|Grandstream|Snom)$/, set: { type: 'phone' }, weight: 26 },
  { id: 'oui:camera-vendor', fact: 'mac.vendor', match: /^(?:Hikvision|Dahua|Axis)$/, set: { type: 'camera' }, weight: 26 },
  { id: 'oui:iot-vendor', fact: 'mac.vendor', match: /^(?:Espressif|Sonos|Google|Amazon|Raspberry Pi)$/, set: { type: 'iot' }, weight: 8 },
  { id: 'oui:firewall-vendor', fact: 'mac.vendor', match: /^(?:Fortinet|Palo Alto Networks|SonicWall|WatchGuard)$/, set: { type: 'firewall' }, weight: 10 },
  // Hostname conventions
  { id: 'hostname:printer', fact: 'hostname', match: /(?:^|[-_.])(?:prn|printer|mfp|print)\d*(?:[-_.]|$)/i, set: { type: 'printer' }, weight: 9 },
  { id: 'hostname:nas', fact: 'hostname', match: /(?:^|[-_.])nas\d*(?:[-_.]|$)/i, set: { type: 'nas' }, weight: 9 },
  // LibreNMS-style generic hardware names for plain Linux hosts (architecture from sysDescr).
  { id: 'linux-arch:x86_64', fact: OID.sysDescr, match: /^Linux .* x86_64$/, set: { model: 'Generic x86 64-bit' }, weight: 5 },
  { id: 'linux-arch:armv7', fact: OID.sysDescr, match: /^Linux .* armv7l$/, set: { model: 'Generic ARMv7' }, weight: 5 },
  { id: 'windows-arch:x86', owner: [311], fact: OID.sysDescr, match: /^Hardware: x86 .*Software: Windows/, set: { model: 'Generic x86' }, weight: 5 },
  { id: 'windows-arch:x64', owner: [311], fact: OID.sysDescr, match: /^Hardware: (?:Intel64|AMD64) .*Software: Windows/, set: { model: 'Generic x86 64-bit' }, weight: 5 },
  { id: 'linux-arch:aarch64', fact: OID.sysDescr, match: /^Linux .* aarch64$/, set: { model: 'Generic ARMv8 64-bit' }, weight: 5 },
];
