/**
 * The engine's side of the echo helper's line protocol, against a stand-in
 * for perl (a shell script speaking the same lines): no packet is sent.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IcmpEchoHelper } from '../../../electron/engine/discovery/icmp-echo-helper';

let dir = '';
/** Answers every address except those ending in .99; with a timing for .1, without one for the rest. */
let standIn = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forewarn-echo-protocol-'));
  standIn = join(dir, 'fake-perl');
  writeFileSync(
    standIn,
    ['#!/bin/sh', 'echo "ready dgram"', 'while read ip; do', '  case "$ip" in', '    *.99) ;;', '    *.1) echo "$ip 0.042" ;;', '    *) echo "$ip" ;;', '  esac', 'done', ''].join('\n'),
  );
  chmodSync(standIn, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('echo helper protocol', () => {
  it('takes the round trip the helper timed, else times it on the engine\'s clock; silence is a timeout', async () => {
    const helper = (await IcmpEchoHelper.start('auto', standIn))!;
    expect(helper.kind).toBe('dgram');
    const [timed, untimed, silent] = await Promise.all([helper.ping('10.0.0.1', 300), helper.ping('10.0.0.2', 300), helper.ping('10.0.0.99', 300)]);
    expect(timed).toEqual({ alive: true, rttMs: 0.042, lossPercent: 0, replies: 1 });
    expect(untimed).toMatchObject({ alive: true, lossPercent: 0 });
    expect(untimed.rttMs).toBeGreaterThanOrEqual(0);
    expect(silent).toEqual({ alive: false, rttMs: null, lossPercent: 100, replies: 0 });
    // A request of a scan already cancelled is not sent: silence at once, not after its timeout.
    const cancelled = new AbortController();
    cancelled.abort();
    const started = performance.now();
    expect(await helper.ping('10.0.0.2', 5000, cancelled.signal)).toMatchObject({ alive: false });
    expect(performance.now() - started).toBeLessThan(1000);
    helper.close();
  });

  it('is not used when the helper says it cannot open a socket', async () => {
    const refusing = join(dir, 'refusing-perl');
    writeFileSync(refusing, '#!/bin/sh\necho "unavailable Operation not permitted"\nexit 2\n');
    chmodSync(refusing, 0o755);
    expect(await IcmpEchoHelper.start('auto', refusing)).toBeNull();
  });

  it('answers every waiting request with silence when the helper dies', async () => {
    const dying = join(dir, 'dying-perl');
    writeFileSync(dying, '#!/bin/sh\necho "ready raw"\nread ip\nexit 1\n');
    chmodSync(dying, 0o755);
    const helper = (await IcmpEchoHelper.start('auto', dying))!;
    const started = performance.now();
    expect(await helper.ping('10.0.0.5', 5000)).toMatchObject({ alive: false });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(helper.alive).toBe(false);
  });
});
