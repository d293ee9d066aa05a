/** Agents signal readiness by creating a file, so the lab can wait without pipes. */
import { writeFileSync } from 'node:fs';

export function signalReady(readyFile: string | undefined): void {
  if (readyFile) writeFileSync(readyFile, String(process.pid));
}

/** `--name value` pairs from argv. */
export function parseArgs(argv: readonly string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    const value = argv[i + 1];
    if (key?.startsWith('--') && value !== undefined) args[key.slice(2)] = value;
  }
  return args;
}
