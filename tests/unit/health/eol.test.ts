import { describe, expect, it } from 'vitest';
import { DEFAULT_EOL_TABLE } from '../../../shared/health/eol';

/** The table's own semantics: the first entry whose pattern matches names the product. */
function productOf(sysDescr: string): string | null {
  return DEFAULT_EOL_TABLE.find((e) => new RegExp(e.pattern, e.flags).test(sysDescr))?.product ?? null;
}

const windows = (build: number) =>
  `Hardware: Intel64 Family 6 Model 85 Stepping 7 AT/AT COMPATIBLE - Software: Windows Version 6.3 (Build ${build} Multiprocessor Free)`;

describe('end-of-life table', () => {
  it('tells Windows releases that all say "Version 6.3" apart by build number', () => {
    expect(productOf(windows(9600))).toBe('Windows 8.1 / Server 2012 R2');
    expect(productOf(windows(14393))).toBe('Windows Server 2016 / Windows 10 1607');
    expect(productOf(windows(17763))).toBe('Windows Server 2019 / Windows 10 1809');
    expect(productOf(windows(20348))).toBe('Windows Server 2022');
    expect(productOf(windows(19045))).toBe('Windows 10');
  });

  it('still recognises the older releases by version', () => {
    expect(productOf('Hardware: x86 Family 6 - Software: Windows 2000 Version 5.1 (Build 2600 Uniprocessor Free)')).toBe('Windows XP');
    expect(productOf('Linux nas01 3.10.105 #25556 SMP x86_64')).toBe('Linux kernel 3.x');
  });
});
