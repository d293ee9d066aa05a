/**
 * The lab's API: bring the simulated office up, tear it down, ask how it is,
 * and run commands as the technician's laptop (inside fw-tech).
 *
 *   await labUp();                       // idempotent; reuses a healthy, identical lab
 *   await execInTech('ping', ['-c1', truth.router.ip]);
 *   await labDown();                     // nothing left: processes, namespaces, veths
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { hostNamespace, office } from './office.js';
import { buildNetwork, deleteNamespaces, existingNamespaces, labNamespaces, removeNamespaceConfig } from './network.js';
import { compileAgents, recordingFile, startMisbehavingAgent, startSnmpsim, startTcpListener, voidHost, writeRecordings } from './processes.js';
import { commandExists, mustRun, run, runInNamespace, sleep, spawnInNamespace, type RunOptions, type RunResult } from './run.js';
import { clearRunState, paths, readState, STATE_DIR, writeState, type LabProcess } from './state.js';

export { office } from './office.js';
export { truth, truthHost, netSnmpCliArgs } from './truth.js';
export type { TruthHost, TruthLink } from './truth.js';
export { STATE_DIR } from './state.js';

/**
 * The .snmprec file snmpsim serves for a host while the lab is up, e.g. to
 * check that analysing the walk file and scanning the live agent agree.
 */
export function labRecordingFile(hostName: string): string {
  const host = office.hosts.find((h) => h.name === hostName);
  if (host?.snmp?.kind !== 'snmpsim') throw new Error(`lab: ${hostName} is not served by snmpsim`);
  return recordingFile(host);
}

const REQUIRED_COMMANDS = ['ip', 'nft', 'snmpsimd', 'snmpget', 'ping', 'sysctl'];
const LAB_SOURCES = fileURLToPath(new URL('.', import.meta.url));

export interface LabUpOptions {
  /** Rebuild even when an identical healthy lab is already up. */
  fresh?: boolean;
  /** How long each agent may take to answer. */
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface LabUpResult {
  reused: boolean;
  upMs: number;
  hosts: number;
  processes: number;
}

/** Why this machine cannot run the lab, or null when it can. */
export async function labUnavailableReason(): Promise<string | null> {
  if (process.platform !== 'linux') return `the lab needs Linux network namespaces (this is ${process.platform})`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'the lab needs root (network namespaces, port 161)';
  const missing: string[] = [];
  for (const command of REQUIRED_COMMANDS) if (!(await commandExists(command))) missing.push(command);
  if (missing.length > 0) return `missing commands: ${missing.join(', ')} (apt-get install iproute2 nftables snmpsim snmp iputils-ping procps)`;
  return null;
}

/** Identifies the office and the lab's own code, so a changed lab is rebuilt rather than reused. */
function fingerprint(): string {
  // FOREWARN_LAB_FDB selects the topology fragments' aged-out variant (recordings differ).
  const hash = createHash('sha256').update(JSON.stringify(office)).update(`fdb=${process.env.FOREWARN_LAB_FDB ?? 'full'}`);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.ts')) hash.update(path).update(readFileSync(path));
    }
  };
  walk(LAB_SOURCES);
  return hash.digest('hex').slice(0, 16);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface LabStatus {
  up: boolean;
  stateDir: string;
  fingerprintMatches: boolean;
  presentNamespaces: string[];
  missingNamespaces: string[];
  processes: (LabProcess & { alive: boolean })[];
  upMs: number | null;
}

export async function labStatus(): Promise<LabStatus> {
  const state = readState();
  const wanted = labNamespaces(office);
  const present = new Set(await existingNamespaces());
  const processes = (state?.processes ?? []).map((p) => ({ ...p, alive: pidAlive(p.pid) }));
  const missingNamespaces = wanted.filter((ns) => !present.has(ns));
  return {
    up: state !== null && missingNamespaces.length === 0 && processes.length > 0 && processes.every((p) => p.alive),
    stateDir: STATE_DIR,
    fingerprintMatches: state?.fingerprint === fingerprint(),
    presentNamespaces: wanted.filter((ns) => present.has(ns)),
    missingNamespaces,
    processes,
    upMs: state?.upMs ?? null,
  };
}

