import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  countProcNetArpRows,
  unicastMac,
  parseBsdArp,
  parseIpNeigh,
  parseProcNetArp,
  parseWindowsArp,
} from '../../../electron/engine/discovery/neighbour-parsers';

const capture = (name: string) => readFileSync(new URL(`../../fixtures/discovery/neighbours/${name}`, import.meta.url), 'latin1');
const pairs = (entries: Array<{ ip: string; mac: string }>) => entries.map((e) => `${e.ip} ${e.mac}`);

describe('unicastMac', () => {
  it.each([
    ['00-1B-21-0A-4F-C2', '00:1b:21:0a:4f:c2'],
    ['0:1b:21:a:4f:c2', '00:1b:21:0a:4f:c2'],
    ['001b.210a.4fc2', '00:1b:21:0a:4f:c2'],
    ['A4:91:B1:3C:20:7E', 'a4:91:b1:3c:20:7e'],
  ])('%s → %s', (input, expected) => expect(unicastMac(input)).toBe(expected));

  it.each(['00:00:00:00:00:00', 'ff:ff:ff:ff:ff:ff', '01:00:5e:00:00:16', '33:33:00:00:00:01', '(incomplete)', 'aa:bb:cc:dd:ee', 'aa:bb:cc:dd:ee:fg'])(
    'drops %s',
    (input) => expect(unicastMac(input)).toBeNull(),
  );
});

describe('Linux', () => {
  it('/proc/net/arp keeps resolved unicast entries with their state and device', () => {
    expect(parseProcNetArp(capture('linux-proc-net-arp.txt'))).toEqual([
      { ip: '192.168.1.254', mac: 'a4:91:b1:3c:20:7e', state: 'complete', interface: 'eth0' },
      { ip: '192.168.1.20', mac: '00:1b:21:0a:4f:c2', state: 'complete', interface: 'eth0' },
      { ip: '192.168.1.30', mac: '3c:52:82:6a:0f:11', state: 'permanent', interface: 'eth0' },
      { ip: '10.20.0.9', mac: 'b8:27:eb:11:22:33', state: 'complete', interface: 'wlan0' },
    ]);
  });

  it('/proc/net/arp captured in a lab namespace: one host answered, two never did', () => {
    const text = capture('linux-proc-net-arp-captured.txt');
    expect(pairs(parseProcNetArp(text))).toEqual(['10.77.0.2 ae:13:e8:e1:10:0a']);
    expect(countProcNetArpRows(text)).toBe(3);
  });

  it('ip neigh keeps REACHABLE/STALE/DELAY/PROBE/PERMANENT, drops FAILED/INCOMPLETE and IPv6', () => {
    const entries = parseIpNeigh(capture('linux-ip-neigh.txt'));
    expect(pairs(entries)).toEqual([
      '192.168.1.254 a4:91:b1:3c:20:7e',
      '192.168.1.20 00:1b:21:0a:4f:c2',
      '192.168.1.30 3c:52:82:6a:0f:11',
      '192.168.1.31 3c:52:82:6a:0f:12',
      '192.168.1.32 3c:52:82:6a:0f:13',
      '10.20.0.9 b8:27:eb:11:22:33',
    ]);
    expect(entries.map((e) => e.state)).toEqual(['reachable', 'stale', 'permanent', 'delay', 'probe', 'stale']);
    expect(entries[5]!.interface).toBe('wlan0');
  });

  it('ip neigh captured in a lab namespace', () => {
    expect(parseIpNeigh(capture('linux-ip-neigh-captured.txt'))).toEqual([
      { ip: '10.77.0.2', mac: 'ae:13:e8:e1:10:0a', state: 'reachable', interface: 'fwc-a' },
    ]);
  });
});

describe('Windows arp -a', () => {
  it('English: per-interface rows, without broadcast, multicast and invalid entries', () => {
    expect(parseWindowsArp(capture('windows-arp-a-en.txt'))).toEqual([
      { ip: '192.168.1.1', mac: 'a4:91:b1:3c:20:7e', state: 'dynamic', interface: '192.168.1.57' },
      { ip: '192.168.1.20', mac: '00:1b:21:0a:4f:c2', state: 'dynamic', interface: '192.168.1.57' },
      { ip: '10.20.0.1', mac: '00:0c:29:aa:bb:cc', state: 'dynamic', interface: '10.20.0.115' },
    ]);
  });

  it('German: the same shape with translated words', () => {
    expect(parseWindowsArp(capture('windows-arp-a-de.txt'))).toEqual([
      { ip: '192.168.178.1', mac: '3c:a6:2f:12:34:56', state: 'dynamic', interface: '192.168.178.24' },
      { ip: '192.168.178.31', mac: 'b8:27:eb:11:22:33', state: 'dynamic', interface: '192.168.178.24' },
      { ip: '192.168.178.40', mac: '00:11:32:0a:0b:0c', state: 'static', interface: '192.168.178.24' },
    ]);
  });

  it('French', () => {
    expect(parseWindowsArp(capture('windows-arp-a-fr.txt'))).toEqual([
      { ip: '192.168.0.254', mac: 'f4:ca:e5:01:02:03', state: 'dynamic', interface: '192.168.0.12' },
    ]);
  });
});

describe('macOS arp -an', () => {
  it('pads short octets, drops incomplete, broadcast and multicast rows', () => {
    expect(parseBsdArp(capture('macos-arp-an.txt'))).toEqual([
      { ip: '192.168.1.31', mac: '3c:22:fb:00:05:07', state: 'permanent', interface: 'en0' },
      { ip: '192.168.1.254', mac: 'a4:91:b1:3c:20:7e', state: 'dynamic', interface: 'en0' },
      { ip: '192.168.1.20', mac: '00:1b:21:0a:4f:c2', state: 'dynamic', interface: 'en0' },
      { ip: '169.254.12.5', mac: '12:34:56:78:9a:bc', state: 'dynamic', interface: 'en0' },
    ]);
  });
});
