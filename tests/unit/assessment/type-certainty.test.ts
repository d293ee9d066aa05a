import { describe, expect, it } from 'vitest';
import { GUESS_BELOW_WEIGHT, typeIsGuess, typeText } from '../../../shared/assessment/type-certainty';
import type { Device } from '../../../shared/scan-document';

type Evidence = Device['identification']['evidence'][number];
const evidence = (value: string, weight: number, rule = 'r'): Evidence => ({ field: 'type', value, weight, rule, source: 'x' });
const device = (type: Device['type'], ...e: Evidence[]) => ({ type, identification: { evidence: e } });

describe('type certainty', () => {
  it('calls a type a guess when only weak rules support it', () => {
    const weak = device('switch', evidence('switch', 24, 'enterprise-usual-class'), evidence('switch', 22, 'entity:chassis'));
    expect(typeIsGuess(weak)).toBe(true);
    expect(typeText(weak)).toBe('Switch (guess)');
  });

  it('states a type that one strong rule supports, whatever weaker rules said', () => {
    const strong = device('printer', evidence('switch', 24), evidence('printer', 65, 'mib:printer-mib'));
    expect(typeIsGuess(strong)).toBe(false);
    expect(typeText(strong)).toBe('Printer');
    expect(typeIsGuess(device('router', evidence('router', GUESS_BELOW_WEIGHT)))).toBe(false);
  });

  it('counts only evidence for the type that won', () => {
    expect(typeIsGuess(device('server', evidence('ups', 62), evidence('server', 20, 'sysdescr:linux')))).toBe(true);
  });

  it('does not guess about a document that kept no evidence (older or hand-made files)', () => {
    expect(typeIsGuess(device('switch'))).toBe(false);
  });

  it('never marks an unknown type or an inferred placeholder', () => {
    expect(typeText(device('unknown'))).toBe('Unknown');
    expect(typeIsGuess(device('unmanaged-switch'))).toBe(false);
  });
});
