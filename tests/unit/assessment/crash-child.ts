/**
 * Child process for the crash test: opens a library in argv[2], saves a
 * running scan again and again, one more device each time, and reports each
 * completed save on stdout until the parent kills it with SIGKILL.
 */
import { createJsonFileKeyValueStore } from '../../../electron/host/library/key-value-store';
import { ScanLibrary } from '../../../electron/host/library/scan-library';
import { syntheticOffice } from './synthetic-office';

const dir = process.argv[2]!;
const library = await ScanLibrary.open({ dir, index: createJsonFileKeyValueStore(`${dir}/library-index.json`) });
const full = syntheticOffice({ workstations: 400 });
const base = { ...full, scan: { ...full.scan, id: 'killed-scan', status: 'running' as const, finishedAt: null }, links: [] };
for (let n = 1; ; n++) {
  await library.save({ ...base, devices: full.devices.slice(0, Math.min(n, full.devices.length)) });
  process.stdout.write(`saved ${n}\n`);
}
