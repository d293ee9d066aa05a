/**
 * "The engine never sends an SNMP SET, under any option." Guarded three ways:
 * net-snmp is imported only by the read-only facade (and its constant users),
 * no engine source calls a session's set/trap/inform, and at run time neither
 * the facade nor LiveSnmpSource has such a method.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { openReadOnlySession } from '../../../electron/engine/snmp/read-only-session.js';
import { LiveSnmpSource } from '../../../electron/engine/snmp/live-source.js';

const ROOT = join(import.meta.dirname, '../../..');
const SCANNED = ['electron', 'shared'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(p);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) ? [p] : [];
  });
}

const files = SCANNED.flatMap((d) => sourceFiles(join(ROOT, d))).map((p) => ({ path: relative(ROOT, p), text: readFileSync(p, 'utf8') }));

/** Only these may touch net-snmp; the last two read its type constants only. */
const NET_SNMP_IMPORTERS = new Set([
  'electron/engine/snmp/read-only-session.ts',
  'electron/engine/snmp/live-source.ts',
  'electron/engine/snmp/live-varbind.ts',
]);

/** Tree-wide: shapes that only an SNMP write could have. */
const WRITE_CALLS: Array<[string, RegExp]> = [
  ['set([ {varbind} ])', /\.set\s*\(\s*\[\s*\{/],
  ['SetRequest PDU', /SetRequest/],
];
/** In SNMP code (anything under engine/snmp or importing the session): any set/trap/inform on a session. */
const SESSION_WRITES: Array<[string, RegExp]> = [
  ['session.set(', /\b\w*session\w*\s*(\?\.|\.)\s*set\s*\(/i],
  ['session.trap/inform(', /\b\w*session\w*\s*(\?\.|\.)\s*(trap|inform)\s*\(/i],
  ['prototype.set', /prototype\s*\.\s*set\b/],
];
const snmpFiles = files.filter(
  (f) => f.path.startsWith('electron/engine/snmp/') || /read-only-session|['"]net-snmp['"]/.test(f.text),
);

describe('never an SNMP SET', () => {
  it('scans a real source tree', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.path === 'electron/engine/snmp/read-only-session.ts')).toBe(true);
  });

  it('only the read-only facade and its constant readers import net-snmp', () => {
    const importers = files.filter((f) => /from\s+['"]net-snmp['"]|require\(\s*['"]net-snmp['"]\s*\)|import\(\s*['"]net-snmp['"]\s*\)/.test(f.text)).map((f) => f.path);
    expect(importers.filter((p) => !NET_SNMP_IMPORTERS.has(p))).toEqual([]);
  });

  it.each(WRITE_CALLS)('no engine source contains %s', (_name, pattern) => {
    const hits = files.filter((f) => pattern.test(f.text)).map((f) => f.path);
    expect(hits).toEqual([]);
  });

  it.each(SESSION_WRITES)('no SNMP source contains %s', (_name, pattern) => {
    expect(snmpFiles.length).toBeGreaterThan(5);
    expect(snmpFiles.filter((f) => pattern.test(f.text)).map((f) => f.path)).toEqual([]);
  });

  it('the patterns do catch a SET call (the scan is not vacuous)', () => {
    const sample = 'const session = snmp.createSession(ip, c);\nsession.set([{ oid, type, value }], cb);';
    expect([...WRITE_CALLS, ...SESSION_WRITES].filter(([, re]) => re.test(sample)).map(([n]) => n)).toEqual(['set([ {varbind} ])', 'session.set(']);
  });

  it('neither the session facade nor the live source has a set method', () => {
    const facade = openReadOnlySession({ host: '127.0.0.1', port: 9, version: 'v2c', community: 'x', transport: 'own-socket', timeoutMs: 100 });
    try {
      expect(Object.keys(facade).sort()).toEqual(['cancelRequests', 'close', 'get', 'getBulk', 'getNext', 'malformedSeen']);
      expect('set' in facade).toBe(false);
    } finally {
      facade.close();
    }
    const live = new LiveSnmpSource({ host: '127.0.0.1', port: 9, version: 'v2c', community: 'x', transport: 'own-socket' });
    try {
      expect('set' in live).toBe(false);
      expect(Object.getOwnPropertyNames(LiveSnmpSource.prototype)).not.toContain('set');
    } finally {
      live.close();
    }
  });
});
