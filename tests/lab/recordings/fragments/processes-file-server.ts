/**
 * HOST-RESOURCES-MIB hrSWRunTable of a Linux file server: Samba and NFS among
 * the usual daemons (identification reads what a generic agent's box runs).
 */
import { defineFragment, snmp } from '../fragment.js';

const HR_SW_RUN_NAME = '1.3.6.1.2.1.25.4.2.1.2';
const PROGRAMS = ['systemd', 'systemd-journald', 'cron', 'sshd', 'snmpd', 'rpcbind', 'rpc.mountd', 'nfsd', 'nfsd', 'nmbd', 'smbd', 'smbd', 'smbd'];

export default defineFragment(() => PROGRAMS.map((program, i) => snmp.string(`${HR_SW_RUN_NAME}.${i + 1}`, program)));
