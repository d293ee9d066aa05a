import { describe, expect, it } from 'vitest';
import { activeRules, deviceVendorScope, ruleOwners, vendorKey, withoutVendorRules } from '../../../electron/engine/identify/rule-owners';
import { DEEP_RULES } from '../../../electron/engine/identify/rules';
import type { Rule } from '../../../electron/engine/identify/types';

const rule = (r: Partial<Rule> & Pick<Rule, 'id' | 'fact'>): Rule => ({ weight: 50, ...r });

describe('rule ownership (leave-vendor-out)', () => {
  it('derives the owner from an enterprise OID fact, a sysObjectID prefix, the vendor named, or says it', () => {
    expect(ruleOwners(rule({ id: 'a', fact: '1.3.6.1.4.1.14988.1.1.7.3.0', take: 'serial' })).enterprises).toEqual([14988]);
    expect(ruleOwners(rule({ id: 'b', fact: 'first:1.3.6.1.4.1.641.2.1.2.1.2' })).enterprises).toEqual([641]);
    expect(ruleOwners(rule({ id: 'c', fact: '1.3.6.1.2.1.1.2.0', prefix: '1.3.6.1.4.1.12356.101', set: { type: 'firewall' } })).enterprises).toEqual([12356]);
    expect(ruleOwners(rule({ id: 'd', fact: '1.3.6.1.2.1.1.1.0', match: /x/, set: { vendor: 'Vertiv (Liebert)' } })).vendor).toBe('vertiv');
    expect(ruleOwners(rule({ id: 'e', fact: '1.3.6.1.2.1.1.1.0', match: /x/, owner: [311] })).enterprises).toEqual([311]);
    expect(ruleOwners(rule({ id: 'f', fact: '1.3.6.1.4.1.9.9.1.0', compiled: true }))).toEqual({ enterprises: [], vendor: null });
  });

  it('switches off every hand-written rule of the scope and keeps generic and compiled ones', () => {
    const scope = deviceVendorScope([14988], [8072, 2021], ['MikroTik']);
    const left = withoutVendorRules(DEEP_RULES, scope);
    const ids = new Set(left.map((r) => r.id));
    expect(ids.has('mikrotik:mtxrSerialNumber')).toBe(false);
    expect(ids.has('sysdescr:routeros')).toBe(false);
    expect(ids.has('enterprise:14988')).toBe(false);
    expect(ids.has('entity:chassis-model')).toBe(true);
    expect(ids.has('sysdescr:generic-version')).toBe(true);
    expect(ids.has('iana-enterprise')).toBe(true);
    expect(left.length).toBeLessThan(DEEP_RULES.length);
  });

  it('leaves generic agents (net-snmp) out of a scope, and a platform name too', () => {
    const scope = deviceVendorScope([8072, 2021, 6574], [8072, 2021], ['Synology', 'Net-SNMP']);
    expect([...scope.enterprises]).toEqual([6574]);
    expect(scope.vendors.has('synology')).toBe(true);
    expect(scope.vendors.has(vendorKey('Net-SNMP'))).toBe(false);
  });

  it('lets a compiled rule step aside where a hand-written rule reads the same fact', () => {
    const hand = rule({ id: 'hand', fact: '1.3.6.1.4.1.318.1.1.1.1.2.1.0', take: 'firmware', weight: 30 });
    const compiled = rule({ id: 'mib:PowerNet-MIB::upsAdvIdentFirmwareRevision', fact: hand.fact, match: /(?<firmware>.+)/, compiled: true });
    expect(activeRules([hand, compiled], undefined).map((r) => r.id)).toEqual(['hand']);
    expect(activeRules([hand, compiled], deviceVendorScope([318], [], [])).map((r) => r.id)).toEqual([compiled.id]);
  });
});
