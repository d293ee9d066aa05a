/**
 * npm run bench:topology-corpus -- DIR: runs the topology collectors over the LibreNMS recordings in
 * DIR (read-only, GPL test data, never copied) and compares with LibreNMS's own readings: LLDP/CDP
 * neighbours (local port, remote name, remote port) and forwarding-table entry counts. Prints figures.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSnmprec } from '../../electron/engine/snmp/file-source';
import { collectTopologyFacts } from '../../electron/engine/topology/collect';
import type { Neighbour } from '../../shared/topology/facts';

interface Expected {
  neighbours?: Array<{ local_ifName: string | null; protocol: string; remote_hostname: string | null; remote_port: string | null }>;
  fdb_entries?: number;
  arp_entries?: number;
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run bench:topology-corpus -- <librenms corpus dir>');
  process.exit(2);
}

const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

function matches(expected: NonNullable<Expected['neighbours']>[number], n: Neighbour): { local: boolean; name: boolean; port: boolean } {
  const remoteName = norm(expected.remote_hostname);
  const names = [n.sysName, n.chassisId, ...n.mgmtIps].map(norm);
  const remotePort = norm(expected.remote_port);
  // MACs appear as aa:bb:… here and as aabb… in LibreNMS's text.
  const ports = [n.portId, n.portDesc, n.portMac?.replaceAll(':', '')].map(norm).filter(Boolean);
  return {
    local: norm(expected.local_ifName) === norm(n.localPort),
    name: remoteName !== '' && names.some((x) => x === remoteName || x.split('.')[0] === remoteName.split('.')[0]),
    // LibreNMS writes "portDesc (portId)" or just one of them.
    port: ports.some((p) => remotePort === p || remotePort.includes(p)),
  };
}

const files = (await readdir(dir)).filter((f) => f.endsWith('.expected.json')).sort();
let want = 0;
let full = 0;
let localOk = 0;
let nameOk = 0;
let portOk = 0;
let fdbWant = 0;
let fdbGot = 0;
const misses: string[] = [];
const started = performance.now();
for (const file of files) {
  const expected = JSON.parse(await readFile(join(dir, file), 'utf8')) as Expected;
  const neighbours = expected.neighbours ?? [];
  if (neighbours.length === 0 && !expected.fdb_entries) continue;
  const recording = file.replace('.expected.json', '.snmprec');
  const facts = await collectTopologyFacts(loadSnmprec(await readFile(join(dir, recording)), recording));
  for (const e of neighbours) {
    want += 1;
    const candidates = facts.neighbours.filter((n) => n.via === e.protocol).map((n) => matches(e, n));
    const best = candidates.sort((x, y) => Number(y.local) + Number(y.name) + Number(y.port) - (Number(x.local) + Number(x.name) + Number(x.port)))[0];
    if (best?.local) localOk += 1;
    if (best?.name) nameOk += 1;
    if (best?.port) portOk += 1;
    if (best?.local && best.name && best.port) full += 1;
    else misses.push(`${recording}: ${e.protocol} ${e.local_ifName} → ${e.remote_hostname} ${e.remote_port}`);
  }
  if (expected.fdb_entries) {
    fdbWant += expected.fdb_entries;
    fdbGot += facts.fdb.filter((f) => f.status === 'learned').length;
  }
}
const pct = (n: number) => (want === 0 ? '–' : `${((n / want) * 100).toFixed(1)}%`);
console.log(`neighbours expected ${want}: fully matched ${full} (${pct(full)}); local port ${pct(localOk)}, remote name ${pct(nameOk)}, remote port ${pct(portOk)}`);
// The one corpus FDB (TiMOS) is in TIMETRA-SERV-MIB, which Forewarn does not read (BRIDGE/Q-BRIDGE only).
console.log(`forwarding entries: LibreNMS ${fdbWant}, Forewarn learned ${fdbGot} (BRIDGE-MIB/Q-BRIDGE-MIB only)`);
console.log(`elapsed ${(performance.now() - started).toFixed(0)} ms`);
if (misses.length > 0) console.log(`not fully matched:\n  ${misses.slice(0, 40).join('\n  ')}`);
