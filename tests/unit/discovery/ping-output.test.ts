import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePingOutput } from '../../../electron/engine/discovery/ping-output';

// latin1, as pingHost decodes the child's bytes (Windows prints in an OEM code page).
const capture = (name: string) => readFileSync(new URL(`../../fixtures/discovery/ping/${name}`, import.meta.url), 'latin1');

describe('parsePingOutput', () => {
  it.each([
    // file, platform, sent, alive, rtt, loss, replies
    ['linux-alive.txt', 'linux', 1, true, 0.029, 0, 1],
    ['linux-alive-3.txt', 'linux', 3, true, 0.535, 0, 3],
    ['linux-partial-loss.txt', 'linux', 4, true, 0.211, 50, 2],
    ['linux-timeout.txt', 'linux', 1, false, null, 100, 0],
    ['linux-host-unreachable.txt', 'linux', 1, false, null, 100, 0],
    ['linux-network-unreachable.txt', 'linux', 1, false, null, 100, 0],
    ['linux-busybox-alive.txt', 'linux', 1, true, 0.612, 0, 1],
    ['macos-alive.txt', 'darwin', 1, true, 3.127, 0, 1],
    ['macos-timeout.txt', 'darwin', 1, false, null, 100, 0],
    ['macos-host-unreachable.txt', 'darwin', 1, false, null, 100, 0],
    ['windows-en-alive.txt', 'win32', 1, true, 2, 0, 1],
    ['windows-en-alive-submillisecond.txt', 'win32', 1, true, 1, 0, 1],
    ['windows-en-partial.txt', 'win32', 4, true, 14, 50, 2],
    ['windows-en-timeout.txt', 'win32', 1, false, null, 100, 0],
    ['windows-en-host-unreachable.txt', 'win32', 1, false, null, 100, 0],
    ['windows-en-ttl-expired.txt', 'win32', 1, false, null, 100, 0],
    ['windows-de-alive.txt', 'win32', 1, true, 3, 0, 1],
    ['windows-de-timeout.txt', 'win32', 1, false, null, 100, 0],
    ['windows-de-host-unreachable.txt', 'win32', 1, false, null, 100, 0],
    ['windows-fr-alive.txt', 'win32', 1, true, 7, 0, 1],
    ['windows-ru-alive.txt', 'win32', 1, true, 1, 0, 1],
  ] as const)('%s', (file, platform, sent, alive, rttMs, lossPercent, replies) => {
    expect(parsePingOutput(platform, capture(file), sent)).toEqual({ alive, rttMs, lossPercent, replies });
  });

  it('computes loss from replies when the run was cut short before its statistics', () => {
    const cut = 'PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.\n64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=1.50 ms\n';
    expect(parsePingOutput('linux', cut, 2)).toEqual({ alive: true, rttMs: 1.5, lossPercent: 50, replies: 1 });
    expect(parsePingOutput('linux', '', 1)).toEqual({ alive: false, rttMs: null, lossPercent: 100, replies: 0 });
  });

  it('does not take the Windows unreachable reply of the local gateway for the target', () => {
    const text = capture('windows-en-host-unreachable.txt');
    expect(text).toContain('Received = 1'); // Windows counts it as received...
    expect(parsePingOutput('win32', text).alive).toBe(false); // ...we do not.
  });
});
