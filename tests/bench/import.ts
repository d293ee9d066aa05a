/**
 * What importing a file costs, honest and hostile, each in a fresh process so
 * peak memory is the import's own:
 *   npm run bench:import
 * Prints, per case: file size, outcome (devices, or the refusal), decode time, peak RSS
 * of the decoding process (Linux VmHWM).
 * The honest file is the lab's own scan (resources/samples/lab) with its devices
 * cloned until the JSON is about 20 MB.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectDecoder } from '../../electron/host/library/decode-off-thread';

const here = new URL('.', import.meta.url).pathname;
const root = join(here, '..', '..');

function cloneToSize(targetBytes: number): Buffer {
  const visit = JSON.parse(readFileSync(join(root, 'resources/samples/lab/lakeside-visit-1.json'), 'utf8'));
  const document = visit.document ?? visit;
  const devices: unknown[] = [];
  const perDevice = JSON.stringify(document.devices).length / document.devices.length;
  const count = Math.ceil(targetBytes / perDevice);
  for (let i = 0; i < count; i++) {
    const d = document.devices[i % document.devices.length];
    const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    devices.push({ ...d, id: ip, ip });
  }
  return gzipSync(JSON.stringify({ ...document, devices, links: [] }));
}

const cases: Array<[string, () => Buffer]> = [
  ['lab scan cloned to ~20 MB of JSON', () => cloneToSize(20 * 1024 * 1024)],
  ['gzip bomb (1 GB of spaces)', () => gzipSync(Buffer.alloc(1024 * 1024 * 1024, 0x20), { level: 9 })],
  ['{} bomb (60 MB of "{},")', () => gzipSync(`{"schemaVersion":1,"devices":[${'{},'.repeat(20_000_000)}{}]}`, { level: 9 })],
  ['deep nesting (1M levels)', () => gzipSync(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`, { level: 9 })],
  ['one 50 MB string', () => gzipSync(`{"schemaVersion":1,"devices":[{"id":"${'a'.repeat(50_000_000)}"}]}`, { level: 9 })],
  ['45,000 devices, 28 wrong fields each', () => {
    const bad = `{${Array.from({ length: 28 }, (_, i) => `"f${i}":[]`).join(',')},"id":[],"ip":[],"type":"nope"}`;
    return gzipSync(`{"schemaVersion":1,"generator":{"name":"forewarn","version":"1"},"scan":{"id":"x","startedAt":"2026-01-01T00:00:00Z","finishedAt":null,"targets":[],"status":"completed","preset":"quick"},"devices":[${Array(45_000).fill(bad).join(',')}]}`, { level: 9 });
  }],
];

const child = `
import { readFileSync } from 'node:fs';
import { decodeAssessmentBytes } from ${JSON.stringify(join(root, 'electron/host/library/assessment-codec.ts'))};
const bytes = readFileSync(process.argv[2]);
const started = performance.now();
let outcome;
try { outcome = decodeAssessmentBytes(bytes).document.devices.length + ' devices'; }
catch (e) { outcome = 'refused: ' + e.message; }
const ms = performance.now() - started;
// VmHWM, not getrusage: ru_maxrss keeps the forking parent's peak across exec.
const hwm = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
console.log(JSON.stringify({ outcome, ms, peakMb: hwm / 1024 }));
`;

const dir = mkdtempSync(join(tmpdir(), 'forewarn-bench-import-'));
try {
  const script = join(dir, 'decode.mts');
  writeFileSync(script, child);
  console.log('case'.padEnd(38), 'file'.padStart(10), 'time'.padStart(9), 'peak RSS'.padStart(10), ' outcome');
  for (const [name, make] of cases) {
    const file = join(dir, 'case.forewarn');
    const bytes = make();
    writeFileSync(file, bytes);
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, file], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as { outcome: string; ms: number; peakMb: number };
    const size = bytes.length > 1024 * 1024 ? `${(bytes.length / 1024 / 1024).toFixed(1)} MB` : `${(bytes.length / 1024).toFixed(0)} KB`;
    console.log(name.padEnd(38), size.padStart(10), `${(r.ms / 1000).toFixed(2)} s`.padStart(9), `${r.peakMb.toFixed(0)} MB`.padStart(10), ` ${r.outcome.slice(0, 110)}`);
  }
  await offThreadStall();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The app decodes in a worker thread: how long the thread that serves the window is blocked meanwhile. */
async function offThreadStall(): Promise<void> {
  const bytes = cloneToSize(20 * 1024 * 1024);
  const decode = projectDecoder(root);
  let last = performance.now();
  let worst = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  const decoded = await decode(bytes);
  const ms = performance.now() - started;
  clearInterval(ticker);
  console.log(`\nin a worker thread (as the app does): ${decoded.document.devices.length} devices in ${(ms / 1000).toFixed(2)} s; longest stall of the calling thread ${worst.toFixed(0)} ms (receiving the document)`);
}
