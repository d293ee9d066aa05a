/**
 * A host's programs → what it is for (see ../running-software.ts). Weighed as
 * guesses, above "runs Linux" (20) and a maker's usual class (24–26), below
 * anything the box states: a Linux box sharing files is very likely the office's
 * NAS or file server, but nothing says so outright. A host running virtual
 * machines is a hypervisor, whatever else it runs.
 */
import type { Rule } from '../types';
import { RUNNING_SOFTWARE_FACT } from '../running-software';

/** One of these programs runs (program names are whole words of the fact). */
const has = (...programs: string[]) => `(?=(?:^|.* )(?:${programs.join('|')})(?: |$))`;
/** Every condition holds. */
const runs = (...conditions: string[]) => new RegExp(`^${conditions.join('')}`);

export const RUNNING_SOFTWARE_RULES: readonly Rule[] = [
  { id: 'software:virtual-machines', fact: RUNNING_SOFTWARE_FACT, match: runs(has('qemu-kvm', 'qemu-system-[\\w-]+', 'vmx', 'vmms', 'xenstored')), set: { type: 'hypervisor' }, weight: 31 },
  // Windows shares files from every PC: only Samba beside NFS or AFP says "file server".
  { id: 'software:file-sharing', fact: RUNNING_SOFTWARE_FACT, match: runs(has('smbd'), has('nfsd', 'rpc\\.mountd', 'afpd', 'netatalk')), set: { type: 'nas' }, weight: 28 },
  { id: 'software:routing-daemons', fact: RUNNING_SOFTWARE_FACT, match: runs(has('bgpd', 'ospfd', 'ospf6d', 'isisd', 'bird', 'bird6')), set: { type: 'router' }, weight: 29 },
  { id: 'software:wifi-access-point', fact: RUNNING_SOFTWARE_FACT, match: runs(has('hostapd')), set: { type: 'access-point' }, weight: 29 },
  { id: 'software:intrusion-prevention', fact: RUNNING_SOFTWARE_FACT, match: runs(has('snort', 'suricata')), set: { type: 'firewall' }, weight: 29 },
];
