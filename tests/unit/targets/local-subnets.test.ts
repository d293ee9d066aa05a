import { readFileSync } from 'node:fs';
import type os from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  defaultGatewayOf,
  detectLocalSubnetDetails,
  detectLocalSubnets,
  parseLinuxRouteTable,
  parseNetstatRoutes,
  parseWindowsRoutePrint,
} from '../../../electron/engine/targets/local-subnets';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/discovery/${name}`, import.meta.url), 'latin1');

function nic(address: string, netmask: string, extra: Partial<os.NetworkInterfaceInfo> = {}): os.NetworkInterfaceInfo {
  return {
    address,
    netmask,
    family: 'IPv4',
    mac: '00:11:22:33:44:55',
    internal: false,
    cidr: null,
    ...extra,
  } as os.NetworkInterfaceInfo;
}

describe('detectLocalSubnets', () => {
  it('returns network-address CIDRs of external IPv4 interfaces only', () => {
    const subnets = detectLocalSubnets({
      lo: [nic('127.0.0.1', '255.0.0.0', { internal: true, cidr: '127.0.0.1/8' })],
      eth0: [
        nic('192.168.1.57', '255.255.255.0', { cidr: '192.168.1.57/24' }),
        { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '00:11:22:33:44:55', internal: false, cidr: 'fe80::1/64', scopeid: 2 },
      ],
      wlan0: [nic('10.20.3.115', '255.255.252.0')], // no cidr field: derived from the netmask
      zeroconf: [nic('169.254.33.7', '255.255.0.0', { cidr: '169.254.33.7/16' })],
      tun0: [nic('10.8.0.6', '255.255.255.255', { cidr: '10.8.0.6/32' })],
      eth1: [nic('192.168.1.99', '255.255.255.0', { cidr: '192.168.1.99/24' })], // same subnet twice
    });
    expect(subnets).toEqual(['192.168.1.0/24', '10.20.0.0/22']);
  });

  it('keeps the interface and own address for topology', () => {
    const [first] = detectLocalSubnetDetails({ eth0: [nic('172.16.5.20', '255.255.255.240', { cidr: '172.16.5.20/28' })] });
    expect(first).toMatchObject({ cidr: '172.16.5.16/28', interface: 'eth0', address: '172.16.5.20', prefixLength: 28 });
  });

  it('ignores a non-contiguous netmask', () => {
    expect(detectLocalSubnets({ x: [nic('10.0.0.1', '255.0.255.0')] })).toEqual([]);
  });
});

describe('default gateway parsers', () => {
  it('Linux /proc/net/route: lowest-metric default route, little-endian hex', () => {
    expect(parseLinuxRouteTable(fixture('linux-proc-net-route.txt'))).toEqual({ ip: '192.168.1.254', interface: 'eth0' });
    expect(parseLinuxRouteTable(fixture('linux-proc-net-route-nodefault.txt'))).toBeNull();
  });

  it('Windows route print, English: active route with the lowest metric, not the persistent one', () => {
    expect(parseWindowsRoutePrint(fixture('windows-route-print-en.txt'))).toEqual({ ip: '10.20.0.1', interface: '10.20.0.115' });
  });

  it('Windows route print, German', () => {
    expect(parseWindowsRoutePrint(fixture('windows-route-print-de.txt'))).toEqual({ ip: '192.168.178.1', interface: '192.168.178.24' });
  });

  it('macOS netstat -rn', () => {
    expect(parseNetstatRoutes(fixture('macos-netstat-rn.txt'))).toEqual({ ip: '192.168.1.254', interface: 'en0' });
    expect(parseNetstatRoutes('Routing tables\n\nInternet:\nDestination Gateway Flags Netif Expire\n')).toBeNull();
  });

  it('defaultGatewayOf picks the reader for the platform and never throws', async () => {
    const io = {
      readText: async () => fixture('linux-proc-net-route.txt'),
      run: async (file: string) => (file === 'route' ? fixture('windows-route-print-de.txt') : fixture('macos-netstat-rn.txt')),
    };
    expect((await defaultGatewayOf('linux', io))?.ip).toBe('192.168.1.254');
    expect((await defaultGatewayOf('win32', io))?.ip).toBe('192.168.178.1');
    expect((await defaultGatewayOf('darwin', io))?.ip).toBe('192.168.1.254');
    const failing = { readText: async () => Promise.reject(new Error('ENOENT')) };
    expect(await defaultGatewayOf('linux', failing)).toBeNull();
  });
});
