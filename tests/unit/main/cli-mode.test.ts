import { describe, expect, it, vi } from 'vitest';
import { cliArgsOf, runCommandLine } from '../../../electron/main/cli-mode';
import { COMMAND_NAMES } from '../../../electron/cli/main';

describe('the command line inside the installed app (electron/main/cli-mode.ts)', () => {
  it('is a start whose first argument is a command, or --cli; anything else starts the window', () => {
    expect(cliArgsOf(['/opt/Forewarn/forewarn', 'scan', '10.0.0.0/24', '--quick'], true, COMMAND_NAMES)).toEqual(['scan', '10.0.0.0/24', '--quick']);
    expect(cliArgsOf(['Forewarn.exe', '--cli', '--version'], true, COMMAND_NAMES)).toEqual(['--version']);
    // In development Electron runs the app folder: the arguments come after it.
    expect(cliArgsOf(['electron', '.', 'export', 'a.json', '--format', 'xlsx'], false, COMMAND_NAMES)).toEqual(['export', 'a.json', '--format', 'xlsx']);
    expect(cliArgsOf(['/opt/Forewarn/forewarn'], true, COMMAND_NAMES)).toBeNull();
    expect(cliArgsOf(['/opt/Forewarn/forewarn', '/home/tech/March.forewarn'], true, COMMAND_NAMES)).toBeNull();
    expect(cliArgsOf(['/opt/Forewarn/forewarn', '--no-sandbox'], true, COMMAND_NAMES)).toBeNull();
  });

  it('runs the command and exits with its code', async () => {
    const exits: number[] = [];
    const host = { isPackaged: true, hideDock: vi.fn(), exit: (code: number) => void exits.push(code) };
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string, cb?: () => void) => {
      written.push(String(chunk));
      cb?.();
      return true;
    }) as typeof process.stdout.write);
    try {
      await runCommandLine(['--version'], host);
      await vi.waitFor(() => expect(exits).toEqual([0]));
      expect(host.hideDock).toHaveBeenCalled();
      expect(written.join('')).toMatch(/^\d+\.\d+\.\d+\n/);
      await runCommandLine(['export', 'missing.json'], host);
      await vi.waitFor(() => expect(exits).toEqual([0, 2]));
    } finally {
      spy.mockRestore();
    }
  });
});
