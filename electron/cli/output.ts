/**
 * Where the CLI writes: results to stdout, progress and diagnostics to stderr,
 * secrets never. Every message passes the terminal-safe cleaner: text from a
 * device or a file (a sysName, a JSON key) cannot move the cursor or reorder a line.
 */
import { redactSecrets } from '../../shared/credentials';
import { terminalText } from '../../shared/untrusted-text';

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
  /** Redraws the progress line in place (stderr). */
  redraw(line: string): void;
  /** True when stderr is a terminal that can redraw a progress line. */
  interactive: boolean;
  /** The terminal's width, when stderr is one: a redrawn line longer than it would wrap and pile up. */
  columns?: number;
}

export function processOutput(secrets: readonly string[] = []): CliOutput {
  return {
    out: (text) => process.stdout.write(terminalText(text)),
    err: (text) => process.stderr.write(terminalText(redactSecrets(text, secrets))),
    redraw: (line) => process.stderr.write(`\r\x1b[2K${terminalText(redactSecrets(line, secrets))}`),
    interactive: Boolean(process.stderr.isTTY),
    ...(process.stderr.columns ? { columns: process.stderr.columns } : {}),
  };
}

/**
 * Exit codes: 0 ok, 1 failure, 2 bad usage, 3 findings at or above --fail-on, 130 cancelled by Ctrl-C (the
 * partial result is still written).
 */
export const EXIT = { ok: 0, failure: 1, usage: 2, findings: 3, cancelled: 130 } as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Text cut to `max` characters, an ellipsis marking the cut (table cells, the progress line). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
