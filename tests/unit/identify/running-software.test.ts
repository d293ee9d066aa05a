import { describe, expect, it } from 'vitest';
import { identifyDevice } from '../../../electron/engine/identify/identify';
import { programName } from '../../../electron/engine/identify/running-software';
import { typeText } from '../../../shared/assessment/type-certainty';
import { COLUMN } from '../../../electron/engine/identify/oids';
import { countingSource } from './fixtures';

const HR_SW_RUN_NAME = COLUMN.hrSWRunName;

/** A host behind `sysObjectID` whose process table lists `programs`. */
function host(sysObjectID: string, sysDescr: string, programs: string[]) {
  const rows = [`1.3.6.1.2.1.1.1.0|4|${sysDescr}`, `1.3.6.1.2.1.1.2.0|6|${sysObjectID}`, ...programs.map((p, i) => `${HR_SW_RUN_NAME}.${i + 1}|4|${p}`)];
  return countingSource(rows.join('\n'));
}
const NET_SNMP = '1.3.6.1.4.1.8072.3.2.10';
const identified = async (source: ReturnType<typeof host>) => {
  const id = await identifyDevice(source, {}, { quick: false });
  return { ...id, shown: typeText({ type: id.type, identification: { evidence: id.evidence } }) };
};

describe('what a general-purpose computer runs', () => {
  it('calls a Linux box that shares files over Samba and NFS a NAS, as a guess', async () => {
    const id = await identified(host(NET_SNMP, 'Linux files01 5.10.0-21-amd64', ['init', 'sshd', 'smbd', 'smbd', 'nfsd', 'rpc.mountd']));
    expect(id.type).toBe('nas');
    expect(id.shown).toBe('NAS (guess)');
    expect(id.evidence).toContainEqual(expect.objectContaining({ field: 'type', rule: 'software:file-sharing' }));
  });

  it('keeps a Linux box with Samba alone a server; tells hypervisors, routers and access points by their daemons', async () => {
    expect((await identified(host(NET_SNMP, 'Linux box 5.10', ['sshd', 'smbd', 'cron']))).type).toBe('server');
    expect((await identified(host(NET_SNMP, 'Linux pve 6.2', ['systemd', 'qemu-system-x86_64', 'sshd']))).type).toBe('hypervisor');
    expect((await identified(host(NET_SNMP, 'Linux edge 5.15', ['zebra', 'bgpd', 'sshd']))).type).toBe('router');
    expect((await identified(host(NET_SNMP, 'Linux OpenWrt 5.4', ['dnsmasq', 'hostapd', 'dropbear']))).type).toBe('access-point');
  });

  it('reads Windows program names without their path and .exe', () => {
    expect(programName('C:\\\\Windows\\\\System32\\\\vmms.exe')).toBe('vmms');
    expect(programName('/usr/sbin/smbd')).toBe('smbd');
  });

  it('does not walk the process table of a vendor agent, whose box says what it is', async () => {
    const source = host('1.3.6.1.4.1.9.1.1208', 'Cisco IOS Software', ['bgpd']);
    await identifyDevice(source, {}, { quick: false });
    expect(source.walks.map((w) => w.root)).not.toContain(HR_SW_RUN_NAME);
  });
});
