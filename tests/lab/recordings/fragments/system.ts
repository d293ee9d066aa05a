/**
 * SNMPv2-MIB system group. sysName is always the host's expected sysName (the
 * lab's truth). A device built on a real recording keeps the recorded
 * sysDescr/sysObjectID (fact `keepRecordedSystem`), so only its name changes.
 */
import { defineFragment, snmp } from '../fragment.js';

const SYSTEM = '1.3.6.1.2.1.1';
const DEFAULT_UPTIME_SECONDS = 45 * 24 * 3600;

export default defineFragment((host) => {
  const sysName = host.expected.sysName ?? host.name;
  const name = snmp.string(`${SYSTEM}.5.0`, sysName);
  if (host.facts.keepRecordedSystem) return [name];
  const uptimeSeconds = Number(host.facts.uptimeSeconds ?? DEFAULT_UPTIME_SECONDS);
  return [
    snmp.string(`${SYSTEM}.1.0`, String(host.facts.sysDescr ?? host.name)),
    snmp.oid(`${SYSTEM}.2.0`, String(host.facts.sysObjectID ?? '1.3.6.1.4.1.8072.3.2.10')),
    snmp.timeticks(`${SYSTEM}.3.0`, uptimeSeconds * 100),
    snmp.string(`${SYSTEM}.4.0`, String(host.facts.sysContact ?? 'IT helpdesk <it@office.example>')),
    name,
    snmp.string(`${SYSTEM}.6.0`, String(host.facts.sysLocation ?? 'Head office')),
    snmp.integer(`${SYSTEM}.7.0`, Number(host.facts.sysServices ?? 72)),
  ];
});
