/**
 * The prior for an SNMP agent that nothing else classifies. Devices that run a
 * vendor's own SNMP agent and say nothing more of themselves are, more often
 * than not, network gear: switches, routers, radios, converters. (Servers run
 * net-snmp or Windows' agent, whose sysObjectIDs say so; printers, UPSs, NASes
 * and sensors carry standard or vendor MIBs that outrank this.) Not for a vendor
 * whose many MIB modules were read and state no class: its silence says it is
 * not known for network gear (solar controllers, DVB receivers, storage). The
 * weight is the lowest of any type rule, and under GUESS_BELOW_WEIGHT, so any
 * signal wins and a reader sees "Network device (guess)", never a statement.
 */
import { OID } from '../oids';
import type { Rule } from '../types';
import { KNOWLEDGE_FACT } from './compiled';
import { GENERIC_AGENT_ENTERPRISES } from './probe-gates';

const PRIOR_WEIGHT = 8;

/** A sysObjectID in the enterprises tree, of any maker but a generic host agent (net-snmp, Microsoft…). */
const VENDOR_AGENT_OBJECT_ID = new RegExp(`^1\\.3\\.6\\.1\\.4\\.1(?!\\.(?:${GENERIC_AGENT_ENTERPRISES.join('|')})(?:\\.|$))`);

export const AGENT_PRIOR_RULES: readonly Rule[] = [
  {
    id: 'prior:vendor-agent',
    fact: OID.sysObjectID,
    match: VENDOR_AGENT_OBJECT_ID,
    also: [{ fact: KNOWLEDGE_FACT.unclassedVendor, absent: true }],
    set: { type: 'network-device' },
    weight: PRIOR_WEIGHT,
  },
  // An agent that gives a sysDescr but no sysObjectID at all.
  { id: 'prior:described-agent', fact: OID.sysDescr, match: /\S/, also: [{ fact: OID.sysObjectID, absent: true }], set: { type: 'network-device' }, weight: PRIOR_WEIGHT },
];
