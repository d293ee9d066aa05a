/**
 * Files other people send are hostile until proven otherwise: each shape below
 * once ran the process out of memory or blocked it for seconds. Each is refused
 * with words a technician can act on, and the library is left as it was.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAssessmentBytes, MAX_ASSESSMENT_BYTES } from '../../../electron/host/library/assessment-codec';
import { createMemoryKeyValueStore } from '../../../electron/host/library/key-value-store';
import { ScanLibrary } from '../../../electron/host/library/scan-library';
import { loadWalkFile } from '../../../electron/engine/snmp/file-source';
import { DeviceSchema } from '../../../shared/scan-document';
import { MAX_LIST, MAX_TEXT } from '../../../shared/schema-bounds';
import { budgetExcess, textBudgetExcess } from '../../../shared/assessment/json-budget';
import { syntheticOffice } from './synthetic-office';

const SHELL = '{"schemaVersion":1,"generator":{"name":"forewarn","version":"1"},"scan":{"id":"x","startedAt":"2026-01-01T00:00:00Z","finishedAt":null,"targets":[],"status":"completed","preset":"quick"},"devices":';

const refusal = (bytes: Uint8Array) => {
  try {
    decodeAssessmentBytes(bytes);
  } catch (error) {
    return error as Error & { code: string };
  }
  throw new Error('expected the file to be refused');
};

describe('hostile imports', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'forewarn-hostile-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('a gzip bomb stops at the decompression cap', () => {
    const bomb = gzipSync(Buffer.alloc(MAX_ASSESSMENT_BYTES + 1024 * 1024, 0x20), { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(refusal(bomb)).toMatchObject({ code: 'corrupt', message: expect.stringMatching(/too large to open: it unpacks to more than 64 MB/) });
  });

  it('millions of tiny values are refused before JSON.parse builds them', () => {
    const text = `${SHELL}[${'{},'.repeat(3_100_000)}{}]}`;
    expect(textBudgetExcess(text)).toBe('it holds more than 3,000,000 values');
    expect(refusal(gzipSync(text))).toMatchObject({ code: 'invalid', message: 'This file cannot be a Forewarn scan: it holds more than 3,000,000 values.' });
  });

  it('deep nesting, a huge text, a huge list and a huge object are each refused at the first excess', () => {
    expect(refusal(Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).message).toMatch(/nested more than 32 levels deep/);
    expect(refusal(Buffer.from(`${SHELL}[{"id":"${'a'.repeat(MAX_TEXT + 1)}"}]}`)).message).toMatch(/a text of 65,537 characters \(at most 65,536\)/);
    expect(refusal(Buffer.from(`${SHELL}[${'0,'.repeat(MAX_LIST)}0]}`)).message).toMatch(/a list of 100,001 entries/);
    const wide = `{${Array.from({ length: 10_001 }, (_, i) => `"k${i}":0`).join(',')}}`;
    expect(budgetExcess(JSON.parse(wide))).toMatch(/an object with 10,001 fields/);
  });

  it('a file of thousands of bad devices names the first three and stops there', () => {
    const bad = '{"id":[],"ip":1,"type":"nope"}';
    const error = refusal(Buffer.from(`${SHELL}[${Array(20_000).fill(bad).join(',')}]}`));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/^This scan file is damaged or incomplete: devices\.0\.[^;]+; devices\.1\.[^;]+; devices\.2\.[^;(]+\.$/);
  });

  it('the schema bounds every text and list itself, for documents that never pass through a file', () => {
    const device = syntheticOffice().devices[0]!;
    expect(DeviceSchema.safeParse({ ...device, sysDescr: 'x'.repeat(MAX_TEXT) }).success).toBe(true);
    expect(DeviceSchema.safeParse({ ...device, sysDescr: 'x'.repeat(MAX_TEXT + 1) }).success).toBe(false);
    expect(DeviceSchema.safeParse({ ...device, errors: Array(MAX_LIST + 1).fill({ code: 'c', message: 'm' }) }).success).toBe(false);
  });

  it('the library is unchanged after every refusal', async () => {
    const library = await ScanLibrary.open({ dir, index: createMemoryKeyValueStore() });
    await library.save(syntheticOffice());
    const before = await readdir(join(dir, 'scans'));
    await expect(library.importAssessment(gzipSync(`${SHELL}[${'{},'.repeat(3_100_000)}{}]}`))).rejects.toMatchObject({ code: 'invalid' });
    expect(await readdir(join(dir, 'scans'))).toEqual(before);
    expect(library.list().scans).toHaveLength(1);
  });

  it('an honest scan still imports: the lab office, whole', async () => {
    const office = syntheticOffice();
    expect(decodeAssessmentBytes(gzipSync(JSON.stringify(office))).document.devices).toHaveLength(office.devices.length);
  });

  it('a gzipped walk file that unpacks past the cap is refused, not inflated', async () => {
    const path = join(dir, 'bomb.snmprec.gz');
    await writeFile(path, gzipSync(Buffer.alloc(257 * 1024 * 1024, 0x20), { level: 9 }));
    await expect(loadWalkFile(path, 'bomb.snmprec.gz')).rejects.toThrow('bomb.snmprec.gz: unpacks to more than 256 MB, far more than any device\'s walk');
  });
});
