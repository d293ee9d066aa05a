/** The renderer recognises the engine's real refusals (not hand-written look-alikes). */
import { describe, expect, it } from 'vitest';
import { parseTargets } from '../../../electron/engine/targets/parse-targets';
import { confirmationsAskedFor, refusalForDisplay } from '../../../renderer/src/scan-errors';

async function refusal(specs: string[]): Promise<string> {
  try {
    await parseTargets(specs, { allowLarge: false, allowPublic: false, resolveHostname: async () => [] });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected ${specs.join(',')} to be refused`);
}

describe('engine refusals in the renderer', () => {
  it('asks for allowLarge when the range is larger than a /16', async () => {
    const message = await refusal(['10.0.0.0/8']);
    expect(confirmationsAskedFor(message)).toEqual(['allowLarge']);
    expect(refusalForDisplay(message)).not.toContain('--allow');
    expect(refusalForDisplay(message)).toContain('more than a /16');
  });

  it('asks for allowPublic for public addresses', async () => {
    const message = await refusal(['8.8.8.8']);
    expect(confirmationsAskedFor(message)).toEqual(['allowPublic']);
    expect(refusalForDisplay(message)).toMatch(/public/);
  });

  it('asks for nothing on a malformed target', async () => {
    expect(confirmationsAskedFor(await refusal(['10.0.0.300']))).toEqual([]);
  });
});
