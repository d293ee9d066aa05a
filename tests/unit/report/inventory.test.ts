import { describe, expect, it } from 'vitest';
import { vendorAndModel } from '../../../electron/report/inventory';

describe('inventory: vendor and model', () => {
  it('does not repeat a maker the model already names', () => {
    expect(vendorAndModel('HP', 'HP LaserJet Pro M404dn')).toBe('HP LaserJet Pro M404dn');
    expect(vendorAndModel('Brother', 'brother HL-L6200DW series')).toBe('brother HL-L6200DW series');
  });

  it('joins them otherwise, and says — when neither is known', () => {
    expect(vendorAndModel('Cisco', 'WS-C3750-48PS-S')).toBe('Cisco WS-C3750-48PS-S');
    expect(vendorAndModel('HPE', 'HPE5130')).toBe('HPE HPE5130');
    expect(vendorAndModel(null, 'DS920+')).toBe('DS920+');
    expect(vendorAndModel(null, null)).toBe('—');
  });
});
