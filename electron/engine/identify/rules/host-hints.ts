/**
 * What hosts without SNMP say of themselves (discovery/host-hints): their
 * mDNS, NetBIOS and UPnP names, the maker and model in a UPnP description,
 * the services they announce, their web page's title and certificate. Weaker
 * than anything SNMP says, stronger than a MAC's maker or an open port: the
 * host named itself. Facts are `hint.*` (facts.ts, hintFacts).
 */
import type { DeviceType } from '../../../../shared/device-types';
import type { Rule } from '../types';

export const HINT_FACT = {
  mdnsName: 'hint.mdns.name',
  /** One fact per announced service: `hint.mdns.service:_ipp._tcp`. */
  mdnsService: 'hint.mdns.service:',
  netbiosName: 'hint.netbios.name',
  netbiosWorkgroup: 'hint.netbios.workgroup',
  ssdpName: 'hint.ssdp.friendlyName',
  ssdpMaker: 'hint.ssdp.manufacturer',
  ssdpModel: 'hint.ssdp.model',
  ssdpSerial: 'hint.ssdp.serial',
  ssdpType: 'hint.ssdp.deviceType',
  webTitle: 'hint.web.title',
  webServer: 'hint.web.server',
  certName: 'hint.tls.cn',
  certOrganization: 'hint.tls.o',
} as const;

const service = (name: string) => `${HINT_FACT.mdnsService}${name}`;

/** Words of a page title or friendly name that say what the box is. */
const TITLE_CLASSES: ReadonlyArray<readonly [DeviceType, RegExp]> = [
  ['printer', /\b(?:printer|laserjet|officejet|deskjet|mfp|multifunction|imagerunner|bizhub|workcentre|ecosys)\b/i],
  ['camera', /\b(?:network camera|ip camera|camera|nvr|dvr)\b/i],
  ['nas', /\b(?:diskstation|rackstation|qts|nas)\b/i],
  ['ups', /\b(?:ups|network management card|powerchute)\b/i],
  ['phone', /\b(?:ip phone|voip phone|yealink|polycom)\b/i],
  ['router', /\b(?:router|gateway|modem)\b/i],
  ['access-point', /\b(?:access point)\b/i],
];

export const HOST_HINT_RULES: readonly Rule[] = [
  // Names. DNS first: it is what the client's own network calls the host.
  { id: 'name:dns', fact: 'hostname', take: 'hostname', weight: 40 },
  { id: 'name:mdns', fact: HINT_FACT.mdnsName, take: 'hostname', weight: 34 },
  { id: 'name:netbios', fact: HINT_FACT.netbiosName, take: 'hostname', weight: 32 },
  { id: 'name:ssdp', fact: HINT_FACT.ssdpName, take: 'hostname', weight: 24 },
  // Maker and model, from the UPnP description and the certificate's organisation (above the MAC's maker, 20).
  { id: 'ssdp:manufacturer', fact: HINT_FACT.ssdpMaker, take: 'vendor', weight: 23 },
  { id: 'ssdp:model', fact: HINT_FACT.ssdpModel, take: 'model', weight: 22 },
  { id: 'ssdp:serial', fact: HINT_FACT.ssdpSerial, match: /^(?<serial>[A-Za-z0-9-]{4,40})$/, weight: 20 },
  { id: 'tls:organization', fact: HINT_FACT.certOrganization, match: /^(?!.*(?:default|example|localhost|self|unknown|internet widgits))(?<vendor>.{2,60})$/i, weight: 21 },
  // What it is, from its UPnP device type and announced services (above ports and makers' usual classes).
  { id: 'ssdp:gateway', fact: HINT_FACT.ssdpType, match: /^(?:InternetGatewayDevice|WANDevice|WANConnectionDevice)$/, set: { type: 'router' }, weight: 27 },
  { id: 'ssdp:printer', fact: HINT_FACT.ssdpType, match: /^(?:Printer|PrintBasic|PrintEnhanced)$/, set: { type: 'printer' }, weight: 27 },
  { id: 'ssdp:media', fact: HINT_FACT.ssdpType, match: /^(?:MediaRenderer|MediaServer|DigitalMediaPlayer|ZonePlayer)$/, set: { type: 'iot' }, weight: 22 },
  { id: 'ssdp:camera', fact: HINT_FACT.ssdpType, match: /^(?:DigitalSecurityCamera|NetworkCamera)$/, set: { type: 'camera' }, weight: 27 },
  { id: 'ssdp:nas', fact: HINT_FACT.ssdpType, match: /^(?:NAS|NetworkStorage)$/i, set: { type: 'nas' }, weight: 27 },
  ...['_ipp._tcp', '_ipps._tcp', '_pdl-datastream._tcp', '_printer._tcp'].map((s): Rule => ({ id: 'mdns:printer-service', fact: service(s), set: { type: 'printer' }, weight: 26 })),
  ...['_axis-video._tcp', '_rtsp._tcp'].map((s): Rule => ({ id: 'mdns:camera-service', fact: service(s), set: { type: 'camera' }, weight: 25 })),
  ...['_airplay._tcp', '_raop._tcp', '_googlecast._tcp', '_spotify-connect._tcp', '_hap._tcp', '_sonos._tcp'].map((s): Rule => ({ id: 'mdns:media-service', fact: service(s), set: { type: 'iot' }, weight: 21 })),
  { id: 'mdns:file-server', fact: service('_smb._tcp'), also: [{ fact: service('_adisk._tcp') }], set: { type: 'nas' }, weight: 22 },
  { id: 'mdns:workstation', fact: service('_companion-link._tcp'), set: { type: 'workstation' }, weight: 18 },
  // NetBIOS answers come from Windows and Samba: a workstation unless something says more.
  { id: 'netbios:windows-host', fact: HINT_FACT.netbiosName, set: { type: 'workstation' }, weight: 13 },
  // The title of its web page or its UPnP name says the class in words.
  ...TITLE_CLASSES.flatMap(([type, match]): Rule[] => [
    { id: `web-title:${type}`, fact: HINT_FACT.webTitle, match, set: { type }, weight: 19 },
    { id: `ssdp-name:${type}`, fact: HINT_FACT.ssdpName, match, set: { type }, weight: 18 },
  ]),
];