export async function labUp(options: LabUpOptions = {}): Promise<LabUpResult> {
  const log = options.log ?? (() => undefined);
  const reason = await labUnavailableReason();
  if (reason) throw new Error(`lab: cannot run here: ${reason}`);
  const started = performance.now();
  const print = fingerprint();

  const status = await labStatus();
  if (!options.fresh && status.up && status.fingerprintMatches) {
    log(`lab already up (${status.processes.length} processes); reusing it`);
    return { reused: true, upMs: performance.now() - started, hosts: office.hosts.length, processes: status.processes.length };
  }
  // Anything half-built or from an older office goes first.
  await labDown();

  await Promise.all([compileAgents(), writeRecordings(office, print)]);
  log(`recordings and agents ready (${Math.round(performance.now() - started)} ms)`);
  await buildNetwork(office);
  log(`network built (${Math.round(performance.now() - started)} ms)`);

  const timeout = options.readyTimeoutMs ?? 60_000;
  const starts = [];
  for (const host of office.hosts) {
    if (host.snmp?.kind === 'snmpsim') starts.push(startSnmpsim(host, office, timeout));
    if (host.snmp?.kind === 'node') starts.push(startMisbehavingAgent(host, timeout));
    if (host.tcpPorts.length > 0 || host.hints) starts.push(startTcpListener(host, timeout));
  }
  const voidListener = voidHost(office);
  if (hostNamespace(voidListener) !== office.void.namespace) throw new Error('lab: void namespace naming drifted');
  starts.push(startTcpListener(voidListener, timeout));

  const processes = starts.map((s) => s.process);
  // Record pids before waiting, so a failed start is still cleaned up by labDown.
  writeState({ fingerprint: print, startedAt: new Date().toISOString(), namespaces: labNamespaces(office), processes, upMs: 0 });
  const readyAt = new Map<LabProcess, number>();
  const outcomes = await Promise.allSettled(starts.map((s) => s.ready.then(() => void readyAt.set(s.process, performance.now() - started))));
  const slowest = [...readyAt.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
  log(`slowest agents: ${slowest.map(([p, ms]) => `${p.host}/${p.role} ${Math.round(ms)} ms`).join(', ')}`);
  const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failures.length > 0) {
    await labDown();
    throw new Error(`lab: ${failures.length} agent(s) failed to start:\n${failures.map((f) => String(f.reason)).join('\n')}`);
  }
  const upMs = performance.now() - started;
  writeState({ fingerprint: print, startedAt: new Date().toISOString(), namespaces: labNamespaces(office), processes, upMs: Math.round(upMs) });
  log(`lab up: ${office.hosts.length} hosts, ${processes.length} processes in ${Math.round(upMs)} ms`);
  return { reused: false, upMs, hosts: office.hosts.length, processes: processes.length };
}

