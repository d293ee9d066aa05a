/**
 * Child of bench:assessment, run inside the lab's technician namespace: the
 * full assessment of the lab in this process, exactly as the engine runs it,
 * with every SNMP walk each agent received recorded. Prints one JSON line:
 * { wallMs, assessMs, readSpanMs: { ip: ms }, devices, walks: { ip: [{ root, startAfter, maxRows }, …] } }.
 * argv[2]: JSON { target, communities, v3 } (the values of `forewarn scan`'s flags).
 */
import { createNetworkProbes } from '../../electron/engine/network-probes';
import type { EngineProbes } from '../../electron/engine/probes';
import { runScan } from '../../electron/engine/scan/run-scan';
import { credentialsFromFlags } from '../../electron/cli/credentials-args';
import { DEFAULT_SCAN_LIMITS } from '../../shared/settings';

const { target, communities, v3 } = JSON.parse(process.argv[2]!) as { target: string; communities: string[]; v3: string[] };
export interface RecordedWalk {
  root: string;
  startAfter: string | null;
  maxRows: number | null;
  /** A batched first-row read (one GETNEXT a FIRST_ROWS_PER_PDU columns): its columns, `root` the first. */
  columns?: string[];
}

const walks: Record<string, RecordedWalk[]> = {};
/**
 * When each agent's first read (walk, GET or first rows) was sent and its last one answered: its
 * reading span. Enrichment starts the moment a device is found, so spans overlap discovery.
 */
const readSpan: Record<string, { first: number; last: number }> = {};
const noted = <T>(ip: string, read: () => Promise<T>): Promise<T> => {
  readSpan[ip] ??= { first: performance.now(), last: 0 };
  return read().finally(() => (readSpan[ip]!.last = performance.now()));
};

/** The real probes, with each agent's source recording the walks that reach it. */
function recordingProbes(): EngineProbes {
  const probes = createNetworkProbes();
  return {
    ...probes,
    async probeSnmp(ip, credentials, options) {
      const result = await probes.probeSnmp(ip, credentials, options);
      const outcome = result.outcome;
      if (!outcome) return result;
      const source = outcome.source;
      const seen = (walks[ip] ??= []);
      return {
        ...result,
        outcome: {
          ...outcome,
          source: {
            label: source.label,
            get: (oids, signal) => noted(ip, () => source.get(oids, signal)),
            walk: (root, walkOptions) => {
              seen.push({ root, startAfter: walkOptions?.startAfter ?? null, maxRows: walkOptions?.maxRows ?? null });
              return noted(ip, () => source.walk(root, walkOptions));
            },
            ...(source.firstRows
              ? {
                  firstRows: (columns: readonly string[], signal?: AbortSignal) => {
                    seen.push({ root: columns[0] ?? '', startAfter: null, maxRows: 1, columns: [...columns] });
                    return noted(ip, () => source.firstRows!(columns, signal));
                  },
                }
              : {}),
          },
        },
      };
    },
  };
}

let assessStarted = 0;
let assessEnded = 0;
const started = performance.now();
const document = await runScan(
  {
    scanId: 'bench-assessment',
    targets: [target],
    credentials: credentialsFromFlags(communities, v3),
    preset: 'full',
    confirmations: { allowLarge: false, allowPublic: false },
    limits: DEFAULT_SCAN_LIMITS,
    // The comparison is of reading tables; the 10 s counter interval is a wait, not work.
    interfaceSampleMs: 0,
  },
  {
    probes: recordingProbes(),
    emit: (event) => {
      if (event.type === 'phase' && event.phase === 'assess') assessStarted = performance.now();
      if (event.type === 'phase' && event.phase === 'done') assessEnded = performance.now();
    },
    signal: new AbortController().signal,
    generatorVersion: 'bench',
  },
);
const wallMs = performance.now() - started;
const readSpanMs = Object.fromEntries(Object.entries(readSpan).map(([ip, span]) => [ip, span.last - span.first]));
console.log(JSON.stringify({ wallMs, assessMs: assessEnded - assessStarted, readSpanMs, devices: document.devices.length, walks }));
process.exit(0);
