/**
 * Runs a system tool (arp, route, netstat) without a shell and returns its
 * output. Injected into readers so parsers are tested with captured text.
 */
import { execFile } from 'node:child_process';

export type CommandRunner = (file: string, args: string[], options?: { signal?: AbortSignal; timeoutMs?: number; input?: string }) => Promise<string>;

/** Windows tools print in the OEM code page; latin1 keeps digits, dots and dashes intact whatever it is. */
export const runCommand: CommandRunner = (file, args, options = {}) =>
  new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      {
        encoding: 'latin1',
        timeout: options.timeoutMs ?? 5000,
        signal: options.signal,
        windowsHide: true,
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, LANG: 'C', LC_ALL: 'C' },
      },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
    if (options.input !== undefined) {
      child.stdin?.on('error', () => undefined); // a tool that exits before reading it all: its exit status tells
      child.stdin?.end(options.input);
    }
  });
