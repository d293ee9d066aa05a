import { describe, expect, it } from 'vitest';
import { identifyDevice } from '../../../electron/engine/identify/identify';
import { typeText } from '../../../shared/assessment/type-certainty';

/** Identify from the system group alone, as discovery hands it over. */
function fromSystem(sysObjectID: string | null, sysDescr: string | null) {
  return identifyDevice(null, { system: { sysDescr, sysObjectID, sysName: 'dev', sysServices: null } }, { quick: true });
}
const shown = (id: Awaited<ReturnType<typeof fromSystem>>) => typeText({ type: id.type, identification: { evidence: id.evidence } });

describe('the prior for an SNMP agent nothing else classifies', () => {
  it('guesses network gear for a vendor agent that says nothing more, and says it is a guess', async () => {
    const id = await fromSystem('1.3.6.1.4.1.99999.7', 'TG650s');
    expect(id.type).toBe('network-device');
    expect(id.evidence).toContainEqual(expect.objectContaining({ field: 'type', rule: 'prior:vendor-agent' }));
    expect(shown(id)).toBe('Network device (guess)');
  });

  it('guesses the same for an agent that gives a sysDescr and no sysObjectID', async () => {
    const id = await fromSystem(null, 'Acme Widget 3');
    expect(id.evidence).toContainEqual(expect.objectContaining({ field: 'type', rule: 'prior:described-agent' }));
    expect(shown(id)).toBe('Network device (guess)');
  });

  it('yields to any other signal', async () => {
    expect((await fromSystem('1.3.6.1.4.1.99999.7', 'Acme Smart UPS 1500')).type).toBe('ups');
    expect((await fromSystem(null, 'Linux host01 5.10.0')).type).toBe('server');
  });

  it('makes no guess about a generic host agent (net-snmp, Microsoft), whose box could be anything', async () => {
    for (const objectId of ['1.3.6.1.4.1.8072.3.2.10', '1.3.6.1.4.1.311.1.1.3.1.2']) {
      const id = await fromSystem(objectId, 'Acme box');
      expect(id.evidence.filter((e) => e.rule.startsWith('prior:'))).toEqual([]);
    }
  });

  it('makes no guess about a vendor whose many MIB modules state no class (Endace\'s packet capture appliances)', async () => {
    const id = await fromSystem('1.3.6.1.4.1.18418.1.2', 'Endace OSm');
    expect(id.type).toBe('unknown');
    expect(id.evidence).toContainEqual(expect.objectContaining({ field: 'vendor' }));
  });

  it('makes no guess about a host that gave nothing', async () => {
    expect((await fromSystem(null, null)).type).toBe('unknown');
  });
});
