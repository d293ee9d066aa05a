import { describe, expect, it } from 'vitest';
import { moduleClassProbes } from '../../../tools/knowledge/module-classes';
import type { MibModule } from '../../../tools/knowledge/smidump';

const module = (name: string, oids: readonly string[]): MibModule => ({
  name,
  file: `${name}.mib`,
  description: '',
  objects: oids.map((oid, i) => ({ kind: 'scalar', name: `obj${i}`, oid, module: name, description: '' })),
  typedefs: [],
});

describe('classed vendor modules and where an agent serving one answers (tools/knowledge/module-classes.ts)', () => {
  it('probes the subtree a classed module occupies alone, and says nothing of modules whose names state no class', () => {
    const pdu = module('ACME-GP-PDU-MIB', ['1.3.6.1.4.1.99001.1.42.3.8.1.1', '1.3.6.1.4.1.99001.1.42.3.8.2.1']);
    const agent = module('ACME-GP-AGENT-MIB', ['1.3.6.1.4.1.99001.1.42.2.1.1']);
    expect(moduleClassProbes([pdu, agent])).toEqual({ 99001: [['1.3.6.1.4.1.99001.1.42.3.8', 'pdu', 'ACME-GP-PDU-MIB']] });
  });

  it('takes the module\'s own branches when its objects share a subtree with another module\'s', () => {
    // The radio module's objects sit under .3.4 and .3.9; .3 also holds the system module's .3.1.
    const radio = module('ACME-RADIO-SYSTEM-MIB', ['1.3.6.1.4.1.99002.3.4.1', '1.3.6.1.4.1.99002.3.4.2', '1.3.6.1.4.1.99002.3.9.1']);
    const system = module('ACME-SYSTEM-MIB', ['1.3.6.1.4.1.99002.3.1.1']);
    expect(moduleClassProbes([radio, system])[99002]).toEqual([
      ['1.3.6.1.4.1.99002.3.4', 'access-point', 'ACME-RADIO-SYSTEM-MIB'],
      ['1.3.6.1.4.1.99002.3.9', 'access-point', 'ACME-RADIO-SYSTEM-MIB'],
    ]);
  });

  it('asks once for a MIB kept under two names, whose objects share one subtree', () => {
    const oids = ['1.3.6.1.4.1.99004.10892.5.1.1', '1.3.6.1.4.1.99004.10892.5.2.1'];
    const probes = moduleClassProbes([module('ACME-IDRAC-MIB', oids), module('ACME-IDRAC-MIB-SMIv2', oids)]);
    expect(probes).toEqual({ 99004: [['1.3.6.1.4.1.99004.10892.5', 'server', 'ACME-IDRAC-MIB']] });
  });

  it('gives no probes for a maker of everything, nor for a generic agent', () => {
    const many = Array.from({ length: 13 }, (_, i) => module(`BIG-SWITCH-${i}-MIB`, [`1.3.6.1.4.1.99003.${i + 1}.1`]));
    const netSnmp = module('NET-SNMP-UPS-MIB', ['1.3.6.1.4.1.8072.9.1']);
    expect(moduleClassProbes([...many, netSnmp])).toEqual({});
  });
});
