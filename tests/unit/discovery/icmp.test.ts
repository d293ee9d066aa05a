import { describe, expect, it } from 'vitest';
import { pingCommand } from '../../../electron/engine/discovery/icmp';

// Packets go to loopback only (house rule).
describe('pingCommand', () => {
  it('builds sub-second timeouts per OS through the ping package', () => {
    expect(pingCommand('10.0.0.1', 300, 1, 'linux').args).toEqual(['-n', '-W', '0.3', '-c', '1', '-s', '56', '10.0.0.1']);
    expect(pingCommand('10.0.0.1', 300, 1, 'win32').args).toEqual(['-4', '-w', '300', '-n', '1', '-l', '32', '10.0.0.1']);
    expect(pingCommand('10.0.0.1', 300, 1, 'darwin').args).toEqual(['-n', '-W', '300', '-c', '1', '-s', '56', '10.0.0.1']);
    expect(pingCommand('10.0.0.1', 300, 3, 'linux').args).toContain('-i');
  });
});

describe('batched pings (one shell per batch)', () => {
  it('refuses to build a script from unsafe tokens', async () => {
    const { batchScript } = await import('../../../electron/engine/discovery/ping-batch');
    expect(() => batchScript('ping', ['-W', '0.3; rm -rf /'])).toThrow(/unsafe/);
    expect(batchScript('/bin/ping', ['-n', '-W', '0.3'])).toContain(`'/bin/ping' '-n' '-W' '0.3' "$ip"`);
  });
});
