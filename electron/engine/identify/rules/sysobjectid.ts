/**
 * sysObjectID prefixes → vendor / type (/ model). A product-line prefix is
 * strong evidence of the class; the enterprise-wide defaults (from
 * enterprise-data.ts) are weak priors generated at the end of this file.
 */
import type { DeviceType } from '../../../../shared/device-types';
import { OID } from '../oids';
import { GENERIC_AGENT_ENTERPRISES } from './probe-gates';
import type { Rule } from '../types';
import { ENTERPRISES } from './enterprise-data';

const E = '1.3.6.1.4.1';

/** [rule id, prefix under 1.3.6.1.4.1, type, vendor?] */
const PRODUCT_LINES: ReadonlyArray<readonly [string, string, DeviceType, string?]> = [
  ['cisco-asa', '9.1.2114', 'firewall'],
  ['cisco-ftd', '9.1.3055', 'firewall'],
  ['cisco-wlc', '9.1.1069', 'wireless-controller'],
  ['cisco-wlc-9800', '9.1.2391', 'wireless-controller'],
  ['cisco-aironet', '9.1.525', 'access-point'],
  ['cisco-sb', '9.6.1', 'switch'],
  ['cisco-nexus', '9.12.3.1.3', 'switch'],
  ['hp-printer', '11.2.3.9.1', 'printer', 'HP'],
  ['hp-procurve', '11.2.3.7', 'switch', 'HP'],
  ['hp-ilo', '232.9.4', 'server', 'HPE'],
  ['hp-pdu', '232.165', 'pdu', 'HPE'],
  ['dell-idrac', '674.10892', 'server', 'Dell'],
  ['dell-switch', '674.10895', 'switch', 'Dell'],
  ['dell-printer', '674.10898', 'printer', 'Dell'],
  // Windows names the OS, not the hardware: the vendor comes from the MAC or the enterprise (weakly).
  ['microsoft-windows-workstation', '311.1.1.3.1.1', 'workstation'],
  ['microsoft-windows-server', '311.1.1.3.1.2', 'server'],
  ['microsoft-windows-dc', '311.1.1.3.1.3', 'server'],
  ['apc-rpdu', '318.1.3.4', 'pdu', 'APC'],
  ['apc-ats', '318.1.3.11', 'pdu', 'APC'],
  ['apc-ats2', '318.1.3.32', 'pdu', 'APC'],
  ['apc-netbotz', '318.1.3.8', 'environment-sensor', 'APC'],
  ['eaton-pdu', '534.6', 'pdu', 'Eaton'],
  ['eaton-ats', '705.1.3', 'pdu', 'Eaton'],
  ['netgear-nas', '4526.100.7', 'nas', 'Netgear'],
  ['aruba-controller', '14823.1.1', 'wireless-controller', 'Aruba'],
  ['aruba-instant', '14823.1.2', 'access-point', 'Aruba'],
  ['fortinet-fortigate', '12356.101', 'firewall', 'Fortinet'],
  ['fortinet-fortiap', '12356.120', 'access-point', 'Fortinet'],
  ['fortinet-fortiswitch', '12356.106', 'switch', 'Fortinet'],
  ['juniper-srx', '2636.1.1.1.2.26', 'firewall', 'Juniper'],
  ['juniper-ex', '2636.1.1.1.2.30', 'switch', 'Juniper'],
  ['juniper-qfx', '2636.1.1.1.4.82', 'switch', 'Juniper'],
  ['mikrotik-swos', '14988.2', 'switch', 'MikroTik'],
  ['ubiquiti-edgeswitch', '4413', 'switch', 'Ubiquiti'],
  ['ubiquiti-unifi-ap', '41112.1.6', 'access-point', 'Ubiquiti'],
  ['ubiquiti-unifi-switch', '41112.1.7', 'switch', 'Ubiquiti'],
  ['cambium-switch', '17713.24', 'switch', 'Cambium'],
  ['cambium-wave', '17713.60', 'access-point', 'Cambium'],
  ['moxa-switch', '8691.7', 'switch', 'Moxa'],
  ['moxa-awk', '8691.15', 'access-point', 'Moxa'],
  ['moxa-nport', '8691.2', 'iot', 'Moxa'],
  ['moxa-mxnos', '8691.600', 'switch', 'Moxa'],
  ['dlink-ap', '171.10.37', 'access-point', 'D-Link'],
  ['dlink-dap', '171.10.128', 'access-point', 'D-Link'],
  ['allied-tq', '207.1.13', 'access-point', 'Allied Telesis'],
  ['allied-switch', '207.1.14', 'switch', 'Allied Telesis'],
  ['kyocera-printer', '1347.41', 'printer', 'Kyocera'],
  ['kyocera-printer2', '1347.43', 'printer', 'Kyocera'],
  ['synology-nas', '6574', 'nas', 'Synology'],
  ['vmware-esxi', '6876.4.1', 'hypervisor', 'VMware'],
  ['vmware-vcsa', '6876.4.6', 'server', 'VMware'],
  ['alcatel-omnipcx', '637.64', 'phone', 'Alcatel-Lucent'],
  ['alcatel-wavence', '637.54', 'access-point', 'Nokia'],
  ['stellar-ap', '6486.802', 'access-point', 'Alcatel-Lucent Enterprise'],
  ['extreme-wing', '388', 'wireless-controller', 'Extreme Networks'],
  ['bluecoat', '3417', 'router', 'Blue Coat'],
  ['huawei-ibmc', '2011.2.235', 'server', 'Huawei'],
  ['edgecore-ocnos', '36673', 'switch', 'IP Infusion'],
  ['emerson-ees', '6302', 'ups', 'Vertiv'],
  ['eltex', '35265.1', 'switch', 'Eltex'],
  ['supermicro-bmc', '21317', 'server', 'Supermicro'],
  ['mcafee', '8962', 'firewall', 'McAfee'],
  ['lantronix', '244', 'iot', 'Lantronix'],
  ['hikvision-camera', '39165.1', 'camera', 'Hikvision'],
  ['axis-camera', '368.1', 'camera', 'Axis'],
  ['ricoh-printer', '367.1', 'printer', 'Ricoh'],
  ['cyberpower', '3808.1.1.1', 'ups', 'CyberPower'],
  ['cyberpower-pdu', '3808.1.1.3', 'pdu', 'CyberPower'],
  ['tripplite-pdu', '850.1.1.1.3', 'pdu', 'Tripp Lite'],
];

