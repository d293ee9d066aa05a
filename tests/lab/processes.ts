/**
 * Starts the lab's daemons inside their namespaces: one snmpsimd per SNMP
 * host, one TCP listener per host with open ports, and the Node agents that
 * misbehave on purpose. Each is detached (it outlives `npm run lab:up`) and
 * recorded by pid so labDown can stop it.
 */
import { openSync, closeSync, mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync, chmodSync, chownSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostNamespace } from './office.js';
import type { LabHost, Office } from './office-types.js';
import { buildRecording } from './recordings/build.js';
import { runInNamespace, sleep, spawnInNamespace } from './run.js';
import { paths, STATE_DIR, type LabProcess } from './state.js';
import { netSnmpCliArgs } from './truth.js';

const AGENTS_SOURCE = fileURLToPath(new URL('./agents/', import.meta.url));
/** snmpsimd refuses to run as root: it drops to this user after binding :161. */
const SNMPSIM_USER = 'nobody';
const SNMPSIM_GROUP = 'nogroup';
const SYS_NAME_OID = '1.3.6.1.2.1.1.5.0';

/** Compiles tests/lab/agents/*.ts to plain JS once, so each agent starts in ~50 ms (no tsx per process). */
export async function compileAgents(): Promise<void> {
  const sources = readdirSync(AGENTS_SOURCE).filter((f) => f.endsWith('.ts'));
  const compiled = (file: string): string => join(paths.agents, file.replace(/\.ts$/, '.js'));
  const upToDate = sources.every((f) => existsSync(compiled(f)) && statSync(compiled(f)).mtimeMs >= statSync(join(AGENTS_SOURCE, f)).mtimeMs);
  if (upToDate) return;
  const ts = (await import('typescript')).default;
  mkdirSync(paths.agents, { recursive: true });
  writeFileSync(join(paths.agents, 'package.json'), '{ "type": "module" }\n');
  for (const file of sources) {
    const source = readFileSync(join(AGENTS_SOURCE, file), 'utf8');
    const output = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
      fileName: file,
    }).outputText;
    writeFileSync(compiled(file), output);
  }
}

/** The data file name snmpsim maps to the host's credentials. */
function dataFileName(host: LabHost): string {
  const credentials = host.snmp?.credentials;
  if (!credentials) throw new Error(`lab: ${host.name} has no SNMP`);
  // v2c: community = file name. v3 (empty context): snmpsim falls back to the
  // transport-domain name, 1.3.6.1.6.1.1.0 for UDP/IPv4.
  return credentials.version === '2c' ? `${credentials.community}.snmprec` : '1.3.6.1.6.1.1.0.snmprec';
}

/** Where the lab writes the recording snmpsim serves for a host (a walk file for offline analysis). */
export function recordingFile(host: LabHost): string {
  return join(paths.recordings, host.name, dataFileName(host));
}

/** Writes each snmpsim host's recording, only where its content changed (keeps snmpsim's index valid). */
export async function writeRecordings(office: Office, fingerprint: string): Promise<void> {
  mkdirSync(paths.recordings, { recursive: true, mode: 0o755 });
  // snmpsimd reads as `nobody`: open the way explicitly, whatever the umask.
  chmodSync(STATE_DIR, 0o755);
  chmodSync(paths.recordings, 0o755);
  // Same office, same lab code: the recordings on disk are already these.
  const stamp = join(paths.recordings, '.fingerprint');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint) return;
  rmSync(stamp, { force: true });
  for (const host of office.hosts) {
    if (host.snmp?.kind !== 'snmpsim') continue;
    const dir = join(paths.recordings, host.name);
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    const fileName = dataFileName(host);
    for (const stale of readdirSync(dir).filter((f) => f !== fileName)) rmSync(join(dir, stale), { recursive: true, force: true });
    const text = await buildRecording(host, office);
    const file = recordingFile(host);
    if (!existsSync(file) || readFileSync(file, 'latin1') !== text) writeFileSync(file, text, { encoding: 'latin1', mode: 0o644 });
    chmodSync(dir, 0o755);
    chmodSync(file, 0o644);
    const cache = join(paths.snmpsimCache, host.name);
    mkdirSync(cache, { recursive: true });
    chmodSync(cache, 0o700);
    chownSync(cache, uidOf(SNMPSIM_USER), gidOf(SNMPSIM_GROUP));
  }
  chmodSync(paths.snmpsimCache, 0o755);
  writeFileSync(stamp, fingerprint);
}

function idFrom(file: string, name: string): number {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  const id = line?.split(':')[2];
  if (id === undefined) throw new Error(`lab: no ${name} in ${file}`);
  return Number(id);
}
const uidOf = (user: string): number => idFrom('/etc/passwd', user);
const gidOf = (group: string): number => idFrom('/etc/group', group);

interface Started {
  process: LabProcess;
  /** Resolves when the daemon answers; rejects with its log if it dies first. */
  ready: Promise<void>;
}

function logFile(host: LabHost, role: string): string {
  return join(paths.logs, `${host.name}-${role}.log`);
}

function startDetached(host: LabHost, role: LabProcess['role'], command: string, args: string[]): { process: LabProcess; exited: Promise<number | null> } {
  mkdirSync(paths.logs, { recursive: true });
  const log = openSync(logFile(host, role), 'w');
  const namespace = hostNamespace(host);
  const child = spawnInNamespace(namespace, command, args, { detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.on('error', () => resolve(-1));
  });
  child.unref();
  if (child.pid === undefined) throw new Error(`lab: could not start ${command} in ${namespace}`);
  return { process: { host: host.name, namespace, role, pid: child.pid }, exited };
}

