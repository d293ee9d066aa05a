import dgram from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { probeSnmp } from '../../../electron/engine/snmp/probe';
import type { SnmpCredentials } from '../../../shared/credentials';

/** A UDP port on loopback that swallows every datagram: an SNMP agent that never answers. */
async function blackHole(): Promise<{ port: number; close(): void }> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, close: () => socket.close() };
}

const credentials: SnmpCredentials = {
  communities: ['s3cret'],
  v3Users: [{ user: 'ops', authProtocol: 'sha', authKey: 'authpass1', privProtocol: 'aes', privKey: 'privpass1' }],
};

describe('SNMP probe at a silent address', () => {
  it('stops after the v2c stage when nothing says a host is there', async () => {
    const hole = await blackHole();
    try {
      const started = performance.now();
      const result = await probeSnmp('127.0.0.1', credentials, {
        port: hole.port,
        timeoutMs: 200,
        signal: new AbortController().signal,
        hostKnownAlive: () => false,
      });
      expect(result.outcome).toBeNull();
      expect(result.errors.map((e) => e.message.split(':')[0])).toEqual(['v2c community #1']);
      expect(performance.now() - started).toBeLessThan(600);
    } finally {
      hole.close();
    }
  });

  it('tries v1 and v3 when the host is known to be alive', async () => {
    const hole = await blackHole();
    try {
      const result = await probeSnmp('127.0.0.1', credentials, {
        port: hole.port,
        timeoutMs: 200,
        signal: new AbortController().signal,
        hostKnownAlive: () => true,
      });
      expect(result.errors.map((e) => e.message.split(':')[0])).toEqual(['v2c community #1', 'v1 community #1', 'v3 user ops']);
    } finally {
      hole.close();
    }
  });
});

describe('credential labels', () => {
  it('names factory-default communities (that is the finding) and hides every other', async () => {
    const { credentialAttempts } = await import('../../../electron/engine/snmp/probe');
    const labels = credentialAttempts({ communities: ['public', 'Ups-M0nitor', 'private'], v3Users: [] })[0]!.map((a) => a.label);
    expect(labels).toEqual(['public', 'community #2', 'private']);
  });
});
