/** runCommand with a real process: what it hands a tool on stdin, and a tool that ignores its stdin. */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../electron/engine/discovery/run-command';

describe('runCommand', () => {
  it('hands the tool its input on stdin (as `ip -batch -` reads its script)', async () => {
    expect(await runCommand('cat', [], { input: 'neigh del 10.0.0.1 dev eth0\n' })).toBe('neigh del 10.0.0.1 dev eth0\n');
  });

  it('survives a tool that exits before reading its input, and reports its exit status', async () => {
    await expect(runCommand('true', [], { input: 'x'.repeat(1 << 20) })).resolves.toBe('');
    await expect(runCommand('false', [], { input: 'x'.repeat(1 << 20) })).rejects.toThrow();
  });
});