async function pidsIn(namespace: string): Promise<number[]> {
  const result = await run('ip', ['netns', 'pids', namespace]);
  if (result.code !== 0) return [];
  return result.stdout.split('\n').filter(Boolean).map(Number);
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

export interface LabDownResult {
  downMs: number;
  killed: number;
  namespacesDeleted: number;
}

/**
 * Stops every process inside the lab's namespaces (`ip netns pids`), plus any
 * recorded pid, then deletes the namespaces (their veths and the bridge go
 * with them). Only the lab's own namespaces are touched: those the office
 * declares and those a previous run recorded.
 */
export async function labDown(): Promise<LabDownResult> {
  const started = performance.now();
  const state = readState();
  const present = new Set(await existingNamespaces());
  const ours = [...new Set([...labNamespaces(office), ...(state?.namespaces ?? [])])].filter((ns) => ns.startsWith('fw-') && present.has(ns));

  const pids = new Set<number>((state?.processes ?? []).map((p) => p.pid).filter(pidAlive));
  for (const pidList of await Promise.all(ours.map(pidsIn))) for (const pid of pidList) pids.add(pid);
  for (const pid of pids) signal(pid, 'SIGTERM');
  const deadline = Date.now() + 3_000;
  while ([...pids].some(pidAlive) && Date.now() < deadline) await sleep(25);
  for (const pid of pids) if (pidAlive(pid)) signal(pid, 'SIGKILL');
  while ([...pids].some(pidAlive) && Date.now() < deadline + 2_000) await sleep(25);

  await deleteNamespaces(ours);
  removeNamespaceConfig([...new Set([...labNamespaces(office), ...(state?.namespaces ?? [])])]);
  clearRunState();
  return { downMs: performance.now() - started, killed: pids.size, namespacesDeleted: ours.length };
}

/** What a clean teardown must leave: no lab namespace, no lab process, no namespace config under /etc/netns. Lists what remains. */
export async function labLeftovers(): Promise<string[]> {
  const leftovers: string[] = [];
  const present = new Set(await existingNamespaces());
  for (const ns of labNamespaces(office)) if (present.has(ns)) leftovers.push(`namespace ${ns}`);
  for (const ns of labNamespaces(office)) if (existsSync(`/etc/netns/${ns}`)) leftovers.push(`config /etc/netns/${ns}`);
  const links = await mustRun('ip', ['-o', 'link', 'show']);
  for (const line of links.split('\n')) {
    const name = line.split(':')[1]?.trim().split('@')[0];
    if (name && (name === office.bridge || /^h\d+$/.test(name) || name === 'tech')) leftovers.push(`root link ${name}`);
  }
  const ps = await mustRun('ps', ['-eo', 'pid=,args=']);
  for (const line of ps.split('\n')) {
    if (line.includes(`--data-dir=${paths.recordings}`) || line.includes(paths.agents)) leftovers.push(`process ${line.trim()}`);
  }
  return leftovers;
}

/** Runs a command on the technician's laptop (inside fw-tech). */
export function execInTech(command: string, args: readonly string[] = [], options: RunOptions = {}): Promise<RunResult> {
  return runInNamespace(office.technician.namespace, command, args, options);
}

/**
 * Ages every resolved entry of the technician's neighbour table, as half a
 * minute without traffic would (REACHABLE → STALE): the table a rescan meets.
 */
export async function ageTechNeighbourTable(): Promise<void> {
  const lines = (await execInTech('ip', ['-4', 'neigh', 'show'])).stdout.split('\n');
  const batch = lines.flatMap((line) => {
    const [ip, , , , mac] = line.trim().split(/\s+/);
    return ip && mac && /^[\d.]+$/.test(ip) && line.includes('lladdr') ? [`neigh change ${ip} lladdr ${mac} dev eth0 nud stale`] : [];
  });
  await execInTech('ip', ['-force', '-batch', '-'], { input: `${batch.join('\n')}\n` });
}

/** An ordinary user's ids (nobody): what the desktop app runs as, without root's rights. */
export const ORDINARY_USER = '65534';

/** Runs a command inside fw-tech as an ordinary user (`setpriv`), with `home` as its HOME (it must be able to write there). */
export function execInTechAsUser(home: string, command: string, args: readonly string[] = [], options: RunOptions = {}): Promise<RunResult> {
  const ids = [`--reuid=${ORDINARY_USER}`, `--regid=${ORDINARY_USER}`, '--clear-groups'];
  return execInTech('setpriv', [...ids, '--', 'env', `HOME=${home}`, command, ...args], options);
}

/** Spawns a long-running command inside fw-tech (e.g. the scanner under test). */
export function spawnInTech(command: string, args: readonly string[] = [], options: SpawnOptions = {}): ChildProcess {
  return spawnInNamespace(office.technician.namespace, command, args, options);
}

/** Runs a command inside any lab namespace (tests poke hosts this way). */
export function execInNamespace(namespace: string, command: string, args: readonly string[] = [], options: RunOptions = {}): Promise<RunResult> {
  if (!namespace.startsWith('fw-')) throw new Error(`lab: ${namespace} is not a lab namespace`);
  return runInNamespace(namespace, command, args, options);
}

export { paths as labPaths };
