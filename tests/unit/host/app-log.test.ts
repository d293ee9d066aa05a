import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppLog, redactLogLine } from '../../../electron/host/app-log';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forewarn-log-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

/** electron-log writes asynchronously: wait until the file holds what was written. */
async function contents(file: string, expected: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const text = await readFile(file, 'utf8').catch(() => '');
    if (text.includes(expected)) return text;
    await new Promise((r) => setTimeout(r, 20));
  }
  return readFile(file, 'utf8');
}

describe('the app log (electron/host/app-log.ts)', () => {
  it('writes levelled, timestamped lines to forewarn.log in the folder given', async () => {
    const log = createAppLog({ dir, secrets: () => [] });
    expect(log.file).toBe(join(dir, 'forewarn.log'));
    log.write('warn', 'engine restarted after a crash');
    const text = await contents(log.file, 'engine restarted');
    expect(text).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] \[warn\]\s+engine restarted after a crash$/m);
  });

  it('never writes a saved secret, nor anything written as one', async () => {
    const log = createAppLog({ dir, secrets: () => ['Ups-M0nitor', 'authpass123'] });
    log.write('error', 'SNMP to 10.0.0.9 failed with Ups-M0nitor; v3 authKey=authpass123 password: hunter2 community "s3cret"');
    const text = await contents(log.file, 'SNMP to 10.0.0.9');
    for (const secret of ['Ups-M0nitor', 'authpass123', 'hunter2', 's3cret']) expect(text).not.toContain(secret);
    expect(redactLogLine('community=public2 and nothing else', [])).toBe('community=*** and nothing else');
  });
});
