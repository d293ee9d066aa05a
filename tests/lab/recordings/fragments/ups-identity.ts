/**
 * UPS identity in both RFC 1628 UPS-MIB (upsIdent) and APC PowerNet-MIB
 * (upsBasicIdent / upsAdvIdent). Battery and output state belong to health
 * fragments.
 */
import { defineFragment, snmp } from '../fragment.js';

const UPS_IDENT = '1.3.6.1.2.1.33.1.1';
const APC_IDENT = '1.3.6.1.4.1.318.1.1.1.1';

export default defineFragment((host) => {
  const model = host.expected.model ?? '';
  const firmware = host.expected.firmware ?? '';
  return [
    snmp.string(`${UPS_IDENT}.1.0`, host.expected.vendor),
    snmp.string(`${UPS_IDENT}.2.0`, model),
    snmp.string(`${UPS_IDENT}.3.0`, firmware),
    snmp.string(`${UPS_IDENT}.4.0`, String(host.facts.agentVersion ?? 'v6.8.2')),
    snmp.string(`${UPS_IDENT}.5.0`, host.name),
    snmp.string(`${APC_IDENT}.1.1.0`, model),
    snmp.string(`${APC_IDENT}.1.2.0`, host.name),
    snmp.string(`${APC_IDENT}.2.1.0`, firmware),
    snmp.string(`${APC_IDENT}.2.2.0`, String(host.facts.manufactureDate ?? '06/15/2019')),
    snmp.string(`${APC_IDENT}.2.3.0`, host.expected.serial ?? ''),
  ];
});
