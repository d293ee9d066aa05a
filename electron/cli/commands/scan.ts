/**
 * `forewarn scan TARGET...`: the same engine as the app, with no window.
 * Progress on stderr, the device table on stdout, the scan document with
 * --json. Ctrl-C cancels and still writes the partial document.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { secretsOf } from '../../../shared/credentials';
import { DEFAULT_SCAN_LIMITS, packetRateWarning, SCAN_LIMIT_BOUNDS } from '../../../shared/settings';
import type { ScanEvent } from '../../../shared/scan-events';
import type { EngineScanRequest } from '../../../shared/scan-request';
import type { ScanDocument } from '../../../shared/scan-document';
import { DEFAULT_TCP_PORTS, formatTcpPortList, parseTcpPortList } from '../../../shared/tcp-ports';
import { createNetworkProbes } from '../../engine/network-probes';
import { runScan, ScanRejectedError } from '../../engine/scan/run-scan';
import { ENGINE_VERSION } from '../../engine/version';
import { boundedInteger, credentialsFromFlags } from '../credentials-args';
import { renderDeviceTable } from '../device-table';
import { exitForFindings, FAIL_ON_HELP, parseFailOn } from '../fail-on';
import { jsonToStdout, withJsonDefault, writeJson } from '../json-flag';
import type { Severity } from '../../../shared/health/schema';
import { renderTree } from '../../../shared/topology/tree';
import { EXIT, processOutput, UsageError, type CliOutput } from '../output';
import { createProgressBar } from '../progress-bar';
import { toJsonLine } from '../write-file';

export const SCAN_USAGE = `Usage: forewarn scan [TARGET...] [options]

Targets: CIDR blocks (10.0.0.0/24), ranges (10.0.0.10-10.0.0.50 or 10.0.0.10-50),
addresses and hostnames. With none, the local IPv4 subnets are detected.

Options:
  --quick                 discovery + identification from the system group only
  --community C           SNMP v1/v2c community to try (repeatable; default: public)
  --v3 USER:AUTHPROTO:AUTHKEY:PRIVPROTO:PRIVKEY
                          SNMPv3 user (repeatable); auth md5|sha|sha224|sha256|sha384|sha512,
                          privacy des|aes|aes256b|aes256r
  --json [FILE|-]         write the scan document (JSON, schema in shared/scan-document.ts); "-" or no
                          FILE prints it on stdout instead of the table
  --events FILE           stream every scan event as NDJSON while scanning ("-" for stdout),
                          each with elapsedMs since the process started
  --concurrency N         addresses probed at once (default ${DEFAULT_SCAN_LIMITS.concurrency})
  --timeout MS            per-probe timeout (default ${DEFAULT_SCAN_LIMITS.timeoutMs})
  --pps N                 global packets-per-second cap (default ${DEFAULT_SCAN_LIMITS.packetsPerSecond})
  --no-tcp                skip the TCP connect probe
  --ports LIST            TCP ports to probe, e.g. 22,80,443,8000-8010 (default ${formatTcpPortList(DEFAULT_TCP_PORTS)})
  --sample-interval MS    full assessment: time between the two interface-counter samples
                          that turn error counters into rates (default 10000; 0 = one sample)
  --allow-large           confirm scanning more than a /16
  --allow-public          confirm scanning public addresses
  --tree                  print the inferred topology as an indented tree after the table
${FAIL_ON_HELP}
  --client NAME, --site NAME
                          label the assessment
`;

function portsFlag(text: string): number[] {
  const list = parseTcpPortList(text);
  if ('error' in list) throw new UsageError(`--ports: ${list.error}`);
  return list.ports;
}

export async function scanCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: withJsonDefault(argv),
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      community: { type: 'string', multiple: true, default: [] },
      v3: { type: 'string', multiple: true, default: [] },
      json: { type: 'string' },
      events: { type: 'string' },
      concurrency: { type: 'string' },
      timeout: { type: 'string' },
      pps: { type: 'string' },
      'no-tcp': { type: 'boolean', default: false },
      ports: { type: 'string' },
      'sample-interval': { type: 'string' },
      tree: { type: 'boolean', default: false },
      'allow-large': { type: 'boolean', default: false },
      'allow-public': { type: 'boolean', default: false },
      client: { type: 'string' },
      site: { type: 'string' },
      'fail-on': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    processOutput().out(SCAN_USAGE);
    return EXIT.ok;
  }

  const failOn = parseFailOn(values['fail-on']);
  if (values.events === '-' && jsonToStdout(values.json)) throw new UsageError('--events - and --json - both want stdout: give one of them a file.');
  const credentials = credentialsFromFlags(values.community, values.v3);
  const output = processOutput(secretsOf(credentials));
  const request: EngineScanRequest = {
    scanId: randomUUID(),
    targets: positionals,
    credentials,
    preset: values.quick ? 'quick' : 'full',
    confirmations: { allowLarge: values['allow-large'], allowPublic: values['allow-public'] },
    limits: {
      concurrency: boundedInteger('--concurrency', values.concurrency, DEFAULT_SCAN_LIMITS.concurrency, SCAN_LIMIT_BOUNDS.concurrency),
      timeoutMs: boundedInteger('--timeout', values.timeout, DEFAULT_SCAN_LIMITS.timeoutMs, SCAN_LIMIT_BOUNDS.timeoutMs),
      packetsPerSecond: boundedInteger('--pps', values.pps, DEFAULT_SCAN_LIMITS.packetsPerSecond, SCAN_LIMIT_BOUNDS.packetsPerSecond),
      tcpProbe: !values['no-tcp'],
      ...(values.ports !== undefined ? { tcpPorts: portsFlag(values.ports) } : {}),
    },
    ...(values['sample-interval'] !== undefined
      ? { interfaceSampleMs: boundedInteger('--sample-interval', values['sample-interval'], 0, SCAN_LIMIT_BOUNDS.interfaceSampleMs) }
      : {}),
    ...(values.client ? { client: values.client } : {}),
    ...(values.site ? { site: values.site } : {}),
  };
  const rateWarning = packetRateWarning(request.limits.packetsPerSecond);
  if (rateWarning) output.err(`Warning: ${rateWarning}\n`);
  return runAndReport(request, { json: values.json, events: values.events, tree: values.tree, failOn }, output);
}

interface OutputFiles {
  json: string | undefined;
  events: string | undefined;
  tree: boolean;
  failOn: Severity | null;
}

async function runAndReport(request: EngineScanRequest, files: OutputFiles, output: CliOutput): Promise<number> {
  const controller = new AbortController();
  const onInterrupt = () => {
    output.err('\nCancelling… (the partial result will be kept)\n');
    controller.abort();
  };
  process.once('SIGINT', onInterrupt);
  const progress = createProgressBar(output);
  const eventLog = files.events ? openEventLog(files.events) : null;
  let document: ScanDocument;
  try {
    document = await runScan(request, {
      probes: createNetworkProbes(),
      signal: controller.signal,
      generatorVersion: ENGINE_VERSION,
      emit: (event) => {
        progress.onEvent(event);
        eventLog?.write(event);
      },
    });
  } catch (error) {
    progress.close();
    if (error instanceof ScanRejectedError) throw new UsageError(error.message);
    throw error;
  } finally {
    process.off('SIGINT', onInterrupt);
    await eventLog?.close();
  }
  progress.close();

  // With --events - or --json - stdout is the machine's: the table would corrupt it.
  const stdoutIsData = files.events === '-' || jsonToStdout(files.json);
  if (!stdoutIsData) output.out(renderDeviceTable(document.devices));
  if (files.tree && !stdoutIsData) output.out(`\n${renderTree(document, { gatewayIp: document.scan.gateway ?? null })}`);
  const seconds = (Date.parse(document.scan.finishedAt!) - Date.parse(document.scan.startedAt)) / 1000;
  output.err(`${document.devices.length} devices, scan ${document.scan.status} in ${seconds.toFixed(1)} s\n`);
  if (files.json) await writeJson(files.json, document, output);
  if (document.scan.status === 'cancelled') return EXIT.cancelled;
  if (document.scan.status !== 'completed') return EXIT.failure;
  return exitForFindings(document.devices, files.failOn, output);
}


/** NDJSON event stream for scripts and benchmarks; events carry no secrets. */
function openEventLog(path: string): { write(event: ScanEvent): void; close(): Promise<void> } {
  const stream = path === '-' ? process.stdout : createWriteStream(path);
  return {
    write: (event) => stream.write(toJsonLine({ elapsedMs: Math.round(performance.now()), ...event })),
    close: async () => {
      if (stream === process.stdout) return;
      stream.end();
      await once(stream, 'finish');
    },
  };
}
