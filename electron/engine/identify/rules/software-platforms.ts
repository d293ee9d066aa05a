/**
 * Vendors whose SNMP identity names a software platform rather than the
 * hardware it runs on (see pickWinners). Data, so adding one is one line.
 */
export const SOFTWARE_PLATFORM_VENDORS: ReadonlySet<string> = new Set(['Microsoft', 'VMware', 'Net-SNMP', 'UCD-SNMP', 'FreeBSD', 'Proxmox', 'Red Hat', 'Canonical']);
