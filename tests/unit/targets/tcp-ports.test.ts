import { describe, expect, it } from 'vitest';
import { DEFAULT_TCP_PORTS, formatTcpPortList, MAX_TCP_PORTS, parseTcpPortList } from '../../../shared/tcp-ports';
import { ScanLimitsSchema } from '../../../shared/settings';

describe('TCP port lists (shared/tcp-ports.ts)', () => {
  it('reads ports and ranges, commas or spaces, in order and once each', () => {
    expect(parseTcpPortList('22, 80 443,8000-8002;80')).toEqual({ ports: [22, 80, 443, 8000, 8001, 8002] });
    expect(formatTcpPortList([22, 80])).toBe('22, 80');
    expect(parseTcpPortList(formatTcpPortList(DEFAULT_TCP_PORTS))).toEqual({ ports: [...DEFAULT_TCP_PORTS] });
  });

  it('names the token it cannot read, and refuses a list too long to scan quickly', () => {
    expect(parseTcpPortList('22, http')).toEqual({ error: '"http" is not a port (1–65535) or a range such as 8000-8010.' });
    expect(parseTcpPortList('0')).toHaveProperty('error');
    expect(parseTcpPortList('70000')).toHaveProperty('error');
    expect(parseTcpPortList('90-80')).toHaveProperty('error');
    expect(parseTcpPortList(' ')).toEqual({ error: 'Give at least one port.' });
    expect(parseTcpPortList(`1-${MAX_TCP_PORTS + 1}`)).toEqual({ error: `At most ${MAX_TCP_PORTS} ports: each is one connection attempt per host.` });
    expect(parseTcpPortList(`1-${MAX_TCP_PORTS}`)).toHaveProperty('ports');
  });

  it('is what the settings schema accepts', () => {
    const limits = { concurrency: 8, timeoutMs: 500, packetsPerSecond: 100, tcpProbe: true };
    expect(ScanLimitsSchema.safeParse({ ...limits, tcpPorts: [22, 443] }).success).toBe(true);
    expect(ScanLimitsSchema.safeParse({ ...limits, tcpPorts: [] }).success).toBe(false);
    expect(ScanLimitsSchema.safeParse({ ...limits, tcpPorts: [65_536] }).success).toBe(false);
  });
});
