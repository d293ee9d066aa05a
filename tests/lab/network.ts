/**
 * Builds the office's wiring in network namespaces. The LAN is a bridge in its
 * own namespace (fw-lan); every host, the technician and the void are
 * namespaces joined to it (or to the router) by veth pairs created directly in
 * their target namespaces: the root namespace never gets a lab interface, so
 * nothing in the lab has a path to the real network.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostNamespace } from './office.js';
import type { LabHost, Office } from './office-types.js';
import { ipBatch, mustRun, run, runInNamespace } from './run.js';

/** The lab side of a host's veth inside fw-lan (≤ 15 chars). */
const lanPortOf = (h: LabHost): string => `h${h.index}`;
const TECH_LAN_PORT = 'tech';
const VOID_LINK = 'eth1';

/** The router's interface towards the void network (its MAC comes from the truth). */
function routerVoidMac(router: LabHost): string {
  const ifIndex = Number(router.facts.voidLinkIfIndex ?? 2);
  const itf = router.interfaces.find((i) => i.ifIndex === ifIndex);
  if (!itf?.mac) throw new Error('lab: the router has no void-link interface with a MAC');
  return itf.mac;
}

export function labNamespaces(office: Office): string[] {
  return [office.lanNamespace, office.technician.namespace, office.void.namespace, ...office.hosts.map(hostNamespace)];
}

export async function existingNamespaces(): Promise<string[]> {
  const out = await mustRun('ip', ['netns', 'list']);
  return out
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter(Boolean);
}

const ICMP_DROP_RULES = `table inet forewarn_lab {
  chain input { type filter hook input priority 0; policy accept; icmp type echo-request drop; }
  chain output { type filter hook output priority 0; policy accept; icmp type destination-unreachable drop; }
}
`;

function voidRules(office: Office): string {
  const accepted = [...office.void.liveAddresses, office.void.voidSide].join(', ');
  return `table inet forewarn_lab {
  chain prerouting { type filter hook prerouting priority -300; policy drop; ip daddr { ${accepted} } accept; }
}
`;
}

function hostLines(office: Office, cidr: string, gateway: string | null, extra: string[] = []): string[] {
  return [
    'link set lo up',
    'link set eth0 addrgenmode none',
    'link set eth0 up',
    `addr add ${cidr} dev eth0`,
    ...extra,
    ...(gateway ? [`route add default via ${gateway}`] : []),
  ];
}

/**
 * Per-namespace files `ip netns exec` mounts over /etc (ip-netns(8)): the technician's resolv.conf
 * names the router as its DNS server, as DHCP does in an office, so reverse lookups stay in the lab.
 */
const NETNS_ETC = '/etc/netns';

function writeTechnicianResolver(office: Office, router: LabHost): void {
  const dir = `${NETNS_ETC}/${office.technician.namespace}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/resolv.conf`, `# Forewarn lab: the office router is the DNS server\nnameserver ${router.ip}\n`);
}

/** Removes the namespaces' /etc/netns folders (lab namespaces only). */
export function removeNamespaceConfig(namespaces: readonly string[]): void {
  for (const ns of namespaces) if (ns.startsWith('fw-')) rmSync(`${NETNS_ETC}/${ns}`, { recursive: true, force: true });
}

export async function buildNetwork(office: Office): Promise<void> {
  const router = office.hosts.find((h) => h.name === office.router);
  if (!router) throw new Error(`lab: router ${office.router} is not among the hosts`);
  writeTechnicianResolver(office, router);
  const lan = office.lanNamespace;
  const tech = office.technician;
  const prefix = office.lanPrefixLength;

  // 1. Namespaces and veth pairs, all from one ip process.
  const rootLines = labNamespaces(office).map((ns) => `netns add ${ns}`);
  rootLines.push(`link add eth0 netns ${tech.namespace} address ${tech.mac} type veth peer name ${TECH_LAN_PORT} netns ${lan}`);
  for (const h of office.hosts) {
    rootLines.push(`link add eth0 netns ${hostNamespace(h)} address ${h.mac} type veth peer name ${lanPortOf(h)} netns ${lan}`);
  }
  rootLines.push(
    `link add ${VOID_LINK} netns ${hostNamespace(router)} address ${routerVoidMac(router)} type veth peer name eth0 netns ${office.void.namespace}`,
  );
  await ipBatch(rootLines);

  // 2. Each namespace's addresses and routes, in parallel.
  const lanPorts = [TECH_LAN_PORT, ...office.hosts.map(lanPortOf)];
  const jobs: Promise<unknown>[] = [
    ipBatch(
      [
        'link set lo up',
        `link add ${office.bridge} type bridge stp_state 0`,
        `link set ${office.bridge} addrgenmode none`,
        `link set ${office.bridge} up`,
        ...lanPorts.flatMap((port) => [`link set ${port} addrgenmode none`, `link set ${port} master ${office.bridge}`, `link set ${port} up`]),
      ],
      lan,
    ),
    ipBatch(hostLines(office, `${tech.ip}/${tech.prefixLength}`, tech.gateway), tech.namespace),
    ipBatch(
      [
        'link set lo up',
        ...office.void.liveAddresses.map((ip) => `addr add ${ip}/32 dev lo`),
        'link set eth0 addrgenmode none',
        'link set eth0 up',
        `addr add ${office.void.voidSide}/${office.void.linkPrefixLength} dev eth0`,
        `route add default via ${office.void.routerSide}`,
      ],
      office.void.namespace,
    ),
  ];
  for (const h of office.hosts) {
    const isRouter = h === router;
    const extra = isRouter
      ? [
          `link set ${VOID_LINK} addrgenmode none`,
          `link set ${VOID_LINK} up`,
          `addr add ${office.void.routerSide}/${office.void.linkPrefixLength} dev ${VOID_LINK}`,
          `route add ${office.void.cidr} via ${office.void.voidSide}`,
        ]
      : [];
    jobs.push(ipBatch(hostLines(office, `${h.ip}/${prefix}`, isRouter ? null : tech.gateway, extra), hostNamespace(h)));
  }
  await Promise.all(jobs);

  // 3. Forwarding on the router; firewalls on the void and the ICMP-dropping hosts.
  const settings: Promise<unknown>[] = [
    runInNamespace(hostNamespace(router), 'sysctl', ['-q', '-w', 'net.ipv4.ip_forward=1']).then(expectOk('router ip_forward')),
    runInNamespace(office.void.namespace, 'nft', ['-f', '-'], { input: voidRules(office) }).then(expectOk('void firewall')),
  ];
  for (const h of office.hosts.filter((x) => !x.answersPing)) {
    settings.push(runInNamespace(hostNamespace(h), 'nft', ['-f', '-'], { input: ICMP_DROP_RULES }).then(expectOk(`${h.name} firewall`)));
  }
  await Promise.all(settings);
}

function expectOk(what: string) {
  return (result: { code: number | null; stderr: string }): void => {
    if (result.code !== 0) throw new Error(`lab: ${what} failed: ${result.stderr.trim()}`);
  };
}

/** Deletes the given namespaces (their veths and the bridge go with them). */
export async function deleteNamespaces(namespaces: readonly string[]): Promise<void> {
  if (namespaces.length === 0) return;
  await ipBatch(
    namespaces.map((ns) => `netns del ${ns}`),
    undefined,
    true,
  ).catch(async () => {
    // -force still reports failure when a line failed; retry one by one to surface the culprit.
    for (const ns of namespaces) await run('ip', ['netns', 'del', ns]);
  });
}
