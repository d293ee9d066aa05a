import { describe, expect, it } from 'vitest';
import { reconfirmationMs, retransmitMs } from '../../../electron/engine/discovery/neighbour-timers';

const values: Record<string, string> = {
  'eth0/delay_first_probe_time': '2\n',
  'eth0/ucast_solicit': '3\n',
  'eth0/retrans_time_ms': '1000\n',
  'wlan0/retrans_time_ms': '1500\n',
  'default/delay_first_probe_time': '5\n',
};
const readText = async (path: string) => values[path.split('/').slice(-2).join('/')] ?? Promise.reject(new Error('ENOENT'));
const linux = { platform: 'linux' as const, readText };
const nothing = { platform: 'linux' as const, readText: async () => Promise.reject(new Error('ENOENT')) };

describe("the OS's neighbour timers", () => {
  it("give an old entry the kernel's re-probe time for its interface (delay + probes × timeout + slack)", async () => {
    expect(await reconfirmationMs('eth0', linux)).toBe(6_000);
    // No such setting for the interface: the system default, then the kernel's built-in values.
    expect(await reconfirmationMs('wlan1', linux)).toBe(9_000);
    expect(await reconfirmationMs(null, nothing)).toBe(9_000);
  });

  it('take the slowest retransmit time of the on-link interfaces, a second where none is known', async () => {
    expect(await retransmitMs(['eth0'], linux)).toBe(1_000);
    expect(await retransmitMs(['eth0', 'wlan0'], linux)).toBe(1_500);
    expect(await retransmitMs([], nothing)).toBe(1_000);
    expect(await retransmitMs(['eth0', 'wlan0'], { platform: 'win32', readText })).toBe(1_000);
    // A name that is not one is never put in a path.
    expect(await retransmitMs(['../wlan0'], linux)).toBe(1_000);
  });
});
