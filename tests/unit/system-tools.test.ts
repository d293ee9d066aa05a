/** A missing system program skips its tests on a developer's machine, and fails the run in CI. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { missingTool } from '../support/system-tools';

describe('missingTool', () => {
  const ci = process.env.CI;
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
    vi.restoreAllMocks();
  });

  it('outside CI: skips, saying once what is missing and how to install it', () => {
    delete process.env.CI;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(missingTool('snmpsimd', '/nonexistent/snmpsimd')).toBe(true);
    expect(missingTool('snmpsimd', '/nonexistent/snmpsimd')).toBe(true);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([
      '[tests] skipping the tests that need snmpsimd: /nonexistent/snmpsimd is not installed (apt-get install snmpsim)',
    ]);
  });

  it('with CI=true: a missing program fails the run', () => {
    process.env.CI = 'true';
    expect(() => missingTool('chromium', '/nonexistent/chromium')).toThrow('/nonexistent/chromium is not installed (apt-get install chromium): these tests are mandatory in CI');
  });

  it('an installed program runs its tests', () => {
    expect(missingTool('ping', process.execPath)).toBe(false);
  });
});
