/**
 * `--json [FILE|-]`, the same in every command that has a document to give:
 * FILE writes it there, `-` (or a bare `--json`) prints it on stdout, where a
 * script reads it; the human table then stays off stdout so the JSON parses.
 */
import { toJson, writeFileAtomic } from './write-file';
import type { CliOutput } from './output';

/** A bare `--json` (last, or followed by another flag) means stdout: parseArgs needs the value spelled out. */
export function withJsonDefault(argv: readonly string[]): string[] {
  const out: string[] = [];
  argv.forEach((arg, i) => {
    out.push(arg);
    const next = argv[i + 1];
    if (arg === '--json' && (next === undefined || next.startsWith('--'))) out.push('-');
  });
  return out;
}

export function jsonToStdout(target: string | undefined): boolean {
  return target === '-';
}

/** Writes the document where --json said; says where on stderr when it is a file. */
export async function writeJson(target: string, value: unknown, output: CliOutput, what = 'Scan document'): Promise<void> {
  if (jsonToStdout(target)) {
    output.out(toJson(value));
    return;
  }
  await writeFileAtomic(target, toJson(value));
  output.err(`${what} written to ${target}\n`);
}