function readyFile(host: LabHost, role: string): string {
  return join(paths.ready, `${host.name}-${role}`);
}

interface Polling {
  /** Before the first check: the daemon cannot be ready sooner. */
  firstCheckMs: number;
  intervalMs: number;
}
/** Node agents start in ~50 ms and checking their file is free. */
const FILE_POLLING: Polling = { firstCheckMs: 30, intervalMs: 30 };
/** snmpsimd (Python) needs ~0.3 s of CPU; each probe spawns processes, so probe gently. */
const SNMP_POLLING: Polling = { firstCheckMs: 400, intervalMs: 150 };

async function waitFor(what: string, check: () => Promise<boolean>, exited: Promise<number | null>, log: string, timeoutMs: number, polling: Polling): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  await sleep(polling.firstCheckMs);
  while (Date.now() < deadline) {
    if (await check()) return;
    if (exitCode !== undefined) break;
    await sleep(polling.intervalMs);
  }
  const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
  throw new Error(`lab: ${what} ${exitCode !== undefined ? `exited (${exitCode})` : `not ready after ${timeoutMs} ms`}\n${tail}`);
}

export function startSnmpsim(host: LabHost, office: Office, timeoutMs: number): Started {
  const agent = host.snmp;
  if (agent?.kind !== 'snmpsim') throw new Error(`lab: ${host.name} is not an snmpsim host`);
  const credentials = agent.credentials;
  const args = [
    `--data-dir=${join(paths.recordings, host.name)}`,
    `--cache-dir=${join(paths.snmpsimCache, host.name)}`,
    `--agent-udpv4-endpoint=${host.ip}:161`,
    `--process-user=${SNMPSIM_USER}`,
    `--process-group=${SNMPSIM_GROUP}`,
    // Per-request logging would slow the 100,000-row walks; errors still reach stderr.
    '--logging-method=null',
    ...(credentials.version === '2c'
      ? ['--v2c-arch']
      : [
          '--v3-only',
          `--v3-user=${credentials.user}`,
          `--v3-auth-key=${credentials.authKey}`,
          `--v3-auth-proto=${credentials.authProtocol}`,
          `--v3-priv-key=${credentials.privKey}`,
          `--v3-priv-proto=${credentials.privProtocol}`,
        ]),
  ];
  const { process, exited } = startDetached(host, 'snmpsim', 'snmpsimd', args);
  const probe = async (): Promise<boolean> => {
    const result = await runInNamespace(office.technician.namespace, 'snmpget', [...netSnmpCliArgs(credentials), '-t', '0.3', '-r', '0', '-Oqv', host.ip, SYS_NAME_OID]);
    return result.code === 0;
  };
  return { process, ready: waitFor(`snmpsimd for ${host.name}`, probe, exited, logFile(host, 'snmpsim'), timeoutMs, SNMP_POLLING) };
}

function startNode(host: LabHost, role: 'tcp' | 'agent', script: string, args: string[], timeoutMs: number): Started {
  mkdirSync(paths.ready, { recursive: true });
  const ready = readyFile(host, role);
  rmSync(ready, { force: true });
  const { process, exited } = startDetached(host, role, globalThis.process.execPath, [join(paths.agents, script), ...args, '--ready', ready]);
  return { process, ready: waitFor(`${script} for ${host.name}`, async () => existsSync(ready), exited, logFile(host, role), timeoutMs, FILE_POLLING) };
}

export function startTcpListener(host: LabHost, timeoutMs: number): Started {
  const hints = host.hints ? ['--hints', Buffer.from(JSON.stringify(host.hints)).toString('base64')] : [];
  const tls = host.hints?.tls ? selfSignedCertificate(host, host.hints.tls) : [];
  return startNode(host, 'tcp', 'tcp-listener.js', ['--ip', host.ip, '--ports', host.tcpPorts.join(','), ...hints, ...tls], timeoutMs);
}

/** A self-signed certificate with the host's subject (openssl), as a device's web interface has; its listener's arguments. */
function selfSignedCertificate(host: LabHost, subject: { commonName: string; organization: string }): string[] {
  const dir = join(paths.agents, 'tls');
  mkdirSync(dir, { recursive: true });
  const key = join(dir, `${host.name}.key`);
  const cert = join(dir, `${host.name}.pem`);
  if (!existsSync(cert)) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '3650', '-subj', `/CN=${subject.commonName}/O=${subject.organization}`, '-keyout', key, '-out', cert], { stdio: 'ignore' });
  }
  return ['--tls-key', key, '--tls-cert', cert];
}

export function startMisbehavingAgent(host: LabHost, timeoutMs: number): Started {
  const agent = host.snmp;
  if (agent?.kind !== 'node') throw new Error(`lab: ${host.name} has no Node agent`);
  const args = ['--ip', host.ip, '--name', host.expected.sysName ?? host.name, '--mac', host.mac];
  if (host.facts.sysDescr !== undefined) args.push('--descr', String(host.facts.sysDescr));
  if (host.facts.sysObjectID !== undefined) args.push('--object-id', String(host.facts.sysObjectID));
  return startNode(host, 'agent', `${agent.agent}.js`, args, timeoutMs);
}

/** A TCP listener for the void's live addresses (it answers on port 22). */
export function voidHost(office: Office): LabHost {
  return {
    name: 'void',
    index: 0,
    ip: '0.0.0.0',
    mac: '00:00:00:00:00:00',
    answersPing: true,
    snmp: null,
    tcpPorts: [22],
    attachment: null,
    interfaces: [],
    expected: { type: 'unknown', vendor: '', ouiOrganization: '', model: null, firmware: null, serial: null, os: null, sysName: null },
    facts: { namespace: office.void.namespace },
  };
}
