/**
 * npm run bench:topology [-- HOSTS]: a synthetic office of HOSTS end hosts (default 500) behind a
 * core switch and 24-port access switches, with unmanaged switches on some ports. Prints the
 * time to infer the graph from forwarding tables and LLDP, to lay out the map (dagre), and its size.
 */
import dagre from '@dagrejs/dagre';
import { inferTopology } from '../../shared/topology/infer';
import { layoutTopology } from '../../shared/topology/layout';
import { renderTree } from '../../shared/topology/tree';
import { build, type WiringSpec } from '../unit/topology/synthetic';

const hostCount = Number(process.argv[2] ?? 500);
const hex = (n: number, width = 4) => n.toString(16).padStart(width, '0');
const mac = (kind: number, n: number) => `02:${hex(kind, 2)}:00:${hex(n >> 16, 2)}:${hex((n >> 8) & 0xff, 2)}:${hex(n & 0xff, 2)}`;
const ip = (n: number) => `10.${(n >> 16) & 0xff}.${(n >> 8) & 0xff}.${n & 0xff}`;
const ports = (n: number) => Array.from({ length: n }, (_, i) => `ge${i + 1}`);

function office(hosts: number): WiringSpec {
  const perSwitch = 20; // ports 1–20 for hosts, 24 uplink
  const accessCount = Math.ceil(hosts / (perSwitch + 2));
  const spec: WiringSpec = { switches: [{ id: 'core', ip: ip(2), mac: mac(1, 0), ports: ports(48) }], hosts: [], links: [], router: 'gw' };
  spec.hosts.push({ id: 'gw', ip: ip(1), mac: mac(2, 1), type: 'router', at: { sw: 'core', port: 'ge48' } });
  for (let s = 0; s < accessCount; s += 1) {
    const id = `access${s + 1}`;
    spec.switches.push({ id, ip: ip(10 + s), mac: mac(1, s + 1), ports: ports(24) });
    spec.links.push({ a: { sw: 'core', port: `ge${s + 1}` }, b: { sw: id, port: 'ge24' }, lldp: s % 2 === 0 ? 'both' : 'none' });
  }
  for (let h = 0; h < hosts; h += 1) {
    const s = h % accessCount;
    const slot = Math.floor(h / accessCount);
    // Slots beyond 20 share port 20 (an unmanaged switch there).
    const port = `ge${Math.min(slot + 1, perSwitch)}`;
    spec.hosts.push({ id: `h${h}`, ip: ip(1000 + h), mac: mac(3, h), at: { sw: `access${s + 1}`, port } });
  }
  return spec;
}

const spec = office(hostCount);
const { devices, facts } = build(spec);
const fdbRows = Object.values(facts).reduce((n, f) => n + f.fdb.length, 0);

let t = performance.now();
const result = inferTopology(devices, facts, { gatewayIp: ip(1) });
const inferMs = performance.now() - t;

const doc = { devices: [...devices, ...result.placeholders], links: result.links };
t = performance.now();
const layout = layoutTopology(doc, { dagre, gatewayIp: ip(1) });
const layoutMs = performance.now() - t;

t = performance.now();
const tree = renderTree(doc, { gatewayIp: ip(1) });
const treeMs = performance.now() - t;

console.log(`devices ${doc.devices.length} (switches ${spec.switches.length}, placeholders ${result.placeholders.length}), FDB rows ${fdbRows}`);
console.log(`inferTopology: ${inferMs.toFixed(0)} ms → ${result.links.length} links, ${result.findings.length} findings`);
console.log(`layoutTopology (dagre): ${layoutMs.toFixed(0)} ms → ${layout.width.toFixed(0)} × ${layout.height.toFixed(0)} px, ${layout.blocks.length} host blocks, ${layout.unplaced.length} unplaced`);
console.log(`renderTree: ${treeMs.toFixed(0)} ms → ${tree.split('\n').length} lines`);
