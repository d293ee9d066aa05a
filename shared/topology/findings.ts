/**
 * Findings topology raises itself (same Finding shape as health, see
 * shared/health/schema.ts). Rules are data: id, severity and wording here.
 */
import type { Finding, FindingEvidence, Severity } from '../health/schema';

export interface TopologyFinding {
  /** The devices it concerns (ids in `devices[]`); the engine files it on each. */
  deviceIds: string[];
  finding: Finding;
  /** The MAC addresses in question, so the engine can name their vendors (the OUI registry lives there). */
  macs?: string[];
}

interface RuleText {
  severity: Severity;
  title: string;
  explanation: string;
  recommendation: string;
}

export const TOPOLOGY_RULES = {
  'topology.duplicate-ip': {
    severity: 'high',
    title: 'Duplicate IP address',
    explanation: 'Two different machines answer for this IP address: the ARP tables read during the scan tie it to more than one MAC address. Traffic meant for one goes to the other, so both lose their connection now and then.',
    recommendation: 'Find both machines by their MAC addresses (vendor and switch port below), give one of them another address, and exclude static addresses from the DHCP scope.',
  },
  'topology.duplicate-mac': {
    severity: 'medium',
    title: 'Duplicate MAC address',
    explanation: 'The same MAC address is learned on edge ports in two places at once. Cloned virtual machines or spoofed adapters make switches flap between ports and drop traffic.',
    recommendation: 'Check the devices on both ports; give cloned virtual machines new MAC addresses.',
  },
  'topology.duplex-mismatch': {
    severity: 'medium',
    title: 'Duplex mismatch on a link',
    explanation: 'The two ends of this link report different duplex settings. The half-duplex side sees late collisions and the link crawls under load.',
    recommendation: 'Set both ends to auto-negotiation (or both to the same fixed speed and duplex).',
  },
} as const satisfies Record<string, RuleText>;

export type TopologyRuleId = keyof typeof TOPOLOGY_RULES;

export function topologyFinding(rule: TopologyRuleId, deviceIds: string[], subject: string, evidence: FindingEvidence[]): TopologyFinding {
  const text = TOPOLOGY_RULES[rule];
  return { deviceIds: [...new Set(deviceIds)].sort(), finding: { rule, ...text, subject, evidence } };
}

/** Adds a "vendor (OUI)" row for each MAC the finding names, right after the last row about that MAC. */
export function withMacVendors(found: TopologyFinding, vendorOf: ReadonlyMap<string, string>): TopologyFinding {
  if (!found.macs?.length) return found;
  const evidence = [...found.finding.evidence];
  for (const mac of found.macs) {
    const row: FindingEvidence = { name: `${mac} vendor (OUI)`, value: vendorOf.get(mac) ?? `unregistered (OUI ${mac.slice(0, 8)})` };
    const last = evidence.findLastIndex((e) => e.name.includes(mac) || String(e.value).includes(mac));
    evidence.splice(last + 1 || evidence.length, 0, row);
  }
  return { ...found, finding: { ...found.finding, evidence } };
}
