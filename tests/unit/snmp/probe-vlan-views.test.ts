import { describe, expect, it } from 'vitest';
import { probeSnmp } from '../../../electron/engine/snmp/probe';
import { startFakeAgent } from './helpers/fake-agent';

describe('per-VLAN views of an answering agent', () => {
  it('reuse the winning community as <community>@<vlan> and are closed with the outcome', async () => {
    // sysName tells which community asked; everything else is absent.
    const agent = await startFakeAgent((req) => ({
      varbinds: req.oids.map((oid) => [oid, oid === '1.3.6.1.2.1.1.5.0' ? { type: 'str' as const, value: `seen by ${req.community}` } : { type: 'noSuchObject' as const }]),
    }));
    try {
      const { outcome } = await probeSnmp('127.0.0.1', { communities: ['c0mmunity'], v3Users: [] }, { port: agent.port, timeoutMs: 500, signal: new AbortController().signal });
      expect(outcome?.system.sysName).toBe('seen by c0mmunity');
      const view = outcome!.vlanSource!(20)!;
      const [name] = await view.get(['1.3.6.1.2.1.1.5.0']);
      expect(name?.value && Buffer.from(name.value as Uint8Array).toString()).toBe('seen by c0mmunity@20');
      outcome!.close();
      await expect(view.get(['1.3.6.1.2.1.1.5.0'])).rejects.toThrow();
    } finally {
      await agent.close();
    }
  });
});
