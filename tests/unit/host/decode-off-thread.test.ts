/** Imported files are decoded in a worker thread with its own heap: the answers, and what a too-hungry file gets. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../electron/bridge/bridge-app';
import { BUILT_DECODE_WORKER, projectDecoder } from '../../../electron/host/library/decode-off-thread';
import { syntheticOffice } from '../assessment/synthetic-office';

/** The office's devices cloned until the JSON is about `mb` MB (valid, distinct addresses). */
function bigOffice(mb: number): Buffer {
  const office = syntheticOffice();
  const each = JSON.stringify(office.devices).length / office.devices.length;
  const devices = Array.from({ length: Math.ceil((mb * 1024 * 1024) / each) }, (_, i) => {
    const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    return { ...office.devices[i % office.devices.length]!, id: ip, ip };
  });
  return gzipSync(JSON.stringify({ ...office, devices, links: [] }));
}

describe('import decoding in a worker thread', () => {
  const decode = projectDecoder(PROJECT_ROOT, { prefer: 'source' });

  it('hands back the validated document', async () => {
    const office = syntheticOffice();
    const decoded = await decode(gzipSync(JSON.stringify(office)));
    expect(decoded.document.devices).toHaveLength(office.devices.length);
    expect(decoded.document.scan.id).toBe(office.scan.id);
  });

  it("carries the decoder's refusal back with its code", async () => {
    await expect(decode(Buffer.from('not json at all'))).rejects.toMatchObject({ name: 'AssessmentError', code: 'foreign' });
    await expect(decode(gzipSync(`${'['.repeat(100)}${']'.repeat(100)}`))).rejects.toMatchObject({ code: 'invalid', message: expect.stringContaining('nested more than 32 levels') });
  });

  it('a file that needs more memory than the worker has is refused; the host process is untouched', async () => {
    const small = projectDecoder(PROJECT_ROOT, { prefer: 'source', heapMb: 24 });
    const before = process.memoryUsage().heapUsed;
    await expect(small(bigOffice(20))).rejects.toMatchObject({ name: 'AssessmentError', code: 'corrupt', message: expect.stringContaining('needs more memory to read than any scan') });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
    // The same decoder still works afterwards: one worker per import.
    await expect(small(gzipSync(JSON.stringify(syntheticOffice())))).resolves.toBeDefined();
  });

  it('the built worker answers the same (the packaged app runs this one)', async () => {
    if (!existsSync(join(PROJECT_ROOT, BUILT_DECODE_WORKER))) execFileSync('npx', ['vite', 'build', '--mode', 'main', '--logLevel', 'warn'], { cwd: PROJECT_ROOT });
    const built = projectDecoder(PROJECT_ROOT, { prefer: 'built' });
    expect((await built(gzipSync(JSON.stringify(syntheticOffice())))).document.devices).toHaveLength(syntheticOffice().devices.length);
  }, 120_000);
});