const productLineRules: Rule[] = PRODUCT_LINES.map(([id, prefix, type, vendor]) => ({
  id: `sysobjectid:${id}`,
  fact: OID.sysObjectID,
  prefix: `${E}.${prefix}`,
  set: { type, ...(vendor ? { vendor } : {}) },
  weight: 70,
}));

/**
 * Enterprise number → vendor (weight 50) and the vendor's usual class (weight 25).
 * A generic agent's enterprise (Net-SNMP, Microsoft's SNMP service…) names the
 * agent software, not the box: it yields to the MAC's OUI (20).
 */
const enterpriseRules: Rule[] = Object.entries(ENTERPRISES).flatMap(([n, entry]): Rule[] => {
  const vendorWeight = GENERIC_AGENT_ENTERPRISES.includes(Number(n)) ? 15 : 50;
  const rules: Rule[] = [{ id: `enterprise:${n}`, fact: OID.sysObjectID, prefix: `${E}.${n}`, set: { vendor: entry.vendor }, weight: vendorWeight }];
  if (entry.type) rules.push({ id: `enterprise-type:${n}`, fact: OID.sysObjectID, prefix: `${E}.${n}`, set: { type: entry.type }, weight: 25 });
  return rules;
});

export const SYSOBJECTID_RULES: readonly Rule[] = [...productLineRules, ...enterpriseRules];
