import { describe, expect, it } from 'vitest';
import { findLine, numberOrder, sortedLines } from '../../../electron/engine/knowledge/sorted-lines';

describe('sorted-lines tables', () => {
  const products = sortedLines([
    ['1.3.6.1.4.1.9.1.1208', 'cat29xxStack', 'switch'],
    ['1.3.6.1.4.1.12356.101.1.624', 'fgt60D'],
    ['1.3.6.1.4.1.9.1.12', 'cisco2500'],
    ['1.3.6.1.4.1.2636.1.1.1.2.29', 'jnxProductNameMX240', 'router'],
  ]);

  it('finds every row by its key, whichever line it sorted to, with its fields', () => {
    expect(findLine(products, '1.3.6.1.4.1.9.1.1208')).toEqual(['cat29xxStack', 'switch']);
    expect(findLine(products, '1.3.6.1.4.1.12356.101.1.624')).toEqual(['fgt60D']);
    expect(findLine(products, '1.3.6.1.4.1.9.1.12')).toEqual(['cisco2500']);
    expect(findLine(products, '1.3.6.1.4.1.2636.1.1.1.2.29')).toEqual(['jnxProductNameMX240', 'router']);
  });

  it('finds nothing for a key no line has: before the first, after the last, between two, or a prefix of one', () => {
    for (const missing of ['0', '9', '1.3.6.1.4.1.9.1.120', '1.3.6.1.4.1.9.1', '']) expect(findLine(products, missing), missing).toBeNull();
    expect(findLine('', 'anything')).toBeNull();
  });

  it('reads a table sorted by number with the same order (10 after 9, not before)', () => {
    const registry = sortedLines([['9', 'ciscoSystems'], ['10', 'NSC'], ['2', 'IBM'], ['14988', 'MikroTik']], numberOrder);
    expect(registry.split('\n').map((line) => line.split('\t')[0])).toEqual(['2', '9', '10', '14988']);
    expect(findLine(registry, '10', numberOrder)).toEqual(['NSC']);
    expect(findLine(registry, '14988', numberOrder)).toEqual(['MikroTik']);
    expect(findLine(registry, '11', numberOrder)).toBeNull();
  });

  it('finds each of many rows (every step of the search is exercised)', () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => [`1.3.6.1.4.1.${(i * 7919) % 10_007}`, `product${i}`]);
    const table = sortedLines(rows);
    for (const [key, name] of rows) expect(findLine(table, key!)).toEqual([name]);
    expect(findLine(table, '1.3.6.1.4.1.10008')).toBeNull();
  });

  it('refuses rows it could not read back: a tab or newline in a field, or a key twice', () => {
    expect(() => sortedLines([['1', 'a\tb']])).toThrow(/tab or a newline/);
    expect(() => sortedLines([['1', 'a\nb']])).toThrow(/tab or a newline/);
    expect(() => sortedLines([['7', 'a'], ['7', 'b']])).toThrow(/two rows have the key 7/);
  });
});
